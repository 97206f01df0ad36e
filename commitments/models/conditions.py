from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tracker.models import EditorSuppliedModel, TrackedModel

from ..choices import ConditionStatus
from ..querysets import ConditionQuerySet
from .constraints import at_least_one


class Condition(EditorSuppliedModel, TrackedModel):
    """An issue that holds commitments up and whose state moves over time: a UN mandate, Hamas disarmament."""

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    name = models.CharField(_("name"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ConditionStatus.choices,
        null=True,
        blank=True,
        editable=False,
        help_text=_("The status of the latest event; changes only by adding an event."),
    )

    editor_suppliable = ("name", "description")

    objects = ConditionQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("condition")
        verbose_name_plural = _("conditions")

    def __str__(self):
        return self.name


class ConditionLink(TrackedModel):
    """Where a condition bites: what it holds up, who insists on it, who must act, and the evidence.

    It holds up either one pledge, or an initiative as a whole, or (with `party`) that party's participation
    in the initiative.
    """

    condition = models.ForeignKey(
        Condition, on_delete=models.CASCADE, related_name="links", verbose_name=_("condition")
    )
    pledge = models.ForeignKey(
        "commitments.Pledge",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="condition_links",
        verbose_name=_("holds up pledge"),
    )
    initiative = models.ForeignKey(
        "commitments.Initiative",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="condition_links",
        verbose_name=_("holds up initiative"),
    )
    party = models.ForeignKey(
        "commitments.Party",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="conditioned_participation",
        verbose_name=_("holds up the participation of"),
    )
    insisted_by = models.ForeignKey(
        "commitments.Party",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="insisted_conditions",
        verbose_name=_("insisted on by"),
    )
    must_act = models.ForeignKey(
        "commitments.Party",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="conditions_to_act_on",
        verbose_name=_("must act"),
    )
    statement = models.ForeignKey(
        "commitments.Statement",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="condition_links",
        verbose_name=_("evidence: statement"),
    )
    source = models.ForeignKey(
        "commitments.Source",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="condition_links",
        verbose_name=_("evidence: source"),
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("condition link")
        verbose_name_plural = _("condition links")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(pledge__isnull=False, initiative__isnull=True, party__isnull=True)
                    | Q(pledge__isnull=True, initiative__isnull=False)
                ),
                name="conditionlink_holds_up_one_thing",
                violation_error_message=_(
                    "A condition link holds up one pledge, or an initiative (with a party: that party's participation)."
                ),
                violation_error_code="conditionlink_holds_up_one_thing",
            ),
            at_least_one(
                ["statement", "source"],
                "conditionlink_has_evidence",
                _("A condition link cites its evidence: a statement or a source."),
            ),
        ]

    def feed_parents(self):
        return self.feed_parent("condition") + self.feed_parent("pledge")

    def __str__(self):
        if self.pledge_id:
            held = self.label("pledge")
        elif self.party_id:
            held = f"{self.label('party')} in {self.label('initiative')}"
        else:
            held = self.label("initiative")
        return f"{self.label('condition')} → {held}"
