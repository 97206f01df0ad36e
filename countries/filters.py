from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tracker.filters import KeysFilter, TrackerFilterSet

from .models import Country, CountryGroup, CountryGroupMembership, Region


def upper(code):
    return code.upper()


class CountryCodesFilter(KeysFilter):
    """Comma-separated ISO alpha-3 or alpha-2 codes, in any case; an unknown code is a 400."""

    unknown_message = _("Unknown country code: %(keys)s. Expected ISO 3166-1 alpha-3 (TUR) or alpha-2 (TR) codes.")
    malformed_message = _("Not a country code: %(keys)s. Expected ISO 3166-1 alpha-3 (TUR) or alpha-2 (TR) codes.")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("queryset", Country.objects.all())
        kwargs.setdefault("normalize", upper)
        kwargs.setdefault("pattern", "[A-Za-z]{2,3}")
        kwargs.setdefault("help_text", _("ISO 3166-1 alpha-3 or alpha-2 codes, comma-separated (any of)."))
        super().__init__(*args, **kwargs)

    def lookup(self, keys):
        countries = self.key_queryset.filter(Q(iso3__in=keys) | Q(iso2__in=keys)).values_list("iso3", "iso2", "id")
        pairs = []
        for iso3, iso2, country_id in countries:
            pairs += [(iso3, country_id), (iso2, country_id)]
        return pairs


class CountryFilterSet(TrackerFilterSet):
    group = KeysFilter(
        queryset=CountryGroup.objects.all(),
        apply="in_groups",
        help_text=_("Country group slugs, comma-separated: countries that are members of any of them."),
    )
    region = KeysFilter(
        queryset=Region.objects.all(),
        key_field="code",
        pattern="[0-9]{3}",
        apply="in_regions",
        help_text=_("UN M49 codes of regions, sub-regions or intermediate regions (e.g. 145 Western Asia)."),
    )

    class Meta:
        model = Country
        fields = ["group", "region"]

    def in_groups(self, queryset, group_ids):
        memberships = self.tables.of(CountryGroupMembership).filter(group_id__in=group_ids)
        return queryset.filter(id__in=memberships.values("country_id"))

    def in_regions(self, queryset, region_ids):
        return queryset.filter(
            Q(region_id__in=region_ids) | Q(subregion_id__in=region_ids) | Q(intermediate_region_id__in=region_ids)
        )


class CountryGroupFilterSet(TrackerFilterSet):
    member = CountryCodesFilter(
        apply="with_members",
        help_text=_("ISO codes, comma-separated: groups with any of these countries as members."),
    )

    class Meta:
        model = CountryGroup
        fields = ["member"]

    def with_members(self, queryset, country_ids):
        memberships = self.tables.of(CountryGroupMembership).filter(country_id__in=country_ids)
        return queryset.filter(id__in=memberships.values("group_id"))
