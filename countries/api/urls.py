from .names import COUNTRIES, COUNTRY_GROUPS
from .views import CountryGroupViewSet, CountryViewSet

routes = [
    (COUNTRIES.name, CountryViewSet, "country"),
    (COUNTRY_GROUPS.name, CountryGroupViewSet, "countrygroup"),
]
