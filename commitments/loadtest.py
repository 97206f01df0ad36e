"""A bounded load run against a server on loopback: client threads mixing reads of the seed data with writes.

Each client writes only pledges of its own (create, patch, delete, again), so that its writes never wait on
another client's: the run measures the service, not contention on one record.
"""

import http.client
import json
import random
import re
import statistics
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

READS = (
    "/api/v1/pledges/?page_size=50",
    "/api/v1/pledges/?country=IDN",
    "/api/v1/pledges/?initiative=gaza-isf&condition=hamas-disarmament",
    "/api/v1/pledges/?quantity_min=100&announced_after=2025-10-20",
    "/api/v1/statements/?about_country=TUR&stance=opposes",
    "/api/v1/statements/?page_size=50",
    "/api/v1/conditions/?status=unresolved,under_negotiation",
    "/api/v1/initiatives/",
    "/api/v1/countries/?page_size=100",
    "/api/v1/changes/?page_size=100",
)
PLEDGES = "/api/v1/pledges/"
REQUEST_TIMEOUT = 30


@dataclass
class Tally:
    """What one client saw: each request's latency, and its outcome by operation."""

    latencies: list = field(default_factory=list)
    outcomes: Counter = field(default_factory=Counter)

    def add(self, other):
        self.latencies += other.latencies
        self.outcomes.update(other.outcomes)

    @property
    def server_errors(self):
        return sum(count for (_operation, outcome), count in self.outcomes.items() if str(outcome).startswith("5"))

    @property
    def transport_errors(self):
        return sum(count for (_operation, outcome), count in self.outcomes.items() if not str(outcome).isdigit())


def operation(method, path):
    """`GET /api/v1/pledges/{id}/` for every pledge's detail: the report groups requests by route."""
    route = re.sub(r"/\d+/", "/{id}/", urlsplit(path).path)
    return f"{method} {route}"


@dataclass
class LoadClient:
    """One client thread: what it saw, and the pledge of its own that it is writing, if any."""

    url: str
    token: str
    pledge_body: dict
    reads: tuple
    name: str
    tally: Tally = field(default_factory=Tally)
    pledge: dict = field(default_factory=dict)

    def request(self, method, path, body=None, headers=None):
        """One request on a fresh connection; its status, headers and JSON body, or None on a transport error."""
        parts = urlsplit(self.url)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=REQUEST_TIMEOUT)
        headers = {"Accept": "application/json", **(headers or {})}
        data = None if body is None else json.dumps(body).encode()
        if data is not None:
            headers["Content-Type"] = "application/json"
        started = time.perf_counter()
        try:
            connection.request(method, path, body=data, headers=headers)
            response = connection.getresponse()
            content = response.read()
        except (OSError, http.client.HTTPException) as error:
            self.tally.outcomes[operation(method, path), type(error).__name__] += 1
            return None
        finally:
            connection.close()
        self.tally.latencies.append(time.perf_counter() - started)
        self.tally.outcomes[operation(method, path), response.status] += 1
        return response.status, response.headers, content

    def write(self, method, path, body=None, etag=None):
        headers = {"Authorization": f"Token {self.token}", "X-Change-Reason": "load run"}
        if etag:
            headers["If-Match"] = etag
        return self.request(method, path, body, headers)

    def read(self, rng):
        self.request("GET", rng.choice(self.reads))

    def write_step(self):
        """The next write of this client's cycle: create a pledge of its own, patch it, delete it."""
        if not self.pledge:
            self.create()
        elif not self.pledge.get("patched"):
            self.patch()
        else:
            self.delete()

    def create(self):
        answer = self.write("POST", PLEDGES, self.pledge_body)
        if answer and answer[0] == 201:
            self.pledge = {"path": f"{PLEDGES}{json.loads(answer[2])['id']}/", "etag": answer[1]["ETag"]}

    def patch(self):
        body = {"description": f"Revised by {self.name}."}
        answer = self.write("PATCH", self.pledge["path"], body, self.pledge["etag"])
        self.pledge = {**self.pledge, "patched": True, "etag": answer[1]["ETag"]} if answer and answer[0] == 200 else {}

    def delete(self):
        self.write("DELETE", self.pledge["path"], etag=self.pledge["etag"])
        self.pledge = {}

    def run(self, deadline, write_share, seed):
        rng = random.Random(seed)
        while time.monotonic() < deadline:
            if rng.random() < write_share:
                self.write_step()
            else:
                self.read(rng)
        if self.pledge:
            self.delete()


def run_threads(clients, duration, write_share):
    deadline = time.monotonic() + duration
    threads = [
        threading.Thread(target=client.run, args=(deadline, write_share, number), daemon=True)
        for number, client in enumerate(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=duration + 2 * REQUEST_TIMEOUT)


def run_load(clients, duration, write_share, warmup):
    """Run every client in a thread of its own for `duration` seconds; their merged tally and the time taken.

    The first `warmup` seconds are not counted: each worker's first requests load what Django loads lazily.
    """
    run_threads(clients, warmup, write_share)
    for client in clients:
        client.tally = Tally()
    started = time.monotonic()
    run_threads(clients, duration, write_share)
    elapsed = time.monotonic() - started
    total = Tally()
    for client in clients:
        total.add(client.tally)
    return total, elapsed


def percentiles(latencies):
    """p50, p95 and p99 in milliseconds."""
    if len(latencies) < 2:
        return [sum(latencies) * 1000] * 3
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    return [cuts[49] * 1000, cuts[94] * 1000, cuts[98] * 1000]


def report(tally, elapsed):
    """The lines a load run prints: throughput, latency percentiles, errors, then each operation's outcomes."""
    requests = sum(tally.outcomes.values())
    p50, p95, p99 = percentiles(tally.latencies)
    lines = [
        f"requests: {requests} in {elapsed:.1f} s = {requests / elapsed:.1f} requests/s",
        f"latency: p50 {p50:.1f} ms, p95 {p95:.1f} ms, p99 {p99:.1f} ms",
        f"errors: {tally.server_errors + tally.transport_errors} "
        f"({tally.server_errors} 5xx, {tally.transport_errors} transport)",
    ]
    by_operation = {}
    for (name, outcome), count in sorted(tally.outcomes.items(), key=str):
        by_operation.setdefault(name, []).append(f"{outcome} × {count}")
    lines += [f"  {name}: {', '.join(outcomes)}" for name, outcomes in sorted(by_operation.items())]
    return lines
