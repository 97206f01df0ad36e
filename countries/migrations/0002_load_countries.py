from django.db import migrations


def load(apps, schema_editor):
    from countries.reference_data import ReferenceLoader

    ReferenceLoader(apps).load_countries()


class Migration(migrations.Migration):
    dependencies = [("countries", "0001_initial"), ("tracker", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
