from __future__ import annotations

from typing import TYPE_CHECKING

from rest_framework.permissions import DjangoModelPermissions

if TYPE_CHECKING:
    from django.db import models
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
        return self.may_write(request, view)

    def may_write(self, request: Request, view: APIView) -> bool:
        """Whether the authenticated user holds the permission this write needs on the view's model."""
        return super().has_permission(request, view)


def model_permissions_for(model: type[models.Model]) -> type[ModelPermissionsOrReadOnly]:
    """ModelPermissionsOrReadOnly checked against `model` rather than the view's own (for sub-resources)."""

    class SubResourcePermissions(ModelPermissionsOrReadOnly):
        def may_write(self, request: Request, view: APIView) -> bool:
            # A request always has a method; the stubs allow None for a request not yet built.
            required = self.get_required_permissions(request.method, model)  # type: ignore[arg-type]
            return request.user.has_perms(required)

    return SubResourcePermissions
