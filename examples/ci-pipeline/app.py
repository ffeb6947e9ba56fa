"""A tiny web service for the CI pipeline example: / greets, /healthz answers "ok"."""
import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def greeting(version: str) -> str:
    return f"hello from the pipeline, version {version}\n"


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/healthz":
            body = "ok\n"
        elif self.path == "/":
            body = greeting(os.environ.get("APP_VERSION", "dev"))
        else:
            self.send_error(404)
            return
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


if __name__ == "__main__":
    ThreadingHTTPServer(("0.0.0.0", 8000), Handler).serve_forever()
