/**
 * Docusaurus' chunk prefetch (@docusaurus/core/lib/client/prefetch), asking for each chunk once.
 * Docusaurus prefetches every route a visible link points to, chunk by chunk, and all docs routes
 * share their layout chunks: a chapter appended about 170 <link rel=prefetch> for 16 files.
 */
const requested = new Set<string>();

const linkPrefetch = (url: string) =>
  new Promise<void>((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'prefetch';
    link.href = url;
    link.onload = () => resolve();
    link.onerror = () => reject(new Error(`prefetch of ${url} failed`));
    document.head.appendChild(link);
  });

// Safari has no <link rel=prefetch>; as in Docusaurus, a plain request warms the cache instead.
const supportsLinkPrefetch =
  typeof document !== 'undefined' && document.createElement('link').relList.supports('prefetch');

export default function prefetch(url: string): Promise<void> {
  if (requested.has(url)) return Promise.resolve();
  requested.add(url);
  const request = supportsLinkPrefetch ? linkPrefetch(url) : fetch(url, {credentials: 'include'}).then(() => undefined);
  // As in Docusaurus: a failed prefetch is only a missed optimisation, and the browser logs it.
  return request.catch(() => undefined);
}
