from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CommitmentsConfig(AppConfig):
    name = "commitments"
    verbose_name = _("Commitments")

    def ready(self):
        from .api.names import register_names
        from .services.editors import editors_group_sync

        register_names()
        # Permissions exist only once post_migrate has created them, so the group is made after them.
        post_migrate.connect(editors_group_sync, sender=self, dispatch_uid="commitments.editors_group_sync")
