from django.db import models
from django.utils.translation import gettext_lazy as _

from tracker.dates import precision_field
from tracker.models import TrackedModel

from ..choices import InitiativeStatus
from ..querysets import InitiativeQuerySet


class Initiative(TrackedModel):
    """What is pledged to or proposed: a force, a centre, a deployment, or one proposed shape of another."""

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    name = models.CharField(_("name"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proposals",
        verbose_name=_("part or proposed shape of"),
    )
    lead = models.ForeignKey(
        "commitments.Party",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_initiatives",
        verbose_name=_("lead party"),
    )
    location = models.CharField(_("location"), max_length=300, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=InitiativeStatus.choices,
        null=True,
        blank=True,
        editable=False,
        help_text=_("The status of the latest event; changes only by adding an event."),
    )
    start = models.DateField(_("start"), null=True, blank=True)
    start_precision = precision_field(verbose_name=_("precision of the start"))
    end = models.DateField(_("end"), null=True, blank=True)
    end_precision = precision_field(verbose_name=_("precision of the end"))

    objects = InitiativeQuerySet.as_manager()

    feed_collection = "initiatives"

    class Meta:
        ordering = ["name"]
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")

    @property
    def feed_lookup(self):
        return self.slug

    def __str__(self):
        return self.name
