from django.db import transaction

from tracker.services import validated_save, validated_update

from ..models import Initiative
from .sources import normalized_dates, updated_dates


@transaction.atomic
def initiative_create(**fields):
    return validated_save(Initiative(**normalized_dates(fields, "start", "end")))


@transaction.atomic
def initiative_update(initiative, **fields):
    return validated_update(initiative, updated_dates(initiative, fields, "start", "end"))


@transaction.atomic
def initiative_delete(initiative):
    """Delete an initiative and its own events; pledges, proposals and condition links pointing to it make a 409."""
    initiative.delete()
