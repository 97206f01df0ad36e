from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ReleasesConfig(AppConfig):
    name = "releases"
    verbose_name = _("Releases")

    def ready(self) -> None:
        from tracker.reflects import read_releases_with

        from .services import editors_may_cut_releases, release_reflects

        read_releases_with(release_reflects)

        # Permissions exist only once post_migrate has created them, so the group gets them after.
        post_migrate.connect(editors_may_cut_releases, sender=self, dispatch_uid="releases.editors_may_cut_releases")
