"""Every related field an editor fills in picks its record by searching, never from a list of every row."""

import pytest
from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteMixin, RelatedFieldWidgetWrapper
from django.contrib.auth.models import User
from django.test import RequestFactory
from django.urls import reverse

from tests.test_admin import build_records

PROJECT_APPS = ("countries", "commitments")


def editor_request():
    request = RequestFactory().get("/admin/")
    request.user = User(username="editor", is_staff=True, is_superuser=True)
    return request


def project_admins():
    return [model_admin for model, model_admin in admin.site._registry.items() if model._meta.app_label in PROJECT_APPS]


def form_fields(model_admin, request):
    """(where, field) of an admin's change form and of each of its inlines' rows, but the row's parent."""
    for name, field in model_admin.get_form(request).base_fields.items():
        yield f"{type(model_admin).__name__}.{name}", field
    for inline in model_admin.get_inline_instances(request):
        formset = inline.get_formset(request)
        for name, field in formset.form.base_fields.items():
            if name != formset.fk.name:
                yield f"{type(inline).__name__}.{name}", field


def picks_from_a_list(field):
    widget = field.widget.widget if isinstance(field.widget, RelatedFieldWidgetWrapper) else field.widget
    return isinstance(field, forms.ModelChoiceField) and not isinstance(widget, AutocompleteMixin)


def test_every_related_field_of_every_admin_is_autocompleted_or_read_only():
    request = editor_request()
    listed = [
        where
        for model_admin in project_admins()
        for where, field in form_fields(model_admin, request)
        if picks_from_a_list(field)
    ]
    assert listed == []


def test_every_autocompleted_field_searches_an_admin_with_search_fields():
    request = editor_request()
    for model_admin in project_admins():
        holders = [model_admin, *model_admin.get_inline_instances(request)]
        for holder in holders:
            for name in holder.get_autocomplete_fields(request):
                target = holder.model._meta.get_field(name).related_model
                assert admin.site._registry[target].search_fields, f"{type(holder).__name__}.{name}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("model_name", "field_name", "term", "expected"),
    [
        ("pledge", "initiative", "Force 0", ["Force 0"]),
        ("conditionlink", "pledge", "abw", ["abw-force-0-troops"]),
        ("statementspeaker", "person", "Person 0", ["Person 0"]),
        ("eventevidence", "source", "Laporan", ["Laporan 0"]),
        ("countrygroupmembership", "country", "Indon", ["Indonesia"]),
    ],
)
def test_an_inline_or_form_picker_finds_records_by_their_names(staff_client, model_name, field_name, term, expected):
    build_records(1)
    app_label = "countries" if model_name == "countrygroupmembership" else "commitments"
    query = {"app_label": app_label, "model_name": model_name, "field_name": field_name, "term": term}
    response = staff_client.get(reverse("admin:autocomplete"), query)
    assert response.status_code == 200
    assert [row["text"] for row in response.json()["results"]] == expected
