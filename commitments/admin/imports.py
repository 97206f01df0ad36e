"""Import into a changelist, and export what it shows.

The import is django-import-export's: its upload form, its preview of a dry run, its confirm step and the file it
keeps between the two. Its resource saves no model: `RecordsResource.import_data` hands the file to the importer
that `manage.py import_records` runs (commitments/imports), so every row goes through the API's write serializer and
the services, with the editor's reason and name in every version, the file applies whole or not at all, and the
preview is the importer's own report (what it would create and change, field by field, and what it leaves alone)
or its errors, each naming its row, column and rule. The library is not an installed app, so that its `import` and
`export` commands, which save models directly, do not exist here; the pages are this app's templates.

The export is the API's (tracker/exports.py): the records the changelist's filters and search select, in the API's
columns, so that an exported file imports back unchanged.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import Any, ClassVar

import tablib
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export.admin import ImportMixin
from import_export.formats.base_formats import Format
from import_export.forms import ConfirmImportForm, ImportForm
from import_export.resources import Resource
from import_export.results import InvalidRow, Result, RowResult

from tracker.admin import REASON_FIELD, ReasonForm
from tracker.exports import CSVRenderer, ExportRenderer, JSONLinesRenderer, stream
from tracker.history import MAX_REASON_LENGTH
from tracker.imports import CSV, JSONL, FileRefused, ImportFile, read_import_file
from tracker.rows import UrlBuilder

from ..imports.collections import COLLECTIONS
from ..imports.importer import CHANGED, CREATED, UNCHANGED, ImportReport, import_records

IMPORT_TYPES = {CREATED: RowResult.IMPORT_TYPE_NEW, CHANGED: RowResult.IMPORT_TYPE_UPDATE, UNCHANGED: "skip"}
EXPORT_RENDERERS: dict[str, type[ExportRenderer]] = {CSV: CSVRenderer, JSONL: JSONLinesRenderer}


class ImportedDataset(tablib.Dataset):
    """A file's rows as django-import-export hands them on, with the file as the importer reads it."""

    def __init__(self, imported: ImportFile) -> None:
        super().__init__(headers=imported.columns)
        self.imported = imported
        for row in imported.rows:
            self.append([row.values.get(name) for name in imported.columns])


class ImportFormat(Format):
    """A file format the importer reads (tracker/imports.py); its title is its extension."""

    file_format: ClassVar[str]

    def __init__(self, encoding: str | None = None) -> None:
        self.encoding = encoding

    def get_title(self) -> str:
        return self.file_format

    def get_extension(self) -> str:
        return self.file_format

    def can_import(self) -> bool:
        return True

    def create_dataset(self, in_stream: bytes) -> ImportedDataset:
        return ImportedDataset(read_import_file(in_stream, file_format=self.file_format))


class CSVImport(ImportFormat):
    file_format = CSV


class JSONLinesImport(ImportFormat):
    file_format = JSONL


IMPORT_FORMATS = [CSVImport, JSONLinesImport]


class RecordImportForm(ImportForm):
    """The upload: the file, its format (told by the extension when left out) and the reason for the change. A file
    that cannot be read is refused here, with what is wrong with it."""

    change_reason = ReasonForm.base_fields[REASON_FIELD]

    def __init__(self, formats: list[type[Format]], resources: list[Any], **kwargs: Any) -> None:
        super().__init__(formats, resources, **kwargs)
        self.formats = formats
        self.fields["import_file"].label = gettext_lazy("File to import")
        self.fields["format"].label = gettext_lazy("Format")
        self.fields["format"].required = False
        self.fields["format"].help_text = gettext_lazy("Told by the file's extension (.csv, .jsonl) when left out.")

    @property
    def media(self) -> forms.Media:
        """None of the library's scripts: the format is told by the file's extension on the server."""
        return forms.Media()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        upload = cleaned.get("import_file")
        if upload is None:
            return cleaned
        titles = [file_format().get_title() for file_format in self.formats]
        chosen = cleaned.get("format")
        try:
            file_format = titles[int(chosen)] if chosen else None
            imported = read_import_file(upload.read(), upload.name, file_format)
        except FileRefused as refused:
            self.add_error("import_file", [str(error) for error in refused.errors])
            return cleaned
        finally:
            upload.seek(0)
        cleaned["format"] = str(titles.index(imported.format))
        return cleaned


class RecordConfirmImportForm(ConfirmImportForm):
    change_reason = forms.CharField(widget=forms.HiddenInput(), max_length=MAX_REASON_LENGTH)


class RecordsResource(Resource):
    """Imports through the shared importer; a subclass names the collection."""

    collection: ClassVar[str]

    @classmethod
    def get_display_name(cls) -> str:
        return cls.collection

    def get_user_visible_fields(self) -> list[Any]:
        return [ColumnName(name) for name in COLLECTIONS[self.collection]().columns]

    def import_data(self, dataset: ImportedDataset, dry_run: bool = False, **kwargs: Any) -> Result:
        reason = kwargs.get(REASON_FIELD) or ""
        report = import_records(
            dataset.imported, self.collection, reason=reason, user=kwargs.get("user"), dry_run=dry_run
        )
        return report_result(report)


class ColumnName:
    def __init__(self, name: str) -> None:
        self.column_name = name


def resource_for(collection: str) -> type[RecordsResource]:
    return type(f"{collection.title()}Resource", (RecordsResource,), {"collection": collection})


def report_result(report: ImportReport) -> Result:
    """The importer's report as django-import-export's result: a row per record, or an invalid row per row with
    errors (which keeps the confirm step away); the report itself for the preview."""
    result = Result()
    result.report = report
    for outcome in report.rows:
        row = RowResult()
        row.import_type = IMPORT_TYPES[outcome.action]
        row.instance = outcome.record
        row.add_instance_info(outcome.record)
        result.append_row_result(row)
        result.increment_row_result_total(row)
    by_row: dict[int | None, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for error in report.errors:
        by_row[error.number][error.column or NON_FIELD_ERRORS].append(error.message)
    for number, errors in by_row.items():
        result.invalid_rows.append(InvalidRow(number=number, validation_error=ValidationError(errors), values=()))
    return result


class RecordImportExportAdmin(ImportMixin):
    """A changelist's import (the editor's add and change permissions, and a reason) and its export."""

    import_collection: ClassVar[str]
    import_form_class = RecordImportForm
    confirm_form_class = RecordConfirmImportForm
    import_template_name = "commitments/admin/import.html"
    import_export_change_list_template = "commitments/admin/change_list_import_export.html"
    skip_admin_log = False

    @property
    def import_formats(self) -> list[type[Format]]:
        return IMPORT_FORMATS

    def get_import_resource_classes(self, request: Any) -> list[type[RecordsResource]]:
        return [resource_for(self.import_collection)]

    def has_import_permission(self, request: Any) -> bool:
        return bool(self.has_add_permission(request) and self.has_change_permission(request))

    def get_confirm_form_initial(self, request: Any, import_form: Any) -> dict[str, Any]:
        initial = super().get_confirm_form_initial(request, import_form)
        if import_form is not None:
            initial[REASON_FIELD] = import_form.cleaned_data[REASON_FIELD]
        return initial

    def get_import_data_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        form = kwargs.pop("form", None)
        kwargs.pop("request", None)
        return {**kwargs, REASON_FIELD: form.cleaned_data.get(REASON_FIELD, "") if form is not None else ""}

    def process_import(self, request: Any, **kwargs: Any) -> Any:
        """The confirmed import; one confirmed already (its kept file is gone) sends the editor back to upload it."""
        try:
            return super().process_import(request, **kwargs)
        except FileNotFoundError:
            messages.error(request, _("This import was confirmed already, or its file is gone: upload it again."))
            return HttpResponseRedirect(reverse("admin:{}_{}_import".format(*self.get_model_info())))

    def process_result(self, result: Result, request: Any) -> Any:
        """A confirmed import that the importer refused after all (the records changed since the preview) shows
        its errors, as the preview would have, instead of reporting success."""
        if result.has_validation_errors():
            context = {
                **self.admin_site.each_context(request),
                "title": _("Import"),
                "opts": self.model._meta,
                "result": result,
            }
            return TemplateResponse(request, [self.import_template_name], context)
        return super().process_result(result, request)

    def add_success_message(self, result: Result, request: Any) -> None:
        report: ImportReport = result.report
        message = _("Imported: %(created)d created, %(changed)d changed, %(unchanged)d unchanged.")
        messages.success(request, message % report.counts)

    def get_urls(self) -> list[Any]:
        info = self.get_model_info()
        view = self.admin_site.admin_view(self.export_view)
        return [path("export/<str:file_format>/", view, name="{}_{}_export".format(*info)), *super().get_urls()]

    def export_view(self, request: Any, file_format: str) -> Any:
        """The records the changelist shows (its filters and search, every page), as the API exports them."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        renderer_class = EXPORT_RENDERERS.get(file_format)
        if renderer_class is None:
            raise Http404
        try:
            shown = self.get_changelist_instance(request).get_queryset(request)
        except IncorrectLookupParameters:
            return HttpResponseRedirect(reverse("admin:{}_{}_changelist".format(*self.get_model_info())))
        collection = COLLECTIONS[self.import_collection]()
        rows = collection.rows_class(UrlBuilder(request))
        records = rows.values(collection.read_view().read_queryset().filter(id__in=shown.values("pk")).order_by("id"))
        renderer = renderer_class()
        writer = renderer.writer(list(collection.columns.values()), rows)
        body = stream(records, rows.shape, writer, settings.API_EXPORT_BATCH_SIZE)
        content_type = f"{renderer.media_type}; charset=utf-8" if renderer.charset else renderer.media_type
        response = StreamingHttpResponse(body, content_type=content_type)
        instant = timezone.now().astimezone(datetime.UTC)
        filename = f"{collection.name}-{instant:%Y-%m-%dT%H%M%SZ}.{renderer.extension}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
