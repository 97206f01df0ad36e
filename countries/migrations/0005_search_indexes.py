from django.db import migrations

from tracker.migration_operations import search_index


class Migration(migrations.Migration):
    dependencies = [("countries", "0004_editor_supplied"), ("tracker", "0002_search_configuration")]

    # A search of pledges looks up the countries and groups by name first: without an index, each search read the
    # words of every name.
    operations = [
        search_index("countries_country", "name"),
        search_index("countries_countrygroup", "name"),
    ]
