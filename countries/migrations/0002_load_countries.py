from django.db import migrations


def load(apps, schema_editor):
    from countries.reference_data import load_countries

    load_countries(apps.get_model("countries", "Country"), apps.get_model("countries", "Region"))


class Migration(migrations.Migration):
    dependencies = [("countries", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
