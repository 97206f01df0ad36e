import tempfile

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from rest_framework.authtoken.models import Token

from commitments.loadtest import READS, LoadClient, report, run_load
from commitments.models import Initiative, Pledge, Source
from commitments.services.editors import EDITORS
from countries.models import Country
from tracker.loopback import gunicorn, production_environment

EDITOR = "load-run-editor"
UNTHROTTLED = "1000000/min"


def editor_token():
    """The token of an editor kept for load runs, created on first use."""
    user, _created = User.objects.get_or_create(username=EDITOR)
    user.groups.add(Group.objects.get(name=EDITORS))
    return Token.objects.get_or_create(user=user)[0].key


def pledge_bodies(count):
    """What each client's pledges are: troops of a country of its own to the seed's first initiative, citing its
    first source. The server derives a pledge's key from its party, initiative and kind, so no two clients
    create pledges that compete for one key."""
    initiative, source = Initiative.objects.order_by("id").first(), Source.objects.order_by("id").first()
    if initiative is None or source is None:
        raise CommandError("The database holds no seed data: run `manage.py migrate` and `load_seed_data` first.")
    countries = Country.objects.order_by("iso3").values_list("iso3", flat=True)[:count]
    return [
        {"country": iso3, "initiative": initiative.slug, "kind": "troops", "sources": [source.pk]} for iso3 in countries
    ]


def server_environment(cache_dir, run):
    """The throttles stay in the path, with counts of this run's own and rates that no client reaches."""
    return production_environment(
        API_THROTTLE_ANON=UNTHROTTLED, API_THROTTLE_USER=UNTHROTTLED, CACHE_DIR=cache_dir, CACHE_KEY_PREFIX=run
    )


class Command(BaseCommand):
    help = (
        "Serve the app with gunicorn and the production settings on loopback, against this database (seeded), "
        "and run client threads mixing reads with writes to pledges of their own for a fixed time. Prints "
        "requests/s, p50/p95/p99 latency and the errors (5xx and transport), and fails if there were any."
    )

    def add_arguments(self, parser):
        parser.add_argument("--duration", type=float, default=20.0, help="Seconds of load (default 20).")
        parser.add_argument("--warmup", type=float, default=5.0, help="Seconds of load before counting (default 5).")
        parser.add_argument("--clients", type=int, default=8, help="Client threads (default 8).")
        parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes (default 4).")
        parser.add_argument("--threads", type=int, default=1, help="Threads per gunicorn worker (default 1).")
        parser.add_argument("--write-share", type=float, default=0.2, help="Share of writes (default 0.2).")

    def handle(self, *args, **options):
        bodies, token = pledge_bodies(options["clients"]), editor_token()
        reads = READS + tuple(f"/api/v1/pledges/{pk}/" for pk in Pledge.objects.values_list("pk", flat=True)[:5])
        run = f"load-{Token.generate_key()[:8]}"
        self.stdout.write(self.describe(options))
        connection.close()
        with tempfile.TemporaryDirectory(prefix="loadtest-cache-") as cache_dir:
            server = gunicorn(
                server_environment(cache_dir, run), workers=options["workers"], threads=options["threads"]
            )
            with server as url:
                clients = [LoadClient(url, token, body, reads, f"{run}-{n}") for n, body in enumerate(bodies)]
                tally, elapsed = run_load(clients, options["duration"], options["write_share"], options["warmup"])
        self.stdout.write("\n".join(report(tally, elapsed)))
        if tally.server_errors or tally.transport_errors:
            raise CommandError("The load run saw errors.")

    def describe(self, options):
        cache = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
        return (
            f"load run: {options['duration']:g} s after {options['warmup']:g} s of warm-up; {options['clients']} "
            f"clients, {options['workers']} gunicorn workers × {options['threads']} threads; {connection.vendor} "
            f"database, {cache}; {options['write_share']:.0%} writes"
        )
