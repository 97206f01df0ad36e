from django.core.management.base import BaseCommand

from commitments.seed import gaza_2025
from commitments.seed.loader import load_seed

DEFAULT_REASON = "Seed data: Reuters report of 24 October 2025 (Indonesian translation)"


class Command(BaseCommand):
    help = (
        "Load the seed data: every fact of the Reuters report of 24 October 2025 on the Civil-Military "
        "Coordination Center in Kiryat Gat, from its Indonesian translation. Safe to run again: it creates what "
        "is missing and corrects what differs from the seed, but leaves alone, and lists, every record that "
        "someone changed or deleted since the seed wrote it (unless --overwrite)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--reason", default=DEFAULT_REASON, help="The reason recorded in every change's history.")
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help="Put the seed's values back on records that others changed since, and recreate those they deleted.",
        )

    def handle(self, *args, **options):
        report = load_seed(gaza_2025, reason=options["reason"], overwrite=options["overwrite"])
        outcomes = report.outcomes
        self.stdout.write(
            f"Seed data: created {outcomes['created']}, updated {outcomes['updated']}, "
            f"unchanged {outcomes['unchanged']}, removed {outcomes['removed']}, skipped {len(report.skipped)}."
        )
        for record in report.removed:
            self.stdout.write(f"  removed {record}, which the seed wrote and no longer holds")
        for record in report.kept:
            self.stdout.write(f"  kept {record}, which the seed no longer holds: other records cite it")
        for skipped in report.skipped:
            self.stdout.write(f"  skipped {skipped.record}{self.describe(skipped.change)}")
        if report.skipped:
            self.stdout.write("Run with --overwrite to put the seed's values back on these records.")

    def describe(self, change):
        if change is None:
            return ""
        who = change.user.get_username() if change.user else "no user"
        reason = f": {change.reason}" if change.reason else ""
        return f" (last changed {change.history_date:%Y-%m-%d %H:%M} UTC by {who}{reason})"
