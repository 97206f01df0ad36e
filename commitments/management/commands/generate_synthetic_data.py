import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from commitments.models import Pledge
from commitments.synthetic import Sizes, SyntheticData
from commitments.synthetic.generator import KEY_PREFIX


class Command(BaseCommand):
    help = (
        "Add a large, deterministic synthetic data set to the configured database (COPY on PostgreSQL), with its "
        "history and change feed, for measuring the service at scale. Never run it on a database of real records."
    )

    def add_arguments(self, parser):
        parser.add_argument("--pledges", type=int, default=Sizes.pledges, help="How many pledges (100,000).")
        parser.add_argument("--statements", type=int, default=Sizes.statements, help="How many statements (1,000,000).")
        parser.add_argument("--seed", type=int, default=1, help="The random seed: the same seed gives the same rows.")

    def handle(self, *args, **options):
        if options["pledges"] < 1 or options["statements"] < 1:
            raise CommandError("--pledges and --statements must be at least 1.")
        if Pledge.objects.filter(key__startswith=KEY_PREFIX).exists():
            raise CommandError("This database already holds synthetic data: generate it into a new database.")
        sizes = Sizes(pledges=options["pledges"], statements=options["statements"])
        started = time.monotonic()
        with transaction.atomic():
            SyntheticData(connection, sizes, seed=options["seed"], report=self.progress(started)).generate()
        self.stdout.write(f"Synthetic data written in {time.monotonic() - started:.0f} s.")

    def progress(self, started):
        def report(message):
            self.stdout.write(f"  {time.monotonic() - started:6.1f} s  {message}")

        return report
