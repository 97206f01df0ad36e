from countries.api.rows import country_field
from tracker.rows import Rows, reads
from tracker.shapes import Row

from ..serializers.parties import OrganizationSerializer, PersonSerializer
from .refs import slug_field


class OrganizationRows(Rows):
    serializer_class = OrganizationSerializer
    basename = "organization"
    lookup = "slug"

    read_country = country_field("country")
    read_parent = slug_field("parent", "organization")


class PersonRows(Rows):
    serializer_class = PersonSerializer
    basename = "person"
    lookup = "slug"

    read_organization = slug_field("organization", "organization")
    read_country = country_field("country")

    @reads("name")
    def read_is_anonymous(self, row: Row) -> bool:
        return not row["name"]
