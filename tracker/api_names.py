"""The API's names for the domain's records and rules, which the models themselves do not know.

Each app's `api/names.py` registers, when the app is ready, the collection its records are served in (the
prefix of their addresses, `/api/v1/{collection}/{lookup}/`) with the field that looks one up there, and the
request field that each of its database constraints concerns. The change feed, record histories and error
responses read them here.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from django.db import models


@dataclass(frozen=True)
class Collection:
    """Where a model's records are served: `name` is the route prefix, `lookup` the field in their address."""

    name: str
    lookup: str = "pk"

    def lookup_of(self, record: models.Model) -> str:
        return str(getattr(record, self.lookup))


_collections: dict[type[models.Model], Collection] = {}
_constraint_fields: dict[str, str] = {}


def register_collection(model: type[models.Model], collection: Collection) -> None:
    """Serve `model`'s records in `collection`."""
    _collections[model] = collection


def collection_of(model: type[models.Model]) -> Collection | None:
    """The collection a model's records are served in, or None for a model the API serves only inside others."""
    return _collections.get(model._meta.concrete_model)  # type: ignore[arg-type]  # None only for an abstract model, never registered


def collections() -> dict[type[models.Model], Collection]:
    """{model: collection} of every record the API serves."""
    return dict(_collections)


def address_of(record: models.Model) -> tuple[str, str] | None:
    """(collection, lookup) of a record the API serves, or None."""
    collection = collection_of(type(record))
    return (collection.name, collection.lookup_of(record)) if collection else None


def register_constraint_fields(fields: Mapping[str, str]) -> None:
    """{constraint name: the request field a violation of it is reported on}."""
    _constraint_fields.update(fields)


def constraint_field(constraint_name: str) -> str | None:
    """The request field a constraint concerns (a constraint's `violation_error_code` is its name), or None."""
    return _constraint_fields.get(constraint_name)
