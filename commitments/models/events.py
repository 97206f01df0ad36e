from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tracker.dates import precision_field
from tracker.models import TrackedModel

from ..choices import ConditionStatus, InitiativeStatus, PledgeStatus
from ..querysets import StatusEventQuerySet
from .constraints import exactly_one, unique_when_set

RECORD_FIELDS = ("pledge", "condition", "initiative")
STATUSES = {"pledge": PledgeStatus, "condition": ConditionStatus, "initiative": InitiativeStatus}


class StatusEvent(TrackedModel):
    """A dated, sourced step in the life of a pledge, a condition or an initiative.

    The record's current status is a read-only copy of its latest event's (ordered by date, then by when the
    event was entered), kept by the event services.
    """

    pledge = models.ForeignKey(
        "commitments.Pledge", on_delete=models.CASCADE, null=True, blank=True, related_name="events"
    )
    condition = models.ForeignKey(
        "commitments.Condition", on_delete=models.CASCADE, null=True, blank=True, related_name="events"
    )
    initiative = models.ForeignKey(
        "commitments.Initiative", on_delete=models.CASCADE, null=True, blank=True, related_name="events"
    )
    status = models.CharField(_("status"), max_length=20)
    date = models.DateField(_("date"), help_text=_("Stored as the first day of its period."))
    date_precision = precision_field(verbose_name=_("date precision"))
    note = models.TextField(_("note"), blank=True)

    objects = StatusEventQuerySet.as_manager()

    class Meta:
        ordering = ["date", "created", "id"]
        verbose_name = _("status event")
        verbose_name_plural = _("status events")
        indexes = [models.Index(fields=["date"], name="statusevent_date_idx")]
        constraints = [
            exactly_one(
                list(RECORD_FIELDS),
                "statusevent_exactly_one_record",
                _("An event belongs to exactly one pledge, condition or initiative."),
            ),
            models.CheckConstraint(
                condition=(
                    Q(pledge__isnull=False, status__in=PledgeStatus.values)
                    | Q(condition__isnull=False, status__in=ConditionStatus.values)
                    | Q(initiative__isnull=False, status__in=InitiativeStatus.values)
                ),
                name="statusevent_status_fits_record",
                violation_error_message=_("This status is not one of the statuses of that kind of record."),
                violation_error_code="statusevent_status_fits_record",
            ),
        ]

    @property
    def record(self):
        return self.pledge or self.condition or self.initiative

    @property
    def record_field(self):
        return next(field for field in RECORD_FIELDS if getattr(self, f"{field}_id"))

    def feed_parents(self):
        return self.feed_parent(self.record_field)

    def __str__(self):
        return f"{self.label(self.record_field)}: {self.status} ({self.date})"


class EventEvidence(TrackedModel):
    """A source or a statement that shows a status event."""

    event = models.ForeignKey(StatusEvent, on_delete=models.CASCADE, related_name="evidence", verbose_name=_("event"))
    source = models.ForeignKey(
        "commitments.Source", on_delete=models.PROTECT, null=True, blank=True, related_name="event_evidence"
    )
    statement = models.ForeignKey(
        "commitments.Statement", on_delete=models.PROTECT, null=True, blank=True, related_name="event_evidence"
    )
    locator = models.CharField(_("where in the source"), max_length=200, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("event evidence")
        verbose_name_plural = _("event evidence")
        constraints = [
            exactly_one(
                ["source", "statement"],
                "eventevidence_source_or_statement",
                _("Evidence is either a source or a statement."),
            ),
            unique_when_set(
                ["event", "source"],
                "source",
                "eventevidence_source_unique",
                _("This source is already cited."),
            ),
            unique_when_set(
                ["event", "statement"],
                "statement",
                "eventevidence_statement_unique",
                _("This statement is already cited."),
            ),
        ]

    def feed_parents(self):
        event = StatusEvent.objects.filter(pk=self.event_id).first()
        return event.feed_parents() if event else []

    def __str__(self):
        return f"{self.label('event')} ← {self.label('source' if self.source_id else 'statement')}"
