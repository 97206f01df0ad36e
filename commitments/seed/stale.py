"""What an earlier version of the seed wrote and this one no longer holds.

A record or status event that the seed alone ever wrote, and that the data set no longer has, was the seed's
mistake: a load removes it (through the services, with the seed's reason). Anything an editor wrote or changed
is never removed; a stale record that others still cite is kept and listed.
"""

from django.db import transaction
from django.db.models import ProtectedError

from countries.models import CountryGroup
from countries.services import country_group_delete
from tracker.api_names import address_of

from ..models import Condition, Initiative, Organization, Person, Pledge, Statement, StatusEvent
from ..services.conditions import condition_delete
from ..services.events import status_event_delete
from ..services.initiatives import initiative_delete
from ..services.parties import organization_delete, person_delete
from ..services.pledges import pledge_delete
from ..services.statements import statement_delete
from .matching import dated
from .references import RECORDS

# The collections whose records a load removes when the data set no longer holds them, citing records first.
REMOVABLE = (
    (Statement, "key", "STATEMENTS", statement_delete),
    (Pledge, "key", "PLEDGES", pledge_delete),
    (Condition, "slug", "CONDITIONS", condition_delete),
    (Initiative, "slug", "INITIATIVES", initiative_delete),
    (Person, "slug", "PEOPLE", person_delete),
    (Organization, "slug", "ORGANIZATIONS", organization_delete),
    (CountryGroup, "slug", "GROUPS", country_group_delete),
)
TIMELINES = (("pledge", "PLEDGES"), ("condition", "CONDITIONS"), ("initiative", "INITIATIVES"))


class StaleRemover:
    """Removes, for one load, what the seed alone wrote and its data set no longer holds."""

    def __init__(self, loader):
        self.loader = loader
        self.data = loader.data
        self.removed = []
        self.kept = []

    def remove(self):
        self.remove_stale_events()
        authorship = self.loader.authorship
        for model, field, specs, delete in REMOVABLE:
            wanted = {spec[field] for spec in getattr(self.data, specs)}
            for instance in authorship.created_by_seed(model).exclude(**{f"{field}__in": wanted}).order_by("pk"):
                if authorship.wrote_alone(instance):
                    self.remove_record(instance, delete)
        return self.removed, self.kept

    def remove_stale_events(self):
        for kind, specs in TIMELINES:
            model, field = RECORDS[kind]
            wanted = self.wanted_events(kind)
            refs = [spec[field] for spec in getattr(self.data, specs)]
            for instance in model.objects.filter(**{f"{field}__in": refs}):
                if self.loader.is_skipped(instance) or self.loader.left_to_editors(instance):
                    continue
                self.remove_events(instance, kind, wanted.get(getattr(instance, field), set()))

    def wanted_events(self, kind):
        """{ref: {(status, date, precision)}} of the data set's events of one kind of record."""
        wanted = {}
        for event_kind, ref, status, when, *_ in self.data.EVENTS:
            if event_kind == kind:
                date = dated("date", when)
                wanted.setdefault(ref, set()).add((status, date["date"], date["date_precision"]))
        return wanted

    def remove_events(self, instance, kind, wanted):
        for event in StatusEvent.objects.filter(**{kind: instance}):
            if (event.status, event.date, event.date_precision) not in wanted:
                status_event_delete(event)
                self.loader.tally("updated", instance)

    def remove_record(self, instance, delete):
        label, name = "/".join(address_of(instance)), (instance._meta.label, instance.pk)
        try:
            with transaction.atomic():
                delete(instance)
        except ProtectedError:
            self.kept.append(label)
            return
        self.removed.append(label)
        self.loader.outcomes[name] = "removed"
