"""The admin of tracked records: every save, delete, revert and restore runs inside `change_context`, its reason."""

import contextlib
import operator
from functools import reduce

from django import forms
from django.contrib import messages
from django.contrib.admin.actions import delete_selected
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import PAGE_VAR, SEARCH_VAR
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import IntegrityError, models
from django.http import HttpResponseRedirect, QueryDict
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.encoding import iri_to_uri
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import ModelChange, ModelDelta

from .admin_names import NamedValues, describe
from .api_names import address_of
from .history import MAX_REASON_LENGTH, change_context
from .restore import cascade_links, deleted_record_restore, deleted_with, without_existing
from .service_admin import WRITES_WITH_INLINES, ServiceAdminMixin, shown_again_if_refused
from .services import write_transaction

REASON_FIELD = "change_reason"


class ReasonForm(forms.Form):
    change_reason = forms.CharField(
        label=gettext_lazy("Reason for this change"),
        max_length=MAX_REASON_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 80}),
        help_text=gettext_lazy("Why: the source that shows it, the error corrected. Kept in the record's history."),
    )


def posted_reason(request):
    return request.POST.get(REASON_FIELD, "").strip()[:MAX_REASON_LENGTH]


def reason_missing(form):
    return form.is_bound and form.has_error(REASON_FIELD, code="required")


def reason_naming(version, done, given):
    """`done`, naming the date and user of the history row `version`, then the reason the editor gave."""
    when = date_format(localtime(version.history_date), "Y-m-d H:i:s")
    done = done % {"date": when, "user": version.history_user or _("an unknown user")}
    return f"{done}: {given}" if given else done


def labelled(instance):
    return f"{capfirst(instance._meta.verbose_name)}: {describe(instance)}"


def deleted_versions(model, query=""):
    """The last version of each deleted record of `model` (its '-' history row), newest first."""
    pk = model._meta.pk.attname
    latest = model.history.filter(**{pk: models.OuterRef(pk)}).order_by("-history_date", "-history_id")
    rows = model.history.filter(history_type="-", history_id=models.Subquery(latest.values("history_id")[:1]))
    if query:
        rows = rows.filter(text_search(model.history.model, query))
    return without_existing(rows, model).select_related("history_user").order_by("-history_date", "-history_id")


def text_search(history_model, query):
    texts = [
        field.name for field in history_model._meta.fields if isinstance(field, models.CharField | models.TextField)
    ]
    return reduce(operator.or_, [models.Q(**{f"{name}__icontains": query}) for name in texts if name != "history_type"])


def linked_history(model, pk):
    """The latest history rows of a record's link rows (those deleted with it), newest first, described."""
    rows = []
    for link_model, attname in cascade_links(model):
        rows += link_model.history.filter(**{attname: pk}).select_related("history_user")[:50]
    rows.sort(key=lambda row: row.history_date, reverse=True)
    return [(row, labelled(row.instance)) for row in rows[:50]]


def version_changes(old, new):
    """[(field, old value, new value)] of the fields that differ between two versions: unlike simple-history's
    diff, those editors cannot edit too (a status copy, a key), but not the timestamps."""
    return [
        (field, getattr(old, field.attname), getattr(new, field.attname))
        for field in new.tracked_fields
        if field.name not in ("created", "updated") and getattr(old, field.attname) != getattr(new, field.attname)
    ]


def named_changes(changes, names):
    return [ModelChange(field.name, names.name(field, old), names.name(field, new)) for field, old, new in changes]


def api_url(record):
    """The record's address in the API, or None for a record the API serves only inside others (a party)."""
    address = address_of(record)
    if address is None:
        return None
    collection, lookup = address
    return iri_to_uri(f"{reverse('v1:api-root')}{collection}/{lookup}/")


def writing(request):
    """A write transaction for a POST (see `write_transaction`); none for a read."""
    return write_transaction() if request.method == "POST" else contextlib.nullcontext()


def delete_selected_with_reason(modeladmin, request, queryset):
    """Django's bulk delete, whose confirmation page asks for a reason."""
    confirmed = bool(request.POST.get("post"))
    form = ReasonForm(request.POST if confirmed else None)
    if confirmed and not form.is_valid():
        request.POST = request.POST.copy()
        del request.POST["post"]
    with change_context(reason=posted_reason(request), user=request.user):
        response = delete_selected(modeladmin, request, queryset)
    if response is not None:
        response.context_data["reason_field"] = form[REASON_FIELD]
    return response


# A fieldset of the values an editor supplied rather than a source stated (tracker.models.EditorSuppliedModel).
EDITOR_SUPPLIED = (
    gettext_lazy("Supplied by an editor"),
    {
        "fields": ("editor_supplied",),
        "description": gettext_lazy(
            "Tick each value that you supplied and no source states: the API shows it as the editor's, and "
            "manage.py audit_sources lists it."
        ),
    },
)


def editor_supplied_field(model):
    """Checkboxes for the names a record of `model` may mark as the editor's, labelled as its fields are."""
    fields = {field.name: field for field in model._meta.get_fields()}
    choices = [(name, label_of(fields.get(name), name)) for name in model.editor_suppliable]
    return forms.MultipleChoiceField(
        label=_("supplied by an editor"), choices=choices, widget=forms.CheckboxSelectMultiple, required=False
    )


def label_of(field, name):
    return str(getattr(field, "verbose_name", None) or name.replace("_", " "))


class HistoryAdmin(ServiceAdminMixin, SimpleHistoryAdmin):
    """Admin of a tracked model: a reason for every change, each version's changes, revert, and restore; every
    write through the model's services (see `ServiceAdminMixin`)."""

    change_form_template = "tracker/admin/change_form.html"
    change_list_template = "tracker/admin/change_list.html"
    delete_confirmation_template = "tracker/admin/delete_confirmation.html"
    delete_selected_confirmation_template = "tracker/admin/delete_selected_confirmation.html"
    object_history_template = "tracker/admin/object_history.html"
    object_history_form_template = "tracker/admin/object_history_form.html"
    object_history_list_template = "tracker/admin/object_history_list.html"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "editor_supplied":
            return editor_supplied_field(db_field.model)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        view = self.admin_site.admin_view
        return [
            path("deleted/", view(self.deleted_view), name=f"{name}_deleted"),
            path("deleted/<int:history_id>/", view(self.restore_view), name=f"{name}_restore"),
            *super().get_urls(),
        ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        # A form copies its declared fields for each instance, so the field object can be shared.
        return type(form.__name__, (form,), {REASON_FIELD: ReasonForm.base_fields[REASON_FIELD]})

    def get_fields(self, request, obj=None):
        """Without the reason, which the templates show apart, beside the save buttons."""
        return [name for name in super().get_fields(request, obj) if name != REASON_FIELD]

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "delete_selected" in actions:
            actions["delete_selected"] = (delete_selected_with_reason, *actions["delete_selected"][1:])
        return actions

    def render_change_form(self, request, context, *args, **kwargs):
        form = context["adminform"].form
        context["reason_missing"] = reason_missing(form)
        return super().render_change_form(request, context, *args, **kwargs)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        record = self.get_object(request, unquote(object_id))
        extra_context = {"api_url": api_url(record) if record else None, **(extra_context or {})}
        return super().change_view(request, object_id, form_url, extra_context)

    def changelist_view(self, request, extra_context=None):
        with writing(request):  # actions, such as deleting the selected records, and list edits
            return super().changelist_view(request, extra_context)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        setattr(request, WRITES_WITH_INLINES, True)

        def view():
            with writing(request), change_context(reason=posted_reason(request), user=request.user):
                return super(HistoryAdmin, self).changeform_view(request, object_id, form_url, extra_context)

        return shown_again_if_refused(request, view)

    def delete_view(self, request, object_id, extra_context=None):
        form = ReasonForm(request.POST if request.method == "POST" else None)
        if form.is_bound and not form.is_valid():
            request.POST = QueryDict()  # shows the confirmation again, with the error, instead of deleting
        extra_context = {**(extra_context or {}), "reason_field": form[REASON_FIELD]}
        with writing(request), change_context(reason=posted_reason(request), user=request.user):
            return super().delete_view(request, object_id, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        extra_context = {"linked_history": linked_history(self.model, unquote(object_id)), **(extra_context or {})}
        return super().history_view(request, object_id, extra_context)

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        """Each version's changes from the one before it, as simple-history shows them (see `version_changes`),
        related records by name and choices by label (see `NamedValues`)."""
        names, pairs, previous = NamedValues(), [], None
        for current in historical_records:
            if previous is not None:
                pairs.append((previous, current, changes := version_changes(current, previous)))
                for field, old, new in changes:
                    names.want(field, old)
                    names.want(field, new)
            current.history_label = describe(current.instance)
            previous = current
        names.resolve()
        for version, earlier, changes in pairs:
            named = named_changes(changes, names)
            delta = ModelDelta(named, [change.field for change in named], earlier, version)
            helper = self.get_historical_record_context_helper(request, version)
            version.history_delta_changes = helper.context_for_delta_changes(delta)

    def render_history_view(self, request, template, context, **kwargs):
        """A revert's page, which says so above the form when the reason was left out."""
        if "adminform" in context:
            context["reason_missing"] = reason_missing(context["adminform"].form)
        return super().render_history_view(request, template, context, **kwargs)

    def history_view_title(self, request, obj):
        return super().history_view_title(request, describe(obj))

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        lookup = {self.opts.pk.attname: unquote(object_id), "history_id": version_id}
        version = get_object_or_404(self.model.history.model, **lookup)
        reason = reason_naming(version, _("Reverted to the version of %(date)s by %(user)s"), posted_reason(request))

        def view():
            with writing(request), change_context(reason=reason, user=request.user):
                return super(HistoryAdmin, self).history_form_view(request, object_id, version_id, extra_context)

        return shown_again_if_refused(request, view)

    def deleted_view(self, request):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        query = request.GET.get(SEARCH_VAR, "").strip()
        page = Paginator(deleted_versions(self.model, query), self.history_list_per_page)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Deleted %(name)s") % {"name": self.opts.verbose_name_plural},
            "opts": self.opts,
            "query": query,
            "page_obj": (versions := page.get_page(request.GET.get(PAGE_VAR))),
            "rows": [(version, describe(version.instance)) for version in versions],
            "can_restore": self.has_add_permission(request),
        }
        return TemplateResponse(request, "tracker/admin/deleted_list.html", context)

    def restore_view(self, request, history_id):
        if not self.has_add_permission(request):
            raise PermissionDenied
        version = get_object_or_404(deleted_versions(self.model), history_id=history_id)
        form = ReasonForm(request.POST if request.method == "POST" else None)
        errors = []
        if form.is_valid():
            try:
                record, skipped = self.restore(request, version, form.cleaned_data[REASON_FIELD])
            except (ValidationError, IntegrityError) as error:
                errors = getattr(error, "messages", [str(error)])
            else:
                return self.response_restore(request, record, skipped)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Restore %(name)s") % {"name": self.opts.verbose_name},
            "opts": self.opts,
            "version": version,
            "record": describe(version.instance),
            "linked": [labelled(row.instance) for row in deleted_with(version)],
            "reason_field": form[REASON_FIELD],
            "restore_errors": errors,
        }
        return TemplateResponse(request, "tracker/admin/restore.html", context)

    def restore(self, request, version, given):
        reason = reason_naming(version, _("Restored as deleted on %(date)s by %(user)s"), given)
        with write_transaction(), change_context(reason=reason, user=request.user):
            record, skipped = deleted_record_restore(version)
            self.restored(request, record)
        return record, [(labelled(row), " ".join(errors)) for row, errors in skipped]

    def restored(self, request, record):
        """What a subclass brings up to date once a record and its rows are back (in the same change)."""

    def response_restore(self, request, record, skipped):
        self.message_user(request, _("“%(record)s” was restored.") % {"record": describe(record)}, messages.SUCCESS)
        for row, error in skipped:
            message = _("“%(row)s” could not be restored: %(error)s") % {"row": row, "error": error}
            self.message_user(request, message, messages.WARNING)
        opts = self.opts
        return HttpResponseRedirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk]))
