from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models
from rest_framework.permissions import DjangoModelPermissions

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractUser, AnonymousUser
    from rest_framework.request import Request
    from rest_framework.views import APIView


class ModelPermissionsOrReadOnly(DjangoModelPermissions):
    """Anyone may read; a write needs an authenticated user holding the model's add/change/delete permission.

    A write without credentials fails the authentication check first, so the client gets 401 with
    `WWW-Authenticate`; an authenticated user without the permission gets 403.
    """

    authenticated_users_only = False

    def has_permission(self, request: Request, view: APIView) -> bool:
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return True
        if not request.user or not request.user.is_authenticated:
            return False
        return super().has_permission(request, view)


def has_model_permission(user: AbstractUser | AnonymousUser | None, model: type[models.Model], action: str) -> bool:
    """Whether `user` may `action` ("add", "change", "delete", "view") records of `model`."""
    meta = model._meta
    return bool(user and user.is_authenticated and user.has_perm(f"{meta.app_label}.{action}_{meta.model_name}"))


def model_permissions_for(model: type[models.Model]) -> type[ModelPermissionsOrReadOnly]:
    """ModelPermissionsOrReadOnly checked against `model` rather than the view's own (for sub-resources)."""

    class SubResourcePermissions(ModelPermissionsOrReadOnly):
        def _queryset(self, view: APIView) -> models.QuerySet[Any]:
            return model._default_manager.all()

    return SubResourcePermissions
