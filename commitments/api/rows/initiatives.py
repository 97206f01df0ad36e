from tracker.rows import Rows

from ..serializers.initiatives import InitiativeSerializer
from .refs import party_field, slug_field


class InitiativeRows(Rows):
    serializer_class = InitiativeSerializer
    basename = "initiative"
    lookup = "slug"

    read_parent = slug_field("parent", "initiative")
    read_lead = party_field("lead")
