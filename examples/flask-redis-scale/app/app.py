"""A visit counter: every answer names the container that served it and the count kept in Redis."""
import os
import socket

from flask import Flask
from redis import Redis

app = Flask(__name__)
redis = Redis(host=os.environ.get("REDIS_HOST", "redis"), port=6379, socket_timeout=2)


@app.get("/")
def hello():
    count = redis.incr("hits")
    return f"Hello from {socket.gethostname()}: visit {count}\n"


@app.get("/healthz")
def healthz():
    redis.ping()
    return "ok\n"


if __name__ == "__main__":
    # Flask's own server is enough for a demo; use gunicorn or similar in production.
    app.run(host="0.0.0.0", port=5000)
