from django.apps import apps

from commitments.api.names import CONSTRAINT_FIELDS
from config.api import record_routes
from tracker.api_names import address_of, collection_of, collections, constraint_field
from tracker.models import TrackedModel


def test_every_route_serves_a_registered_collection_by_its_lookup():
    registered = {collection.name: collection.lookup for collection in collections().values()}
    routed = {prefix: viewset.lookup_field for prefix, viewset, _basename in record_routes}
    assert routed == registered


def test_every_constraint_reports_a_violation_with_its_own_name_as_the_code():
    constraints = [
        constraint
        for model in apps.get_models()
        if issubclass(model, TrackedModel)
        for constraint in model._meta.constraints
    ]
    assert constraints
    assert [c.name for c in constraints if c.violation_error_code != c.name] == []


def test_every_constraint_given_a_request_field_exists():
    names = {constraint.name for model in apps.get_models() for constraint in model._meta.constraints}
    assert set(CONSTRAINT_FIELDS) - names == set()
    assert constraint_field("pledge_quantity_range") == "quantity"


def test_a_model_the_api_serves_only_inside_others_has_no_collection():
    region = apps.get_model("countries", "Region")
    assert collection_of(region) is None
    assert address_of(region(code="145")) is None


def test_a_record_is_addressed_by_its_collection_and_lookup():
    country = apps.get_model("countries", "Country")(iso3="PSE")
    assert address_of(country) == ("countries", "PSE")
