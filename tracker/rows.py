"""Dict-based row shaping for fast reads.

Each resource's list query and row shape live in its app's `querysets.py` as a `Rows` subclass: the API's
lists and details, exports and field selection all go through it. It reads `.values()` rows (no model
instances) and fetches links for a whole page in one query per link type, so the query count does not
grow with the number of rows.
"""

from django.urls import NoReverseMatch, reverse

# Lookups that fit the routes' patterns (ids, ISO alpha-3 codes, slugs), used once per route to find where the
# lookup goes in its URL.
PLACEHOLDERS = ("9876543210", "QQQ", "lookup-placeholder")


class UrlBuilder:
    """Absolute URLs of the API's detail routes, reversed once per route rather than once per row."""

    def __init__(self, request, namespace="v1"):
        self.request = request
        self.namespace = namespace
        self._templates = {}

    def detail(self, basename, lookup):
        return self.route(f"{basename}-detail", lookup)

    def route(self, name, lookup):
        template = self._templates.get(name)
        if template is None:
            template = self._templates[name] = self._template(name)
        prefix, suffix = template
        return f"{prefix}{lookup}{suffix}"

    def _template(self, name):
        for placeholder in PLACEHOLDERS:
            try:
                path = reverse(f"{self.namespace}:{name}", args=[placeholder])
            except NoReverseMatch:
                continue
            prefix, suffix = path.split(placeholder, 1)
            return self._absolute(prefix), suffix
        raise NoReverseMatch(f"No lookup fits the route {name}.")

    def _absolute(self, path):
        if self.request is None:
            return path
        return self.request.build_absolute_uri(path)


class Rows:
    """Turns a queryset of one resource into the API's JSON-ready dicts."""

    fields = ()

    def __init__(self, urls):
        self.urls = urls

    def values(self, queryset):
        return queryset.values(*self.fields)

    def shape(self, rows):
        raise NotImplementedError

    def one(self, queryset):
        shaped = self.shape(list(self.values(queryset)))
        return shaped[0] if shaped else None


def group_by(pairs):
    """{key: [value, …]} from (key, value) pairs, keeping their order."""
    grouped = {}
    for key, value in pairs:
        grouped.setdefault(key, []).append(value)
    return grouped
