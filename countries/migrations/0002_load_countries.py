"""Load the shipped ISO 3166-1 / UN M49 table (countries/data/m49.csv): its regions, then its countries.

Like any migration it works on the historical models alone. They carry no history manager, so the loader
writes the history rows and change-feed entries of what it creates or changes itself: reference data has its
versions like every other record. A row that already holds the table's values is left alone, with no version.
The feed's names here ("countries", the alpha-3 lookup) are those it had when this migration was written.
"""

import csv
from pathlib import Path

from django.db import migrations
from django.utils import timezone

M49_CSV = Path(__file__).resolve().parent.parent / "data" / "m49.csv"
REASON = "Reference data: ISO 3166-1 codes and UN M49 regions (countries/data/m49.csv)"
LEVELS = (
    ("region", "region_code", "region_name", None),
    ("subregion", "subregion_code", "subregion_name", "region_code"),
    ("intermediate", "intermediate_code", "intermediate_name", "subregion_code"),
)
ACTIONS = {"+": "create", "~": "update"}


def read_m49():
    with M49_CSV.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


class ReferenceLoader:
    """Creates or updates regions and countries from rows of the table, each change with its version."""

    def __init__(self, apps):
        self.apps = apps
        self.now = timezone.now()

    def model(self, name, app="countries"):
        return self.apps.get_model(app, name)

    def save(self, name, lookup, values):
        """The record `lookup` finds, created or changed to hold `values` (by attribute name) when it does not."""
        record = self.model(name).objects.filter(**lookup).first()
        if record is None:
            record = self.model(name).objects.create(**lookup, **values)
            self.record_history(name, record, "+")
        elif any(getattr(record, attname) != value for attname, value in values.items()):
            for attname, value in values.items():
                setattr(record, attname, value)
            record.save()
            self.record_history(name, record, "~")
        return record

    def record_history(self, name, record, history_type):
        fields = {field.attname: getattr(record, field.attname) for field in record._meta.concrete_fields}
        history = self.model(f"Historical{name}").objects.create(
            **fields, history_date=self.now, history_type=history_type, history_change_reason=REASON
        )
        if name == "Country":
            self.model("Change", app="tracker").objects.create(
                collection="countries",
                lookup=record.iso3,
                action=ACTIONS[history_type],
                model="countries.country",
                object_id=str(record.pk),
                history_id=history.history_id,
                history_date=self.now,
                reason=REASON,
            )

    def load_regions(self, rows):
        """{M49 code: region id} of every region the rows name, parents first."""
        regions = {}
        for level, code_column, name_column, parent_column in LEVELS:
            for row in rows:
                code = row[code_column]
                if code and code not in regions:
                    parent_id = regions.get(row[parent_column]) if parent_column else None
                    values = {"name": row[name_column], "level": level, "parent_id": parent_id}
                    regions[code] = self.save("Region", {"code": code}, values).pk
        return regions

    def load_countries(self, rows):
        regions = self.load_regions(rows)
        for row in rows:
            values = {
                "iso2": row["iso2"],
                "m49": row["numeric"],
                "name": row["name"],
                "region_id": regions.get(row["region_code"]),
                "subregion_id": regions.get(row["subregion_code"]),
                "intermediate_region_id": regions.get(row["intermediate_code"]),
            }
            self.save("Country", {"iso3": row["iso3"]}, values)


def load(apps, schema_editor):
    ReferenceLoader(apps).load_countries(read_m49())


class Migration(migrations.Migration):
    dependencies = [("countries", "0001_initial"), ("tracker", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
