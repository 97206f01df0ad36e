"""The shipped ISO 3166-1 / UN M49 table (countries/data/m49.csv) and its loader, used by a data migration.

A migration's models carry no history manager, so the loader writes the history rows and change-feed entries
of what it creates or changes itself: reference data has its versions like every other record.
"""

import csv
from pathlib import Path

from django.utils import timezone

M49_CSV = Path(__file__).resolve().parent / "data" / "m49.csv"
REASON = "Reference data: ISO 3166-1 codes and UN M49 regions (countries/data/m49.csv)"
LEVELS = (
    ("region", "region_code", "region_name", None),
    ("subregion", "subregion_code", "subregion_name", "region_code"),
    ("intermediate", "intermediate_code", "intermediate_name", "subregion_code"),
)


def read_m49():
    with M49_CSV.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


class ReferenceLoader:
    """Creates or updates regions and countries in a migration, with their history and feed entries."""

    def __init__(self, apps):
        self.apps = apps
        self.now = timezone.now()

    def model(self, name, app="countries"):
        return self.apps.get_model(app, name)

    def save(self, name, lookup, values):
        record, created = self.model(name).objects.update_or_create(**lookup, defaults=values)
        if created or any(getattr(record, field) != value for field, value in values.items()):
            self.record_history(name, record, "+" if created else "~")
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
                action="create" if history_type == "+" else "update",
                model="countries.country",
                object_id=str(record.pk),
                history_id=history.history_id,
                history_date=self.now,
                reason=REASON,
            )

    def load_regions(self, rows):
        regions = {}
        for level, code_column, name_column, parent_column in LEVELS:
            for row in rows:
                code = row[code_column]
                if code and code not in regions:
                    parent = regions.get(row[parent_column]) if parent_column else None
                    values = {"name": row[name_column], "level": level, "parent": parent}
                    regions[code] = self.save("Region", {"code": code}, values)
        return regions

    def load_countries(self):
        rows = read_m49()
        regions = self.load_regions(rows)
        for row in rows:
            values = {
                "iso2": row["iso2"],
                "m49": row["numeric"],
                "name": row["name"],
                "region": regions.get(row["region_code"]),
                "subregion": regions.get(row["subregion_code"]),
                "intermediate_region": regions.get(row["intermediate_code"]),
            }
            self.save("Country", {"iso3": row["iso3"]}, values)
