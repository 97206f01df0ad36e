from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate


def create_cache_table(using, **kwargs):
    """`migrate` also creates the database cache's table (the throttles' shared counts) when it is missing."""
    call_command("createcachetable", database=using, verbosity=0)


class TrackerConfig(AppConfig):
    name = "tracker"
    verbose_name = "Tracker kernel"

    def ready(self):
        # simple_history's documented hook after each history row: the change feed follows every history
        # row, whichever code path wrote it.
        from simple_history.signals import post_create_historical_record

        from .history import append_to_feed

        post_create_historical_record.connect(append_to_feed, dispatch_uid="tracker.append_to_feed")
        post_migrate.connect(create_cache_table, sender=self, dispatch_uid="tracker.create_cache_table")
