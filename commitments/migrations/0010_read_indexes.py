import django.db.models.deletion
from django.db import migrations, models

from tracker.migration_operations import RunSQLOnPostgreSQL


class Migration(migrations.Migration):
    dependencies = [
        ("commitments", "0009_statement_target_indexes"),
    ]

    operations = [
        # Indexing a large table takes longer than the service's statement timeout.
        RunSQLOnPostgreSQL("SET LOCAL statement_timeout = 0;", migrations.RunSQL.noop),
        # Each index with the id replaces the foreign key's own, which it serves as well; added first, so that
        # pledges are never read by party or initiative without an index.
        migrations.AddIndex(
            model_name="pledge",
            index=models.Index(fields=["party", "id"], name="pledge_party_id_idx"),
        ),
        migrations.AddIndex(
            model_name="pledge",
            index=models.Index(fields=["initiative", "party", "id"], name="pledge_initiative_party_idx"),
        ),
        migrations.AlterField(
            model_name="pledge",
            name="party",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="pledges",
                to="commitments.party",
                verbose_name="party",
            ),
        ),
        migrations.AlterField(
            model_name="pledge",
            name="initiative",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="pledges",
                to="commitments.initiative",
                verbose_name="initiative",
            ),
        ),
        migrations.AddIndex(
            model_name="statement",
            index=models.Index(fields=["date_precision", "date"], name="statement_precision_date_idx"),
        ),
        migrations.AddIndex(
            model_name="statementtarget",
            index=models.Index(
                condition=models.Q(("pledge__isnull", False)),
                fields=["stance", "pledge", "statement"],
                name="target_stance_pledge",
            ),
        ),
    ]
