"""The models of the logboek part, taken over from the oogst app (oogst 0002) without touching
the database: their tables stay as they are (``oogst_<model>``, ``Meta.db_table``). The rows that
name these models by content type (history, audit log, permissions) follow them: their content
types are renamed from the label ``oogst`` to ``logboek``."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

# The models of this part, as the content types name them.
MODELS = ['logboekversie', 'gecombineerdlogboek', 'gecombineerdlogboekgemeente']


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
    _move_content_types(apps, schema_editor, "oogst", "logboek")


def backwards(apps, schema_editor):
    _move_content_types(apps, schema_editor, "logboek", "oogst")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('oogst', '0002_parts_take_their_models'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('gemeenten', '0004_wijziging_by_field_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='GecombineerdLogboek',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('status', models.CharField(choices=[('wachtrij', 'Queued'), ('bezig', 'Rendering'), ('klaar', 'Done'), ('mislukt', 'Failed')], default='wachtrij', max_length=10, verbose_name='status')),
                        ('voortgang', models.PositiveSmallIntegerField(default=0, verbose_name='progress (%)')),
                        ('stap', models.CharField(blank=True, max_length=100, verbose_name='step')),
                        ('pogingen', models.PositiveSmallIntegerField(default=0, verbose_name='attempts')),
                        ('automatisch', models.BooleanField(default=False, help_text='Rendered by itself at the end of the year.', verbose_name='scheduled')),
                        ('aangevraagd_op', models.DateTimeField(auto_now_add=True, verbose_name='requested at')),
                        ('in_wachtrij_op', models.DateTimeField(blank=True, help_text='Empty while the background service could not be reached.', null=True, verbose_name='handed to the queue at')),
                        ('gestart_op', models.DateTimeField(blank=True, null=True, verbose_name='started at')),
                        ('hartslag_op', models.DateTimeField(blank=True, null=True, verbose_name='last sign of life')),
                        ('klaar_op', models.DateTimeField(blank=True, null=True, verbose_name='finished at')),
                        ('bestand', models.FileField(blank=True, upload_to='logboek/', verbose_name='file')),
                        ('paginas', models.PositiveIntegerField(blank=True, null=True, verbose_name='pages')),
                        ('grootte', models.PositiveIntegerField(blank=True, null=True, verbose_name='size (bytes)')),
                        ('fout', models.TextField(blank=True, verbose_name='error')),
                        ('proeftuinen', models.JSONField(default=list, help_text='The ids of the proeftuinen, as [gemeente_id, proeftuin_id] pairs.', verbose_name='proeftuinen')),
                        ('titel', models.CharField(max_length=300, verbose_name='title')),
                        ('inleiding', models.TextField(blank=True, verbose_name='shared introduction')),
                        ('aangevraagd_door', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='requested by')),
                    ],
                    options={
                        'verbose_name': 'combined logbook',
                        'verbose_name_plural': 'combined logbooks',
                        'db_table': 'oogst_gecombineerdlogboek',
                        'ordering': ['-aangevraagd_op'],
                    },
                ),
                migrations.CreateModel(
                    name='GecombineerdLogboekGemeente',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('deelnemer', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='gemeenten.gemeente', verbose_name='gemeente')),
                        ('logboek', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='logboek.gecombineerdlogboek')),
                    ],
                    options={
                        'verbose_name': 'gemeente in a combined logbook',
                        'verbose_name_plural': 'gemeenten in combined logbooks',
                        'db_table': 'oogst_gecombineerdlogboekgemeente',
                    },
                ),
                migrations.AddField(
                    model_name='gecombineerdlogboek',
                    name='gemeenten',
                    field=models.ManyToManyField(related_name='+', through='logboek.GecombineerdLogboekGemeente', through_fields=('logboek', 'deelnemer'), to='gemeenten.gemeente', verbose_name='gemeenten'),
                ),
                migrations.CreateModel(
                    name='LogboekVersie',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('status', models.CharField(choices=[('wachtrij', 'Queued'), ('bezig', 'Rendering'), ('klaar', 'Done'), ('mislukt', 'Failed')], default='wachtrij', max_length=10, verbose_name='status')),
                        ('voortgang', models.PositiveSmallIntegerField(default=0, verbose_name='progress (%)')),
                        ('stap', models.CharField(blank=True, max_length=100, verbose_name='step')),
                        ('pogingen', models.PositiveSmallIntegerField(default=0, verbose_name='attempts')),
                        ('automatisch', models.BooleanField(default=False, help_text='Rendered by itself at the end of the year.', verbose_name='scheduled')),
                        ('aangevraagd_op', models.DateTimeField(auto_now_add=True, verbose_name='requested at')),
                        ('in_wachtrij_op', models.DateTimeField(blank=True, help_text='Empty while the background service could not be reached.', null=True, verbose_name='handed to the queue at')),
                        ('gestart_op', models.DateTimeField(blank=True, null=True, verbose_name='started at')),
                        ('hartslag_op', models.DateTimeField(blank=True, null=True, verbose_name='last sign of life')),
                        ('klaar_op', models.DateTimeField(blank=True, null=True, verbose_name='finished at')),
                        ('bestand', models.FileField(blank=True, upload_to='logboek/', verbose_name='file')),
                        ('paginas', models.PositiveIntegerField(blank=True, null=True, verbose_name='pages')),
                        ('grootte', models.PositiveIntegerField(blank=True, null=True, verbose_name='size (bytes)')),
                        ('fout', models.TextField(blank=True, verbose_name='error')),
                        ('nummer', models.PositiveIntegerField(verbose_name='version')),
                        ('definitief', models.BooleanField(default=False, verbose_name='final')),
                        ('gepubliceerd_op', models.DateTimeField(blank=True, null=True, verbose_name='published at')),
                        ('aangevraagd_door', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='requested by')),
                        ('gemeente', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='%(class)s_set', to='gemeenten.gemeente', verbose_name='gemeente')),
                        ('gepubliceerd_door', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='published by')),
                        ('proeftuin', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='logboekversies', to='gemeenten.proeftuin', verbose_name='proeftuin')),
                    ],
                    options={
                        'verbose_name': 'logbook version',
                        'verbose_name_plural': 'logbook versions',
                        'db_table': 'oogst_logboekversie',
                        'ordering': ['-nummer'],
                    },
                ),
                migrations.AddConstraint(
                    model_name='gecombineerdlogboekgemeente',
                    constraint=models.UniqueConstraint(fields=('logboek', 'deelnemer'), name='gecombineerd_uniek'),
                ),
                migrations.AddConstraint(
                    model_name='logboekversie',
                    constraint=models.UniqueConstraint(fields=('proeftuin', 'nummer'), name='logboekversie_nummer'),
                ),
                migrations.AddConstraint(
                    model_name='logboekversie',
                    constraint=models.UniqueConstraint(condition=models.Q(('status__in', ['wachtrij', 'bezig'])), fields=('proeftuin',), name='logboekversie_een_open_job'),
                ),
                migrations.AddConstraint(
                    model_name='logboekversie',
                    constraint=models.UniqueConstraint(condition=models.Q(('definitief', True)), fields=('proeftuin',), name='logboekversie_een_definitief'),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
