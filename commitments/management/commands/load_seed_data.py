from django.core.management.base import BaseCommand

from commitments.seed import gaza_2025
from commitments.seed.loader import load_seed
from tracker.history import change_context

DEFAULT_REASON = "Seed data: Reuters report of 24 October 2025 (Indonesian translation)"


class Command(BaseCommand):
    help = (
        "Load the seed data: every fact of the Reuters report of 24 October 2025 on the Civil-Military "
        "Coordination Center in Kiryat Gat, from its Indonesian translation. Safe to run again: it creates what "
        "is missing, corrects what differs from the seed, and leaves the rest alone."
    )

    def add_arguments(self, parser):
        parser.add_argument("--reason", default=DEFAULT_REASON, help="The reason recorded in every change's history.")

    def handle(self, *args, **options):
        with change_context(reason=options["reason"]):
            outcomes = load_seed(gaza_2025)
        self.stdout.write(
            f"Seed data: created {outcomes['created']}, updated {outcomes['updated']}, "
            f"unchanged {outcomes['unchanged']}."
        )
