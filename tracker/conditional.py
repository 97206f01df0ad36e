"""Conditional requests: ETags on details, `If-None-Match` (304) and `If-Match` (412 when stale)."""


class ConditionalMixin:
    """Adds ETags and precondition checks to a RecordViewSet."""
