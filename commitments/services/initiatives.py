from django.db import transaction

from tracker.services import validated_save, validated_update

from ..models import Initiative
from .sources import normalized_dates


@transaction.atomic
def initiative_create(**fields):
    return validated_save(Initiative(**normalized_dates(fields, "start", "end")))


@transaction.atomic
def initiative_update(initiative, **fields):
    current = {"start_precision": initiative.start_precision, "end_precision": initiative.end_precision}
    return validated_update(initiative, normalized_dates({**current, **fields}, "start", "end"))


@transaction.atomic
def initiative_delete(initiative):
    """Delete an initiative and its own events; pledges, proposals and condition links pointing to it make a 409."""
    initiative.delete()
