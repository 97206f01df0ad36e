import resource
import time
import tracemalloc
from urllib.parse import parse_qsl, urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test import RequestFactory
from django.urls import Resolver404, resolve

MB = 1024 * 1024


class Command(BaseCommand):
    help = (
        "Export one list of the configured database in this process (`/api/v1/pledges/?format=csv` by default) and "
        "report its rows, bytes, time to the first bytes and to the end, and the memory it took."
    )

    def add_arguments(self, parser):
        parser.add_argument("--url", default="/api/v1/pledges/?format=csv", help="The list and its parameters.")
        parser.add_argument("--batch-size", type=int, default=None, help="Rows per batch (API_EXPORT_BATCH_SIZE).")
        parser.add_argument(
            "--trace", action="store_true", help="Also trace Python's allocations (tracemalloc), which runs slower."
        )

    def handle(self, *args, **options):
        if options["batch_size"]:
            settings.API_EXPORT_BATCH_SIZE = options["batch_size"]
        url = urlsplit(options["url"])
        try:
            view = resolve(url.path).func
        except Resolver404 as error:
            raise CommandError(f"No list at {url.path}.") from error
        request = RequestFactory().get(url.path, dict(parse_qsl(url.query, keep_blank_values=True)))
        if options["trace"]:
            tracemalloc.start()
        resident = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        self.report(self.read(view(request)), resident, options["trace"])

    def read(self, response):
        if not response.streaming:
            raise CommandError(f"Not an export: {response.status_code} {response.content[:300]!r}")
        started = time.monotonic()
        chunks = iter(response.streaming_content)
        first = next(chunks)
        first_seconds = time.monotonic() - started
        lines, size, last = first.count(b"\n"), len(first), first
        for chunk in chunks:
            lines, size, last = lines + chunk.count(b"\n"), size + len(chunk), chunk or last
        return {
            "lines": lines,
            "bytes": size,
            "first": first_seconds,
            "total": time.monotonic() - started,
            "last": last,
        }

    def report(self, read, resident, traced):
        grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - resident) / 1024  # ru_maxrss is in KiB
        self.stdout.write(f"lines: {read['lines']:,} ({read['bytes'] / MB:.1f} MB)")
        self.stdout.write(f"first bytes after {read['first'] * 1000:.0f} ms, the end after {read['total']:.1f} s")
        self.stdout.write(f"peak resident memory grew by {grown:.1f} MB")
        if traced:
            self.stdout.write(f"peak of traced Python allocations: {tracemalloc.get_traced_memory()[1] / MB:.1f} MB")
        if read["last"].startswith((b"#error", b'{"error"')):
            self.stdout.write(f"the export failed: {read['last'].decode()[:300]}")
