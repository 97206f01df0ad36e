"""The shipped ISO 3166-1 / UN M49 table (countries/data/m49.csv) and its loader, used by a data migration."""

import csv
from pathlib import Path

M49_CSV = Path(__file__).resolve().parent / "data" / "m49.csv"
LEVELS = (
    ("region", "region_code", "region_name", None),
    ("subregion", "subregion_code", "subregion_name", "region_code"),
    ("intermediate", "intermediate_code", "intermediate_name", "subregion_code"),
)


def read_m49():
    with M49_CSV.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_regions(region_model, rows):
    """Create or update every region of the table; returns them by code."""
    regions = {}
    for level, code_column, name_column, parent_column in LEVELS:
        for row in rows:
            code = row[code_column]
            if not code or code in regions:
                continue
            parent = regions.get(row[parent_column]) if parent_column else None
            regions[code], _created = region_model.objects.update_or_create(
                code=code, defaults={"name": row[name_column], "level": level, "parent": parent}
            )
    return regions


def load_countries(country_model, region_model):
    """Create or update every country of the table, matched by its alpha-3 code."""
    rows = read_m49()
    regions = load_regions(region_model, rows)
    for row in rows:
        country_model.objects.update_or_create(
            iso3=row["iso3"],
            defaults={
                "iso2": row["iso2"],
                "m49": row["numeric"],
                "name": row["name"],
                "region": regions.get(row["region_code"]),
                "subregion": regions.get(row["subregion_code"]),
                "intermediate_region": regions.get(row["intermediate_code"]),
            },
        )
