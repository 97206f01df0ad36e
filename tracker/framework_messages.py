"""Messages of Django REST framework that the API answers with and whose Indonesian DRF lacks (or misspells).

Nothing reads these names: listing the messages here puts them in the project's catalog (locale/), which Django
consults before DRF's own, so that an Indonesian answer never falls back to English mid-sentence. The texts are
DRF's, character for character, placeholders included.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

FRAMEWORK_MESSAGES = (
    gettext_noop('Method "{method}" not allowed.'),
    gettext_noop("Invalid input."),
    gettext_noop("Malformed request."),
    gettext_noop("JSON parse error - {detail}"),
    gettext_noop("CSRF Failed: {reason}"),
    gettext_noop("Invalid token."),
    gettext_noop("Invalid token header. No credentials provided."),
    gettext_noop("Invalid token header. Token string should not contain spaces."),
    gettext_noop("Invalid token header. Token string should not contain invalid characters."),
    gettext_noop("User inactive or deleted."),
    gettext_noop("A valid number is required."),
    gettext_noop("A valid biginteger is required."),
    gettext_noop("Must be a valid boolean."),
    gettext_noop("Not a valid string."),
    gettext_noop("String value too large."),
    gettext_noop("Surrogate characters are not allowed: U+{code_point:X}."),
    gettext_noop("This value does not match the required pattern."),
    gettext_noop('Enter a valid "slug" consisting of Unicode letters, numbers, underscores, or hyphens.'),
    gettext_noop("Must be a valid UUID."),
    gettext_noop("Expected a date but got a datetime."),
    gettext_noop("Expected a datetime but got a date."),
    gettext_noop('Invalid datetime for the timezone "{timezone}".'),
    gettext_noop("Datetime value out of range."),
    gettext_noop('Expected a list of items but got type "{input_type}".'),
    gettext_noop("This list may not be empty."),
    gettext_noop("Ensure this field has at least {min_length} elements."),
    gettext_noop("Ensure this field has no more than {max_length} elements."),
    gettext_noop("Invalid data. Expected a dictionary, but got {datatype}."),
    gettext_noop("This dictionary may not be empty."),
    gettext_noop("Incorrect type. Expected pk value, received {data_type}."),
    gettext_noop("Object with {slug_name}={value} does not exist."),
    gettext_noop("Invalid value."),
    gettext_noop("This field must be unique."),
    gettext_noop("The fields {field_names} must make a unique set."),
    gettext_noop("Invalid page."),
    gettext_noop("Invalid cursor"),
    gettext_noop("Invalid version in URL path. Does not match any version namespace."),
    ngettext_lazy("Expected available in {wait} second.", "Expected available in {wait} seconds."),
)
