from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from commitments.imports.collections import COLLECTIONS
from commitments.imports.importer import ACTIONS, CREATED, ImportReport, import_content
from tracker.imports import FORMATS


class Command(BaseCommand):
    help = (
        "Import pledges, statements, sources, organizations or people from a CSV or JSON Lines file, as the API "
        "exports them, through the services: each row finds its record by natural key (pledges and statements by "
        "key, organizations and people by slug, sources by id, document URL or title and publisher), a row that "
        "changes nothing writes nothing, and the file applies whole or not at all."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="A .csv or .jsonl file.")
        parser.add_argument(
            "--collection", choices=list(COLLECTIONS), help="What the file holds (else told by its columns)."
        )
        parser.add_argument("--format", choices=FORMATS, help="The file's format (else told by its extension).")
        parser.add_argument("--dry-run", action="store_true", help="Show what would change, and write nothing.")
        parser.add_argument("--reason", default="", help="The reason kept in every version the import writes.")
        parser.add_argument("--user", help="The username kept as the author of every version it writes.")

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            content = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from error
        report = import_content(
            content,
            path.name,
            collection=options["collection"],
            file_format=options["format"],
            reason=options["reason"] or f"Imported from {path.name}",
            user=self.user(options["user"]),
            dry_run=options["dry_run"],
        )
        if report.errors:
            for refused in report.errors:
                self.stderr.write(str(refused))
            errors = f"{len(report.errors)} error{'s' * (len(report.errors) != 1)}"
            raise CommandError(f"{path.name} was not imported ({errors}): nothing was written.")
        self.write_report(report, path.name)

    def user(self, username):
        if username is None:
            return None
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user is named {username}.")
        return user

    def write_report(self, report: ImportReport, name: str) -> None:
        counts = ", ".join(f"{action} {report.count(action)}" for action in ACTIONS)
        done = "dry run, nothing written" if report.dry_run else "written"
        self.stdout.write(f"{report.collection} from {name} ({done}): {counts}.")
        for row in report.rows:
            verb = f"would be {row.action}" if report.dry_run and row.action != "unchanged" else row.action
            self.stdout.write(f"  row {row.number}: {report.collection}/{row.lookup} {verb}")
            for change in row.changes:
                value = change.new if row.action == CREATED else f"{shown(change.old)} → {shown(change.new)}"
                self.stdout.write(f"      {change.column}: {value}")


def shown(value: str) -> str:
    return value or "(empty)"
