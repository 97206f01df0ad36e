"""Query parameters that an operation does not define are refused, so that a typo never reads as "no filter".

The parameters an operation accepts are the ones its schema lists: those of its filter backends and paginator
(which describe themselves for drf-spectacular), `as_of` / `valid_at` where the view reads in time, `fields` /
`omit` where it selects fields, the view's own `extra_query_params`, and, on every operation, `format` and `lang`
(tracker.languages).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import SAFE_METHODS
from rest_framework.settings import api_settings

from .languages import LANGUAGE_QUERY_PARAMETER, queried_language, unsupported_language_message

if TYPE_CHECKING:
    from rest_framework.request import Request
    from rest_framework.viewsets import GenericViewSet

    # What the mixin is mixed into; at run time its base is `object`.
    ViewSet = GenericViewSet[Any]
else:
    ViewSet = object

DETAIL_ACTIONS = ("retrieve", "update", "partial_update", "destroy")


class KnownQueryParamsMixin(ViewSet):
    """Answers 400, naming each parameter and listing the accepted ones, when a query string holds a
    parameter the operation does not define, or a `lang` the API does not speak. `extra_query_params` names
    those a view reads itself."""

    extra_query_params: tuple[str, ...] = ()

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        accepted = self.accepted_query_params()
        unknown = [name for name in request.query_params if name not in accepted]
        errors = {name: [unknown_parameter_message(accepted)] for name in unknown}
        if request.query_params.get(LANGUAGE_QUERY_PARAMETER) and queried_language(request._request) is None:
            errors[LANGUAGE_QUERY_PARAMETER] = [unsupported_language_message()]
        if errors:
            raise ValidationError(errors)

    def accepted_query_params(self) -> set[str]:
        names = {api_settings.URL_FORMAT_OVERRIDE, LANGUAGE_QUERY_PARAMETER}
        if self.request.method not in SAFE_METHODS:
            return names
        names |= set(self.extra_query_params)
        names |= self.backend_parameters()
        if self.action not in DETAIL_ACTIONS and self.paginator is not None:
            names |= {
                name
                for parameter in self.paginator.get_schema_operation_parameters(self)
                for name in wire_names(parameter)
            }
        if hasattr(self, "in_time_parameters"):
            names |= {parameter["name"] for parameter in self.in_time_parameters()}
        if hasattr(self, "answer_parameters"):
            names |= {parameter["name"] for parameter in self.answer_parameters()}
        return names

    def backend_parameters(self) -> set[str]:
        if self.action in DETAIL_ACTIONS:
            return set()
        return {name for backend in self.filter_backends for name in backend_parameter_names(backend(), self)}


def unknown_parameter_message(accepted: set[str]) -> str:
    return _("Unknown query parameter. This operation accepts: %(accepted)s.") % {
        "accepted": ", ".join(sorted(accepted))
    }


def backend_parameter_names(backend: Any, view: GenericViewSet[Any]) -> set[str]:
    """The query parameters a filter backend reads: DRF's own, or django-filter's (which DRF's types leave out)."""
    if isinstance(backend, DjangoFilterBackend):
        filterset_class = getattr(view, "filterset_class", None)
        return set(filterset_class.base_filters) if filterset_class else set()
    return {name for parameter in backend.get_schema_operation_parameters(view) for name in wire_names(parameter)}


def wire_names(parameter: dict[str, Any]) -> set[str]:
    """The names a parameter takes in a query string: an exploded object parameter (paging's `page` or
    `cursor`, each with `page_size`) is sent as its properties."""
    schema = parameter.get("schema", {})
    if not parameter.get("explode") or parameter.get("style", "form") != "form":
        return {parameter["name"]}
    objects = [schema, *schema.get("oneOf", []), *schema.get("anyOf", [])]
    properties = {name for part in objects if part.get("type") == "object" for name in part.get("properties", {})}
    return properties or {parameter["name"]}
