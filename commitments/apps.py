from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CommitmentsConfig(AppConfig):
    name = "commitments"
    verbose_name = _("Commitments")

    def ready(self):
        # Permissions exist only once post_migrate has created them, so the group is made after them.
        from .services.editors import editors_group_sync

        post_migrate.connect(editors_group_sync, sender=self, dispatch_uid="commitments.editors_group_sync")
