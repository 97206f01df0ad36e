"""Admin pages that write only through service functions, as the API and the seed do.

The change form, a revert from history, a delete and a bulk delete each call the model admin's `create_service`,
`update_service` or `delete_service`, given the record's fields and its inline rows as keyword arguments, so that
every rule (keys, required sources, dates, statuses) lives in the services alone. A service that refuses a write
raises ValidationError: the view's transaction is rolled back with it, so nothing of the write is kept, and the
view runs once more with the service's messages on the form and the inlines they name, which then save nothing.
"""

from collections.abc import Callable
from typing import Any, ClassVar

from django.core.exceptions import ImproperlyConfigured, ValidationError

# Request attributes: the errors of a refused write, and whether its inline rows reach `save_related`.
SERVICE_ERRORS = "service_errors"
WRITES_WITH_INLINES = "writes_with_inlines"
STAMPS = ("created", "updated")


def shown_again_if_refused(request, view):
    """`view()`; when a service refuses its write, `view()` again with the service's errors on its forms."""
    try:
        return view()
    except ValidationError as error:
        setattr(request, SERVICE_ERRORS, error.update_error_dict({}))
        return view()


class ServiceInline:
    """An inline whose rows are keyword arguments of its parent's services.

    `service_fields` name the arguments, whose errors the inline shows; `service_values` turns the rows the
    editor keeps (unsaved copies) into them.
    """

    service_fields: tuple[str, ...] = ()

    def service_values(self, rows):
        return {self.service_fields[0]: rows}


class ServiceErrorsForm:
    """Form mixin: a refused write's errors, on the fields they name or above them."""

    service_errors: dict[str, list[Any]] = {}

    def clean(self):
        cleaned = super().clean()
        for name, errors in self.service_errors.items():
            self.add_error(name if name in self.fields else None, errors)
        return cleaned


class ServiceErrorsFormSet:
    """Inline formset mixin: a refused write's errors about these rows, above them."""

    service_inline = None
    service_errors: tuple[Any, ...] = ()

    def clean(self):
        super().clean()
        if self.service_errors:
            raise ValidationError(list(self.service_errors))


def kept_forms(formset):
    deleted = set(formset.deleted_forms)
    return [form for form in formset.forms if form.cleaned_data and form not in deleted]


def unsaved_copy(row):
    """A new instance with `row`'s values but not its id, its timestamps or its unset relations, for a
    service that matches link rows by what they link (an edited row may link something else now)."""
    values = {
        field.name: getattr(row, field.name)
        for field in row._meta.concrete_fields
        if not field.primary_key and field.name not in STAMPS and getattr(row, field.attname) is not None
    }
    return type(row)(**values)


def inline_values(formsets):
    values = {}
    for formset in formsets:
        inline = formset.service_inline
        if inline_fields(inline):
            values.update(inline.service_values([unsaved_copy(form.instance) for form in kept_forms(formset)]))
        elif formset.has_changed():
            raise ImproperlyConfigured(f"{type(inline).__name__} has editable rows but no service_fields.")
    return values


def note_changes(formset):
    """What `construct_change_message` reads of a saved formset, whose rows a service saved."""
    kept = kept_forms(formset)
    formset.new_objects = [form.instance for form in kept if form.instance.pk is None]
    formset.changed_objects = [
        (form.instance, form.changed_data) for form in kept if form.instance.pk is not None and form.has_changed()
    ]
    formset.deleted_objects = [form.instance for form in formset.deleted_forms if form.instance.pk is not None]


def adopt(instance, record):
    """Give the admin's `instance` the values of the `record` a service saved (its id, key, status, …)."""
    for field in record._meta.concrete_fields:
        setattr(instance, field.attname, getattr(record, field.attname))
    instance._state.adding = False


class ServiceAdminMixin:
    """ModelAdmin mixin whose saves and deletes call `create_service`, `update_service` and `delete_service`.

    A subclass whose services take other arguments than the form's model fields and the inlines' values
    overrides `service_values`, `create` or `update`.
    """

    # Read through the class (`type(self)`), so that a plain function is not bound as a method.
    create_service: ClassVar[Callable[..., Any] | None] = None
    update_service: ClassVar[Callable[..., Any] | None] = None
    delete_service: ClassVar[Callable[[Any], None] | None] = None

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        errors = getattr(request, SERVICE_ERRORS, {})
        if getattr(request, WRITES_WITH_INLINES, False):
            inlines = self.get_inline_instances(request, obj)
            shown_inline = {name for inline in inlines for name in inline_fields(inline)}
            errors = {name: messages for name, messages in errors.items() if name not in shown_inline}
        return type(form.__name__, (ServiceErrorsForm, form), {"service_errors": errors})

    def get_formsets_with_inlines(self, request, obj=None):
        errors = getattr(request, SERVICE_ERRORS, {})
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            shown = [message for name in inline_fields(inline) for message in errors.get(name, [])]
            attributes = {"service_inline": inline, "service_errors": shown}
            yield type(formset.__name__, (ServiceErrorsFormSet, formset), attributes), inline

    def save_model(self, request, obj, form, change):
        """On the change form, `save_related` writes the record and its inline rows in one service call; a
        revert from history, which has no inline rows, writes here."""
        if not getattr(request, WRITES_WITH_INLINES, False):
            self.write(obj, form, change, formsets=())

    def save_related(self, request, form, formsets, change):
        if getattr(request, WRITES_WITH_INLINES, False):
            self.write(form.instance, form, change, formsets)
        for formset in formsets:
            note_changes(formset)

    def write(self, obj, form, change, formsets):
        values = {**self.service_values(form), **inline_values(formsets)}
        # The form has set its values on `obj` already: the update service compares them with the stored record.
        stored = self.model._base_manager.get(pk=obj.pk) if change else None
        adopt(obj, self.update(stored, values) if change else self.create(values))

    def service_values(self, form):
        """The model fields the form edits, as the services take them."""
        names = {field.name for field in self.model._meta.concrete_fields}
        return {name: value for name, value in form.cleaned_data.items() if name in names}

    def create(self, values):
        return type(self).create_service(**values)

    def update(self, record, values):
        return type(self).update_service(record, **values)

    def delete_model(self, request, obj):
        type(self).delete_service(obj)

    def delete_queryset(self, request, queryset):
        for record in queryset:
            type(self).delete_service(record)


def inline_fields(inline):
    return getattr(inline, "service_fields", ())
