"""Greets whoever is named on the command line, or serves the greeting over HTTP with --serve."""
import os
import socket
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

GREETING = os.environ.get("GREETING", "Hello")


class GreetingHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        body = f"{GREETING} from {socket.gethostname()}!\n".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def main(args):
    if args == ["--serve"]:
        port = int(os.environ.get("PORT", "8000"))
        print(f"listening on port {port}", flush=True)
        HTTPServer(("", port), GreetingHandler).serve_forever()
    else:
        print(f"{GREETING}, {' '.join(args) or 'World'}!")


if __name__ == "__main__":
    main(sys.argv[1:])
