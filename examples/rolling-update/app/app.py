"""Answers with its version and hostname. On SIGTERM it stops taking connections and finishes the
requests in flight before exiting, so a task being replaced never drops an answer half-way."""
import os
import signal
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

VERSION = os.environ.get("APP_VERSION", "dev")


class VersionHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        body = f"v{VERSION} from {socket.gethostname()}\n".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass


class Server(ThreadingHTTPServer):
    daemon_threads = False  # server_close() waits for the requests in flight


if __name__ == "__main__":
    server = Server(("", 8000), VersionHandler)
    # shutdown() must run outside the thread that is inside serve_forever().
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    print(f"v{VERSION} listening on port 8000", flush=True)
    server.serve_forever()
    server.server_close()
