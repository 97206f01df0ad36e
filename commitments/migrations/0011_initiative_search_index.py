from django.db import migrations

from tracker.migration_operations import search_index


class Migration(migrations.Migration):
    dependencies = [("commitments", "0010_read_indexes")]

    # A search of pledges looks up the initiatives by name first: without an index, each search read the words of
    # every initiative's name.
    operations = [search_index("commitments_initiative", "name")]
