"""What every commitments admin shares: reasons and history, timestamps, dates with precision, required rows."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from tracker.admin import HistoryAdmin
from tracker.dates import period_start

DATE_HELP = _(
    "A date is stored as the first day of its period: a week from its Monday, a month from its first day, a year "
    "from 1 January. Choose the precision the source gives, never a finer one."
)
TIMESTAMPS = (_("Record"), {"fields": (("created", "updated"),), "classes": ("collapse",)})


def dated_fieldset(title, *names):
    """A fieldset that shows each date beside its precision."""
    return (title, {"fields": [(name, f"{name}_precision") for name in names], "description": DATE_HELP})


def party_related(path):
    """The joins that `str(party)` needs, for a foreign key to Party at `path`."""
    return (f"{path}__country", f"{path}__country_group", f"{path}__organization")


class TrackedAdmin(HistoryAdmin):
    """Base of every commitments admin: a reason for each change, history, revert and restore; timestamps read-only."""

    readonly_fields = ("created", "updated")


class PeriodDatesForm(forms.ModelForm):
    """A model form that stores each date named in `period_dates` as the first day of its period."""

    period_dates = ()

    def clean(self):
        cleaned = super().clean()
        for name in self.period_dates:
            day, precision = cleaned.get(name), cleaned.get(f"{name}_precision")
            if day and precision:
                cleaned[name] = period_start(day, precision)
        return cleaned


class RequiredRowsFormSet(BaseInlineFormSet):
    """An inline formset that must keep at least one row; `required_message` says what is missing.

    The database cannot hold "at least one source", so the admin checks it here, where rows marked for
    deletion and blank extra rows are both known.
    """

    required_message = _("Add at least one row.")

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        kept = [form for form in self.forms if form.cleaned_data and not self._should_delete_form(form)]
        if not kept:
            raise ValidationError(self.required_message, code="required")


class SourcesRequiredFormSet(RequiredRowsFormSet):
    required_message = _("Cite at least one source.")


class ReadOnlyInline(admin.TabularInline):
    """Rows shown read-only on their parent's page, each with a link to its own page, where it is edited."""

    extra = 0
    show_change_link = True

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
