"""The API's names for this app's records: the collection each is served in, registered when the app is ready."""

from tracker.api_names import Collection, register_collection

from ..models import Country, CountryGroup

COUNTRIES = Collection("countries", lookup="iso3")
COUNTRY_GROUPS = Collection("country-groups", lookup="slug")


def register_names():
    register_collection(Country, COUNTRIES)
    register_collection(CountryGroup, COUNTRY_GROUPS)
