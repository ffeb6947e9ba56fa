"""Answers every request with the name of the container (the Swarm task) that served it."""
import signal
import socket
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class WhoamiHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        body = f"I'm {socket.gethostname()}\n".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass  # keep the logs quiet: the health check asks every few seconds


if __name__ == "__main__":
    # As PID 1, Python would ignore the SIGTERM that stops a task; exit on it instead.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    ThreadingHTTPServer(("", 8000), WhoamiHandler).serve_forever()
