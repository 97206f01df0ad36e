from typing import Any

from tracker.dates import normalized_dates, updated_dates
from tracker.services import validated_save, validated_update, write_transaction

from ..models import Initiative


@write_transaction()
def initiative_create(**fields: Any) -> Initiative:
    return validated_save(Initiative(**normalized_dates(fields, "start", "end")))


@write_transaction()
def initiative_update(initiative: Initiative, **fields: Any) -> Initiative:
    return validated_update(initiative, updated_dates(initiative, fields, "start", "end"))


@write_transaction()
def initiative_delete(initiative: Initiative) -> None:
    """Delete an initiative and its own events; pledges, proposals and condition links pointing to it make a 409."""
    initiative.delete()
