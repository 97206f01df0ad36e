from django.core.management.base import BaseCommand

from commitments.audit import audit_lines


class Command(BaseCommand):
    help = (
        "List every value that rests on an editor rather than a source: supplied titles, group members and "
        "descriptions an editor added, statements without a date or a speaker, status events without dated "
        "evidence, pledges and statements whose only sources are translations, quotes whose words are a "
        "translation, and translations made by an editor. Read-only."
    )

    def handle(self, *args, **options):
        for line in audit_lines():
            self.stdout.write(line)
