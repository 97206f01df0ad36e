"""Changelist filters that apply the API's own queryset methods, so that the admin and the API agree on what a
filter keeps (a pledge a condition holds up through its initiative, a statement with a stance on any target)."""

from django.contrib import admin


class AppliedFilter(admin.SimpleListFilter):
    """A list filter whose choices are `options()` ((value, label) pairs) and whose chosen value `apply(queryset,
    value)` keeps; a value that is not one of the choices keeps nothing."""

    def lookups(self, request, model_admin):
        return self.options()

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        if self.value() not in {str(value) for value, _label in self.options()}:
            return queryset.none()
        return self.apply(queryset, self.value())

    def options(self):
        raise NotImplementedError

    def apply(self, queryset, value):
        raise NotImplementedError


def records_filter(title, parameter_name, records, apply):
    """A filter by one of the records `records()` returns; `apply(queryset, [id])` keeps what it chooses."""

    def options(self):
        return [(str(record.pk), str(record)) for record in records()]

    def applied(self, queryset, value):
        return apply(queryset, [int(value)])

    attributes = {"title": title, "parameter_name": parameter_name, "options": options, "apply": applied}
    return type(f"{parameter_name.title().replace('_', '')}Filter", (AppliedFilter,), attributes)


def choices_filter(title, parameter_name, choices, apply):
    """A filter by one of `choices` (a TextChoices class); `apply(queryset, value)` keeps what it chooses."""

    def options(self):
        return choices.choices

    def applied(self, queryset, value):
        return apply(queryset, value)

    attributes = {"title": title, "parameter_name": parameter_name, "options": options, "apply": applied}
    return type(f"{parameter_name.title().replace('_', '')}Filter", (AppliedFilter,), attributes)
