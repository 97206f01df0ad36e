from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from tracker.dates import precision_field
from tracker.models import EditorSuppliedModel, TrackedModel

from ..choices import PERSONNEL_KINDS, PERSONS, PledgeKind, PledgeStatus, QuantityQualifier
from ..querysets import PledgeQuerySet
from ..validators import validate_unit
from .sources import SourceLink

LOW_SET = Q(quantity_low__isnull=False)
HIGH_SET = Q(quantity_high__isnull=False)
LOW_NULL = Q(quantity_low__isnull=True)
HIGH_NULL = Q(quantity_high__isnull=True)


def qualifier_rule(qualifier, condition, message):
    """A check that holds the bounds of one qualifier: rows of other qualifiers pass untouched."""
    name = f"pledge_quantity_{qualifier}"
    return models.CheckConstraint(
        condition=~Q(quantity_qualifier=qualifier) | condition,
        name=name,
        violation_error_message=message,
        violation_error_code=name,
    )


class Pledge(EditorSuppliedModel, TrackedModel):
    """A party's position toward contributing to an initiative, from "named as possible" to "ruled out"."""

    key = models.SlugField(
        _("key"),
        max_length=200,
        unique=True,
        editable=False,
        help_text=_("Stable unique key assigned by the tracker; cite it."),
    )
    # Indexed with the id (Meta.indexes), so that a party's pledges are read from the index alone.
    party = models.ForeignKey(
        "commitments.Party",
        on_delete=models.PROTECT,
        related_name="pledges",
        verbose_name=_("party"),
        db_index=False,
    )
    # Indexed with the party and the id (Meta.indexes): which of an initiative's pledges a condition holds up is
    # read from the index alone.
    initiative = models.ForeignKey(
        "commitments.Initiative",
        on_delete=models.PROTECT,
        related_name="pledges",
        verbose_name=_("initiative"),
        db_index=False,
    )
    kind = models.CharField(_("kind of contribution"), max_length=20, choices=PledgeKind.choices)
    quantity_qualifier = models.CharField(
        _("quantity qualifier"), max_length=12, choices=QuantityQualifier.choices, default=QuantityQualifier.UNSPECIFIED
    )
    quantity_low = models.BigIntegerField(_("low bound"), null=True, blank=True)
    quantity_high = models.BigIntegerField(_("high bound"), null=True, blank=True)
    quantity_unit = models.CharField(_("unit"), max_length=10, default=PERSONS, validators=[validate_unit])
    quantity_text = models.CharField(
        _("quantity in the source's words"), max_length=300, blank=True, help_text=_('e.g. "sekitar 200 tentara"')
    )
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PledgeStatus.choices,
        null=True,
        blank=True,
        editable=False,
        help_text=_("The status of the latest event; changes only by adding an event."),
    )
    announced = models.DateField(
        _("announced"), null=True, blank=True, editable=False, help_text=_("The date of the first event.")
    )
    announced_precision = precision_field(editable=False)

    editor_suppliable = ("party", "kind", "quantity", "description", "announced")

    objects = PledgeQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        indexes = [
            models.Index(fields=["status"], name="pledge_status_idx"),
            models.Index(fields=["kind"], name="pledge_kind_idx"),
            models.Index(fields=["announced"], name="pledge_announced_idx"),
            models.Index(fields=["party", "id"], name="pledge_party_id_idx"),
            models.Index(fields=["initiative", "party", "id"], name="pledge_initiative_party_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity_low__isnull=True) | Q(quantity_low__gte=0),
                name="pledge_quantity_low_not_negative",
                violation_error_message=_("The low bound cannot be negative."),
                violation_error_code="pledge_quantity_low_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(quantity_high__isnull=True) | Q(quantity_high__gte=0),
                name="pledge_quantity_high_not_negative",
                violation_error_message=_("The high bound cannot be negative."),
                violation_error_code="pledge_quantity_high_not_negative",
            ),
            models.CheckConstraint(
                condition=LOW_NULL | HIGH_NULL | Q(quantity_low__lte=F("quantity_high")),
                name="pledge_quantity_low_not_above_high",
                violation_error_message=_("The low bound cannot be above the high bound."),
                violation_error_code="pledge_quantity_low_not_above_high",
            ),
            qualifier_rule(
                QuantityQualifier.EXACT,
                LOW_SET & HIGH_SET & Q(quantity_low=F("quantity_high")),
                _("An exact quantity has low and high bounds, both equal to the number."),
            ),
            qualifier_rule(
                QuantityQualifier.APPROXIMATE,
                LOW_SET & HIGH_SET & Q(quantity_low=F("quantity_high")),
                _("An approximate quantity has low and high bounds, both equal to the number stated."),
            ),
            qualifier_rule(
                QuantityQualifier.RANGE,
                LOW_SET & HIGH_SET & Q(quantity_low__lt=F("quantity_high")),
                _("A range has a low bound below its high bound."),
            ),
            qualifier_rule(
                QuantityQualifier.AT_LEAST, LOW_SET & HIGH_NULL, _("“At least” has a low bound and no high bound.")
            ),
            qualifier_rule(
                QuantityQualifier.UP_TO, LOW_NULL & HIGH_SET, _("“Up to” has a high bound and no low bound.")
            ),
            qualifier_rule(
                QuantityQualifier.UNSPECIFIED, LOW_NULL & HIGH_NULL, _("An unspecified quantity has no bounds.")
            ),
            models.CheckConstraint(
                condition=Q(quantity_unit=PERSONS) | Q(quantity_unit__regex=r"^[A-Z]{3}$"),
                name="pledge_quantity_unit_persons_or_currency",
                violation_error_message=_("The unit is persons or an ISO 4217 currency code."),
                violation_error_code="pledge_quantity_unit_persons_or_currency",
            ),
            models.CheckConstraint(
                condition=~Q(kind__in=PERSONNEL_KINDS) | Q(quantity_unit=PERSONS),
                name="pledge_personnel_counted_in_persons",
                violation_error_message=_(
                    "Troops, personnel, police, officers, observers and trainers are counted in persons."
                ),
                violation_error_code="pledge_personnel_counted_in_persons",
            ),
            models.CheckConstraint(
                condition=~Q(kind=PledgeKind.FUNDING) | ~Q(quantity_unit=PERSONS),
                name="pledge_funding_in_currency",
                violation_error_message=_("Funding is counted in a currency, not in persons."),
                violation_error_code="pledge_funding_in_currency",
            ),
        ]

    def __str__(self):
        return self.key


class PledgeSource(SourceLink):
    record_field = "pledge"

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="source_links", verbose_name=_("pledge"))

    class Meta(SourceLink.Meta):
        default_related_name = "pledge_links"
        verbose_name = _("pledge source")
        verbose_name_plural = _("pledge sources")
        constraints = [
            models.UniqueConstraint(
                fields=["pledge", "source"],
                name="pledge_source_unique",
                violation_error_message=_("This source is already cited for the pledge."),
                violation_error_code="pledge_source_unique",
            )
        ]
