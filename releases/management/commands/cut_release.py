from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from tracker.history import change_context

from ...services import release_cut


class Command(BaseCommand):
    help = "Cut a numbered release: the data set as it stands now, as a citable data package."

    def add_arguments(self, parser):
        parser.add_argument("version", help="A semantic version after the last release's: 1.0.0, 1.1.0-rc.1.")
        parser.add_argument("--notes", default="", help="What the release holds or changes, for its readers.")

    def handle(self, *args, version, notes, **options):
        try:
            with change_context(reason=f"cut release {version}"):
                release = release_cut(version, notes)
        except ValidationError as error:
            messages = "; ".join(f"{field}: {' '.join(texts)}" for field, texts in error.message_dict.items())
            raise CommandError(messages) from error
        self.stdout.write(
            f"Release {release.version}: feed position {release.feed_position}, "
            f"as of {release.released_at.isoformat()}, sha256 {release.checksum}."
        )
