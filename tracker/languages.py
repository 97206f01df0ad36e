"""The language of an answer: English, or Indonesian when the request asks for it.

The API reads a `lang` query parameter first (a link can carry it), then `Accept-Language`, and no cookie, so that
`Vary: Accept-Language` names all that its answer's language depends on besides the address. The admin reads the
language cookie that its switcher sets, then `Accept-Language` (Django's way; a `lang` there would be read as a
list filter). Any other language is English. Labels, messages and problem titles follow the language; enum values,
keys and the records' own texts never do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation.trans_real import parse_accept_lang_header

if TYPE_CHECKING:
    from django.http import HttpRequest

LANGUAGE_QUERY_PARAMETER = "lang"
# The addresses that answer as the API does, in problem details (tracker.views).
API_PATH_PREFIXES = ("/api/", "/healthz")


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def supported_language(tag: str) -> str | None:
    """The supported language an `Accept-Language` tag names (`id`, `id-ID` and `ID` all name `id`), or None."""
    try:
        return translation.get_supported_language_variant(tag.lower())
    except LookupError:
        return None


def queried_language(request: HttpRequest) -> str | None:
    """The language `?lang=` names: exactly one of the codes the schema lists, or None."""
    value = request.GET.get(LANGUAGE_QUERY_PARAMETER)
    return value if value in language_codes() else None


def unsupported_language_message() -> str:
    return _("Not a language this API answers in. Use one of: %(languages)s.") % {
        "languages": ", ".join(language_codes())
    }


def accepted_language(header: str) -> str:
    """The first supported language of an `Accept-Language` header, by preference; English when none is."""
    for tag, _quality in parse_accept_lang_header(header):
        language = supported_language(tag) if tag != "*" else None
        if language is not None:
            return language
    return str(settings.LANGUAGE_CODE)


def requested_language(request: HttpRequest) -> str:
    if not request.path_info.startswith(API_PATH_PREFIXES):
        return translation.get_language_from_request(request)
    return queried_language(request) or accepted_language(request.headers.get("Accept-Language", ""))


class LanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, choosing the language by `requested_language`.

    Its response half adds `Content-Language` and `Vary: Accept-Language`. An unsupported `lang` is left to the
    API, which answers it with a 400 naming the parameter (tracker.query_params).
    """

    def process_request(self, request: HttpRequest) -> None:
        translation.activate(requested_language(request))
        request.LANGUAGE_CODE = translation.get_language()
