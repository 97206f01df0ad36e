"""The editors' admin, one module per area; importing them registers every commitments model."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from . import conditions, events, initiatives, parties, pledges, sources, statements  # noqa: F401

admin.site.site_header = _("Diplomatic Commitment Tracker")
admin.site.site_title = _("Diplomatic Commitment Tracker")
admin.site.index_title = _("Records")
