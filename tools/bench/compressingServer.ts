import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import type {AddressInfo} from 'node:net';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.zip': 'application/zip',
};
const compressible = /^(text\/|application\/(json|xml)|image\/svg)/;

/** The file a URL path maps to, as a static host serves a Docusaurus build (trailingSlash: false). */
function resolveFile(root: string, urlPath: string): string | undefined {
  const clean = path.normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
  const candidates = [clean, `${clean}.html`, path.join(clean, 'index.html')].map((p) => path.join(root, p));
  return candidates.find((file) => file.startsWith(root) && fs.existsSync(file) && fs.statSync(file).isFile());
}

/**
 * Serves a build the way a real host would: brotli or gzip by Accept-Encoding, long caching for
 * hashed assets. `docusaurus serve` sends everything uncompressed, which would overstate bytes.
 */
export async function serveCompressed(root: string): Promise<{url: string; close: () => Promise<void>}> {
  const cache = new Map<string, {br: Buffer; gzip: Buffer}>();
  const server = http.createServer((req, res) => {
    const urlPath = new URL(req.url ?? '/', 'http://x').pathname;
    const found = resolveFile(root, urlPath);
    const file = found ?? path.join(root, '404.html');
    const status = found ? 200 : 404;
    if (!fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const type = types[path.extname(file)] ?? 'application/octet-stream';
    const body = fs.readFileSync(file);
    const accept = String(req.headers['accept-encoding'] ?? '');
    const headers: http.OutgoingHttpHeaders = {'content-type': type, vary: 'accept-encoding'};
    let sent: Buffer = body;
    if (compressible.test(type) && /\b(br|gzip)\b/.test(accept)) {
      let packed = cache.get(file);
      if (!packed) {
        packed = {br: zlib.brotliCompressSync(body), gzip: zlib.gzipSync(body, {level: 9})};
        cache.set(file, packed);
      }
      const encoding = /\bbr\b/.test(accept) ? 'br' : 'gzip';
      sent = packed[encoding];
      headers['content-encoding'] = encoding;
    }
    headers['content-length'] = sent.length;
    res.writeHead(status, headers);
    res.end(sent);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve()))};
}
