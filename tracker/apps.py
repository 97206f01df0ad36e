from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrackerConfig(AppConfig):
    name = "tracker"
    verbose_name = _("Tracker kernel")

    def ready(self) -> None:
        # simple_history's documented hook after each history row: the change feed follows every history
        # row, whichever code path wrote it.
        from django.db.backends.signals import connection_created
        from simple_history.signals import post_create_historical_record

        from .history import append_to_feed
        from .search import register_sqlite_functions

        post_create_historical_record.connect(append_to_feed, dispatch_uid="tracker.append_to_feed")
        connection_created.connect(register_sqlite_functions, dispatch_uid="tracker.register_sqlite_functions")
