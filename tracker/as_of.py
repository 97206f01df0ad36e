"""Reads as the database stood at an instant (`as_of`), and as the world stood on a date (`valid_at`)."""


class AsOfMixin:
    """Lets list and detail reads answer as of a past instant; a no-op until `as_of` is given."""
