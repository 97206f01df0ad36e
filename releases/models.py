"""Numbered releases: the whole data set as the database held it at one instant, as a citable data package."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from tracker.models import TrackedModel

# Semantic versioning 2.0.0: MAJOR.MINOR.PATCH, with an optional pre-release; no build metadata, which a version
# in an address or a citation would have to escape.
SEMANTIC_VERSION = (
    r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)"
    r"(-(0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*)(\.(0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*))*)?$"
)
VERSION_PATH = r"[0-9A-Za-z.-]+"


class Release(TrackedModel):
    """A numbered release: the instant it stands for and the change-feed position at that instant, with what it
    holds (counts per collection), what changed since the release before it, and the checksum of its package.

    A release never changes once cut: what it stands for is fixed by its instant and position."""

    version = models.CharField(
        _("version"),
        max_length=50,
        unique=True,
        validators=[RegexValidator(SEMANTIC_VERSION, _("Not a semantic version such as 1.0.0 or 1.1.0-rc.1."))],
        help_text=_("A semantic version: 1.0.0, 1.1.0, 2.0.0-rc.1."),
    )
    notes = models.TextField(_("notes"), blank=True)
    released_at = models.DateTimeField(_("released at"), db_index=True)
    feed_position = models.BigIntegerField(_("feed position"))
    previous = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("previous release")
    )
    counts = models.JSONField(_("records per collection"), default=dict, blank=True)
    changes = models.JSONField(_("changes since the previous release"), default=dict, blank=True)
    checksum = models.CharField(_("SHA-256 of the package"), max_length=64)

    class Meta:
        ordering = ["id"]
        verbose_name = _("release")
        verbose_name_plural = _("releases")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(feed_position__gte=0),
                name="release_feed_position_not_negative",
                violation_error_code="release_feed_position_not_negative",
            )
        ]

    def __str__(self) -> str:
        return self.version


class ReleasePackage(models.Model):
    """The bytes of a release's data package, kept as they were made, so that every download is the same file."""

    release = models.OneToOneField(Release, on_delete=models.CASCADE, primary_key=True, related_name="package")
    content = models.BinaryField(_("package"))

    class Meta:
        verbose_name = _("release package")
        verbose_name_plural = _("release packages")

    def __str__(self) -> str:
        return f"{self.release_id}"
