from .views import CountryGroupViewSet, CountryViewSet

routes = [
    ("countries", CountryViewSet, "country"),
    ("country-groups", CountryGroupViewSet, "countrygroup"),
]
