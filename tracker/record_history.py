"""The versions of one record, its links included: `/{collection}/{lookup}/history/`."""


class HistoryMixin:
    """Adds the `history` route to a RecordViewSet."""
