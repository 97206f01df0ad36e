"""Deleted records, found in their history, and the service that brings one back with the rows deleted with it."""

import datetime
from typing import TYPE_CHECKING, Any, cast

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

from .services import write_transaction

if TYPE_CHECKING:
    from .models import TrackedModel

# Rows deleted by one delete (its cascade) carry history dates a few milliseconds apart.
SAME_DELETION = datetime.timedelta(seconds=1)


def cascade_links(model: type[models.Model]) -> "list[tuple[type[TrackedModel], str]]":
    """(model, foreign key attname) of each tracked model whose rows are deleted with a row of `model`."""
    return [
        (cast("type[TrackedModel]", relation.related_model), relation.field.attname)  # those with a history
        for relation in model._meta.related_objects
        if relation.on_delete is models.CASCADE and hasattr(relation.related_model, "history")
    ]


def without_existing(rows: models.QuerySet[Any], model: type[models.Model]) -> models.QuerySet[Any]:
    pk = model._meta.pk.attname
    return rows.exclude(**{f"{pk}__in": model._base_manager.values(pk)})


def deleted_with(version: Any) -> list[Any]:
    """The '-' history rows of the rows deleted by the same delete as `version`'s record (by cascade, in the
    same second, by the same user) that do not exist again, each after the row it belongs to."""
    window = (version.history_date - SAME_DELETION, version.history_date + SAME_DELETION)
    found = [version]
    for parent in found:  # grows as it is walked, each row's rows after it
        parent_pk = getattr(parent, parent.instance_type._meta.pk.attname)
        for model, attname in cascade_links(parent.instance_type):
            rows = model.history.filter(
                history_type="-", history_date__range=window, history_user_id=version.history_user_id
            )
            rows = without_existing(rows.filter(**{attname: parent_pk}), model).order_by("history_id")
            found += [row for row in rows if row not in found]
    return found[1:]


def restore_row(version: Any) -> "TrackedModel":
    """Save the record of a history row again, validated; it keeps its first creation time."""
    record: TrackedModel = version.instance
    record.full_clean()
    record.save()
    record.created = version.created  # `save` stamped a new record's `created` with now
    type(record)._base_manager.filter(pk=record.pk).update(created=record.created)
    record.history.filter(history_id=record.history.latest().history_id).update(created=record.created)
    return record


@write_transaction()
def deleted_record_restore(version: Any) -> tuple[models.Model, list[tuple[models.Model, list[str]]]]:
    """Re-create the deleted record of the history row `version`, then the rows deleted with it.

    Returns the record and the rows that could not be restored, each as (instance, messages); a record that
    cannot be restored raises ValidationError or IntegrityError, and nothing is restored.
    """
    record = restore_row(version)
    skipped: list[tuple[models.Model, list[str]]] = []
    for row in deleted_with(version):
        try:
            with transaction.atomic():
                restore_row(row)
        except (ValidationError, IntegrityError) as error:
            skipped.append((row.instance, getattr(error, "messages", [str(error)])))
    return record, skipped
