import re

import pycountry
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .choices import PERSONS

LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
UNITS = [PERSONS, *sorted(currency.alpha_3 for currency in pycountry.currencies)]


def validate_language(value):
    """A BCP 47 tag whose primary language subtag is an ISO 639 code: `id`, `en`, `ar`, `he`, `pt-BR`."""
    if not LANGUAGE_TAG.match(value or ""):
        raise ValidationError(_("%(value)s is not a BCP 47 language tag such as en or pt-BR."), params={"value": value})
    primary = value.split("-", 1)[0]
    field = "alpha_2" if len(primary) == 2 else "alpha_3"
    if pycountry.languages.get(**{field: primary}) is None:
        raise ValidationError(_("%(value)s is not a known ISO 639 language."), params={"value": primary})


def validate_unit(value):
    """`persons`, or an ISO 4217 currency code."""
    if value == PERSONS:
        return
    if not re.fullmatch(r"[A-Z]{3}", value or "") or pycountry.currencies.get(alpha_3=value) is None:
        raise ValidationError(
            _("%(value)s is not a unit: use persons or an ISO 4217 currency code such as USD."), params={"value": value}
        )
