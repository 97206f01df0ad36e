from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_countries import countries


def validate_iso2(value):
    if value not in dict(countries):
        raise ValidationError(_("%(value)s is not an ISO 3166-1 alpha-2 code."), params={"value": value})


def validate_iso3(value):
    if not countries.alpha2(value):
        raise ValidationError(_("%(value)s is not an ISO 3166-1 alpha-3 code."), params={"value": value})
