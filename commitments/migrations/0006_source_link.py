import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("commitments", "0005_statement_text_origin"),
    ]

    # PledgeSource and StatementSource now share an abstract SourceLink: the same columns and constraints, named
    # the same; only the state's verbose names and related names move, so nothing is written to the database.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterModelOptions(
                    name="pledgesource",
                    options={
                        "default_related_name": "pledge_links",
                        "ordering": ["id"],
                        "verbose_name": "pledge source",
                        "verbose_name_plural": "pledge sources",
                    },
                ),
                migrations.AlterModelOptions(
                    name="statementsource",
                    options={
                        "default_related_name": "statement_links",
                        "ordering": ["id"],
                        "verbose_name": "statement source",
                        "verbose_name_plural": "statement sources",
                    },
                ),
                migrations.AlterField(
                    model_name="historicalstatementsource",
                    name="source",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="commitments.source",
                        verbose_name="source",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalstatementsource",
                    name="statement",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="commitments.statement",
                        verbose_name="statement",
                    ),
                ),
                migrations.AlterField(
                    model_name="pledgesource",
                    name="source",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT, to="commitments.source", verbose_name="source"
                    ),
                ),
                migrations.AlterField(
                    model_name="statementsource",
                    name="source",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT, to="commitments.source", verbose_name="source"
                    ),
                ),
                migrations.AlterField(
                    model_name="statementsource",
                    name="statement",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="source_links",
                        to="commitments.statement",
                        verbose_name="statement",
                    ),
                ),
            ],
        ),
    ]
