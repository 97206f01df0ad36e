from typing import Any

from django.contrib.auth.models import Group, Permission

EDITORS = "Editors"
EDITED_APPS = ("countries", "commitments")


def editors_group_sync(**kwargs: Any) -> Group:
    """The "Editors" group holds add, change, delete and view on every model of the edited apps (not on the
    history tables, which editors read through each record's history and never write)."""
    group, _created = Group.objects.get_or_create(name=EDITORS)
    permissions = Permission.objects.filter(content_type__app_label__in=EDITED_APPS).exclude(
        content_type__model__startswith="historical"
    )
    group.permissions.add(*permissions)
    return group
