"""The models of the kennisbank part, taken over from the oogst app (oogst 0002) without touching
the database: their tables stay as they are (``oogst_<model>``, ``Meta.db_table``). The rows that
name these models by content type (history, audit log, permissions) follow them: their content
types are renamed from the label ``oogst`` to ``kennisbank``."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

# The models of this part, as the content types name them.
MODELS = ['kennisbankitem']


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
    _move_content_types(apps, schema_editor, "oogst", "kennisbank")


def backwards(apps, schema_editor):
    _move_content_types(apps, schema_editor, "kennisbank", "oogst")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('oogst', '0002_parts_take_their_models'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='KennisbankItem',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('soort', models.CharField(choices=[('les', 'Lesson learnt'), ('verbeteractie', 'Improvement action')], max_length=20, verbose_name='kind')),
                        ('titel', models.CharField(max_length=200, verbose_name='title')),
                        ('samenvatting', models.TextField(verbose_name='summary')),
                        ('tekst', models.TextField(blank=True, verbose_name='text')),
                        ('resultaat', models.TextField(blank=True, verbose_name='result')),
                        ('succesfactoren', models.JSONField(blank=True, default=list, verbose_name='success factors')),
                        ('knelpunt_categorieen', models.JSONField(blank=True, default=list, verbose_name='bottleneck categories')),
                        ('bron', models.CharField(help_text="As shown to readers, e.g. 'Proeftuin Oude IJsselstreek, 2026'.", max_length=200, verbose_name='source')),
                        ('gepubliceerd_op', models.DateTimeField(auto_now_add=True, verbose_name='published at')),
                        ('ingetrokken_op', models.DateTimeField(blank=True, null=True, verbose_name='withdrawn at')),
                        ('gepubliceerd_door', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='published by')),
                    ],
                    options={
                        'verbose_name': 'knowledge base entry',
                        'verbose_name_plural': 'knowledge base entries',
                        'db_table': 'oogst_kennisbankitem',
                        'ordering': ['-gepubliceerd_op', 'pk'],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
