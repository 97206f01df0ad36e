from rest_framework.permissions import DjangoModelPermissions


class ModelPermissionsOrReadOnly(DjangoModelPermissions):
    """Anyone may read; a write needs an authenticated user holding the model's add/change/delete permission.

    A write without credentials fails the authentication check first, so the client gets 401 with
    `WWW-Authenticate`; an authenticated user without the permission gets 403.
    """

    authenticated_users_only = False

    def has_permission(self, request, view):
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return True
        if not request.user or not request.user.is_authenticated:
            return False
        return self.may_write(request, view)

    def may_write(self, request, view):
        """Whether the authenticated user holds the permission this write needs on the view's model."""
        return super().has_permission(request, view)


def model_permissions_for(model):
    """ModelPermissionsOrReadOnly checked against `model` rather than the view's own (for sub-resources)."""

    class SubResourcePermissions(ModelPermissionsOrReadOnly):
        def may_write(self, request, view):
            return request.user.has_perms(self.get_required_permissions(request.method, model))

    return SubResourcePermissions
