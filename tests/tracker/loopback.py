"""Stand-ins for a database on loopback, and the app served by gunicorn in a process of its own."""

import contextlib
import os
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request

from tracker import loopback


class TcpServer:
    """Accepts connections on a loopback port: it black-holes them (holds them open, never answers) or, with an
    upstream (host, port), forwards them. `upstream` can change while it runs; `drop()` closes the open ones."""

    def __init__(self, upstream=None):
        self.upstream = upstream
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.open = []
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        with contextlib.suppress(OSError):
            while True:
                client, _address = self.listener.accept()
                self.open.append(client)
                if self.upstream is not None:
                    self.forward(client, socket.create_connection(self.upstream))

    def forward(self, client, server):
        self.open.append(server)
        for source, target in ((client, server), (server, client)):
            threading.Thread(target=pump, args=(source, target), daemon=True).start()

    def drop(self):
        for sock in self.open:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        self.open.clear()

    def close(self):
        self.drop()
        self.listener.close()


def pump(source, target):
    with contextlib.suppress(OSError):
        while data := source.recv(65536):
            target.sendall(data)


def gunicorn(database_url, **environ):
    """The app under gunicorn (one sync worker, as the README serves it) on `database_url`; yields its base URL.
    It is ready when /api/ answers, which needs no database."""
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", "DATABASE_URL": database_url}
    return loopback.gunicorn(
        {**environment, **environ}, workers=1, startup_timeout=30, ready_path="/api/", output=subprocess.DEVNULL
    )


def fetch(url, method="GET", headers=None, body=None, timeout=60):
    """(status, headers, body, seconds) of one request, errors included."""
    request = urllib.request.Request(url, method=method, headers=headers or {}, data=body)
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers, response.read(), time.monotonic() - started
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read(), time.monotonic() - started
