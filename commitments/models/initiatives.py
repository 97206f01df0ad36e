from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from tracker.dates import precision_field
from tracker.models import EditorSuppliedModel, TrackedModel

from ..choices import InitiativeStatus


class Initiative(EditorSuppliedModel, TrackedModel):
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

    editor_suppliable = ("name", "description", "parent", "lead", "location", "start", "end")

    class Meta:
        ordering = ["name"]
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        constraints = [
            models.CheckConstraint(
                condition=Q(parent__isnull=True) | ~Q(parent=F("id")),
                name="initiative_not_its_own_parent",
                violation_error_message=_("An initiative cannot be a part or proposed shape of itself."),
                violation_error_code="initiative_not_its_own_parent",
            ),
            models.CheckConstraint(
                condition=Q(start__isnull=True) | Q(end__isnull=True) | Q(end__gte=F("start")),
                name="initiative_ends_after_it_starts",
                violation_error_message=_("An initiative cannot end before it starts."),
                violation_error_code="initiative_ends_after_it_starts",
            ),
        ]

    def clean(self):
        """No initiative sits below itself, however many parents up (the database holds only the first step)."""
        ancestor = self.parent
        while ancestor is not None and self.pk is not None:
            if ancestor.pk == self.pk:
                message = _("%(parent)s is already part of %(initiative)s: that would make a cycle.")
                raise ValidationError({"parent": [message % {"parent": self.parent, "initiative": self}]})
            ancestor = ancestor.parent

    def __str__(self):
        return self.name
