"""The app under gunicorn with the production settings on a loopback port: for the throttle tests and load runs."""

import contextlib
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import IO

from django.conf import settings

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def production_environment(**overrides: str) -> dict[str, str]:
    """This process's environment with the production settings for a loopback server: its own secret key,
    the loopback host allowed, and no redirect to HTTPS (there is no TLS on loopback)."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": HOST,
        "DEBUG": "false",
        "SECURE_SSL_REDIRECT": "false",
        **overrides,
    }


def wait_until_serving(
    url: str, process: "subprocess.Popen[bytes]", timeout: float, ready_path: str = "/healthz"
) -> None:
    """Until `ready_path` answers 200 (/healthz needs the database; /api/ does not)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode} before answering")
        try:
            with urllib.request.urlopen(f"{url}{ready_path}", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer {ready_path} within {timeout} s")


def stop(process: "subprocess.Popen[bytes]") -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextlib.contextmanager
def gunicorn(
    environment: dict[str, str],
    workers: int = 4,
    threads: int = 1,
    startup_timeout: float = 60,
    ready_path: str = "/healthz",
    output: IO[bytes] | int | None = None,
) -> Iterator[str]:
    """Serve config.wsgi with `workers` processes on a free loopback port; yields the base URL, then stops it.

    The workers are forked from an app loaded once (--preload), so all of them are serving by the time it
    answers.
    """
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"{HOST}:{port}", "--preload"]
    command += ["--workers", str(workers), "--threads", str(threads), "--log-level", "warning"]
    process = subprocess.Popen(command, cwd=settings.BASE_DIR, env=environment, stdout=output, stderr=output)
    try:
        url = f"http://{HOST}:{port}"
        wait_until_serving(url, process, startup_timeout, ready_path)
        yield url
    finally:
        stop(process)
