import json
from pathlib import Path

from django.core.management.base import BaseCommand

from commitments.benchmark import benchmark_requests
from commitments.models import Pledge, Statement
from tracker.benchmark import BenchmarkRun, markdown_table
from tracker.models import Change


class Command(BaseCommand):
    help = (
        "Serve the configured database with gunicorn on loopback and time every list, filter, search, deep page, "
        "as_of, valid_at, detail, 304 and feed request beside its floor; print a table and write a JSON file."
    )

    def add_arguments(self, parser):
        parser.add_argument("--iterations", type=int, default=200, help="Requests per endpoint (200).")
        parser.add_argument("--clients", type=int, default=4, help="Concurrent clients (4).")
        parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (2).")
        parser.add_argument("--only", default="", help="Time only the requests whose name holds this text.")
        parser.add_argument(
            "--no-cached",
            dest="cached",
            action="store_false",
            help="Time each request made afresh only, not again with the answer cache on.",
        )
        parser.add_argument("--output", default="benchmark/results.json", help="The JSON results file.")

    def handle(self, *args, **options):
        requests = [request for request in benchmark_requests() if options["only"] in request.name]
        run = BenchmarkRun(
            requests,
            iterations=options["iterations"],
            clients=options["clients"],
            workers=options["workers"],
            cached=options["cached"],
            report=self.report,
        )
        run.run()
        sizes = {
            "pledges": Pledge.objects.count(),
            "statements": Statement.objects.count(),
            "changes": Change.objects.count(),
        }
        output = Path(options["output"])
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(json.dumps(run.document(sizes), indent=2) + "\n", encoding="utf-8")
        self.stdout.write(markdown_table(run.results))
        self.stdout.write(f"Results written to {output}.")

    def report(self, result):
        cached = f", cached {result['cached_median_ms']} ms" if "cached_median_ms" in result else ""
        self.stdout.write(f"  {result['name']}: {result['median_ms']} ms, x{result['ratio']}{cached}")
