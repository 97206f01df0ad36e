from typing import ClassVar

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from tracker.dates import precision_field
from tracker.models import TrackedModel

from ..choices import SourceKind
from ..validators import validate_language


class Source(TrackedModel):
    """Where a claim comes from. A URL is never invented: a print or translated report may have none."""

    title = models.CharField(_("title"), max_length=500)
    title_supplied = models.BooleanField(
        _("title supplied by an editor"),
        default=False,
        help_text=_("Set when the document has no title of its own and an editor wrote this one."),
    )
    publisher = models.ForeignKey(
        "commitments.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="published_sources",
        verbose_name=_("publisher"),
    )
    author = models.CharField(_("author"), max_length=300, blank=True)
    published = models.DateField(_("published"), null=True, blank=True)
    published_precision = precision_field(verbose_name=_("precision of the publication date"))
    language = models.CharField(_("language"), max_length=35, validators=[validate_language])
    kind = models.CharField(_("kind"), max_length=20, choices=SourceKind.choices)
    url = models.URLField(_("URL"), max_length=1000, blank=True)
    accessed = models.DateField(_("accessed"), null=True, blank=True)
    archive_url = models.URLField(_("archive URL"), max_length=1000, blank=True)
    translation_of = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="translations",
        verbose_name=_("translation of"),
        help_text=_("The source this one translates; a translation is never an independent source."),
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["-published", "title"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        constraints = [
            models.UniqueConstraint(
                fields=["url"],
                condition=~Q(url=""),
                name="source_url_unique",
                violation_error_message=_("Another source already has this URL."),
                violation_error_code="source_url_unique",
            ),
            models.CheckConstraint(
                condition=Q(translation_of__isnull=True) | ~Q(translation_of=F("id")),
                name="source_not_translation_of_itself",
                violation_error_message=_("A source cannot be a translation of itself."),
                violation_error_code="source_not_translation_of_itself",
            ),
        ]

    def __str__(self):
        return self.title


class SourceLink(TrackedModel):
    """A source cited for a record: goes with the record, and protects the source from deletion.

    A subclass adds the foreign key to its record (named `record_field`, with related name `source_links`) and
    names the source's side of the link with its Meta's `default_related_name` (`pledge_links`).
    """

    record_field: ClassVar[str]  # each subclass names its record's foreign key

    source = models.ForeignKey(Source, on_delete=models.PROTECT, verbose_name=_("source"))
    locator = models.CharField(_("where in the source"), max_length=200, blank=True)

    class Meta:
        abstract = True
        ordering = ["id"]

    def feed_parents(self):
        return self.feed_parent(self.record_field)

    def __str__(self):
        return f"{self.label(self.record_field)} ← {self.label('source')}"
