"""The models of the netwerk part, taken over from the oogst app (oogst 0002) without touching
the database: their tables stay as they are (``oogst_<model>``, ``Meta.db_table``). The rows that
name these models by content type (history, audit log, permissions) follow them: their content
types are renamed from the label ``oogst`` to ``netwerk``."""

import django.db.models.deletion
from django.db import migrations, models

# The models of this part, as the content types name them.
MODELS = ['netwerkpeiling', 'netwerkantwoord']


def _move_content_types(apps, schema_editor, old, new):
    ContentType = apps.get_model("contenttypes", "ContentType")
    types = ContentType.objects.using(schema_editor.connection.alias)
    for model in MODELS:
        if types.filter(app_label=old, model=model).exists():
            if types.filter(app_label=new, model=model).exists():
                raise RuntimeError(
                    f"Both {old}.{model} and {new}.{model} have a content type; rows may "
                    f"refer to either, so they cannot be merged here. Look before migrating on."
                )
            types.filter(app_label=old, model=model).update(app_label=new)


def forwards(apps, schema_editor):
    _move_content_types(apps, schema_editor, "oogst", "netwerk")


def backwards(apps, schema_editor):
    _move_content_types(apps, schema_editor, "netwerk", "oogst")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('oogst', '0002_parts_take_their_models'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('gemeenten', '0004_wijziging_by_field_name'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Netwerkpeiling',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('moment', models.CharField(choices=[('start', 'At the start'), ('oogst', 'At the harvest')], max_length=10, verbose_name='moment')),
                        ('answered_at', models.DateTimeField(auto_now=True, verbose_name='answered at')),
                        ('gemeente', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='%(class)s_set', to='gemeenten.gemeente', verbose_name='gemeente')),
                        ('organisatie', models.ForeignKey(blank=True, help_text='The organisation the respondent answered for, at the time.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='gemeenten.organisatie', verbose_name="respondent's organisation")),
                        ('proeftuin', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='netwerkpeilingen', to='gemeenten.proeftuin', verbose_name='proeftuin')),
                        ('respondent', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='gemeenten.lidmaatschap', verbose_name='respondent')),
                    ],
                    options={
                        'verbose_name': 'network survey',
                        'verbose_name_plural': 'network surveys',
                        'db_table': 'oogst_netwerkpeiling',
                    },
                ),
                migrations.CreateModel(
                    name='Netwerkantwoord',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('niveau', models.PositiveSmallIntegerField(choices=[(0, "I don't know them"), (1, 'I know them by name'), (2, 'I have contact'), (3, 'We work together structurally')], verbose_name='how well')),
                        ('gemeente', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='%(class)s_set', to='gemeenten.gemeente', verbose_name='gemeente')),
                        ('organisatie', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='gemeenten.organisatie', verbose_name='organisation')),
                        ('peiling', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='antwoorden', to='netwerk.netwerkpeiling')),
                    ],
                    options={
                        'verbose_name': 'network answer',
                        'verbose_name_plural': 'network answers',
                        'db_table': 'oogst_netwerkantwoord',
                    },
                ),
                migrations.AddIndex(
                    model_name='netwerkpeiling',
                    index=models.Index(fields=['gemeente', 'proeftuin', 'moment'], name='peiling_moment_idx'),
                ),
                migrations.AddConstraint(
                    model_name='netwerkpeiling',
                    constraint=models.UniqueConstraint(fields=('proeftuin', 'moment', 'respondent'), name='netwerkpeiling_uniek'),
                ),
                migrations.AddConstraint(
                    model_name='netwerkantwoord',
                    constraint=models.UniqueConstraint(fields=('peiling', 'organisatie'), name='netwerkantwoord_uniek'),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
