from tracker.schema import document_record_viewset
from tracker.views import RecordViewSet

from ..filters import CountryFilterSet, CountryGroupFilterSet
from ..models import Country, CountryGroup
from ..services import (
    country_create,
    country_delete,
    country_group_create,
    country_group_delete,
    country_group_update,
    country_update,
)
from .rows import CountryGroupRows, CountryRows
from .serializers import CountryGroupWriteSerializer, CountryWriteSerializer


@document_record_viewset(CountryRows, CountryWriteSerializer, "country", "ISO alpha-3 code, any case")
class CountryViewSet(RecordViewSet):
    """States and territories of ISO 3166-1 with their UN M49 regions, looked up by alpha-3 code."""

    lookup_field = "iso3"
    lookup_value_regex = "[A-Za-z]{3}"
    write_serializer_class = CountryWriteSerializer
    filterset_class = CountryFilterSet
    search_fields = ["name", "iso3", "iso2"]
    ordering_fields = ["id", "name", "iso3", "iso2", "m49", "updated"]
    ordering = ["name"]
    queryset = Country.objects.all()
    create_service = country_create
    update_service = country_update
    delete_service = country_delete

    def get_object(self):
        self.kwargs["iso3"] = self.kwargs["iso3"].upper()
        return super().get_object()


@document_record_viewset(CountryGroupRows, CountryGroupWriteSerializer, "country group", "slug")
class CountryGroupViewSet(RecordViewSet):
    """Sets of states that sources speak of, sometimes without naming members ("Gulf states")."""

    lookup_field = "slug"
    write_serializer_class = CountryGroupWriteSerializer
    filterset_class = CountryGroupFilterSet
    search_fields = ["name", "description"]
    ordering_fields = ["id", "name", "slug", "updated"]
    ordering = ["name"]
    history_links = {"memberships": ("countries.CountryGroupMembership", "group")}
    queryset = CountryGroup.objects.all()
    create_service = country_group_create
    update_service = country_group_update
    delete_service = country_group_delete
