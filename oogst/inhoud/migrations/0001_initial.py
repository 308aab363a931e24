"""The models of the inhoud part, taken over from the oogst app (oogst 0002) without touching
the database: their tables stay as they are (``oogst_<model>``, ``Meta.db_table``). The rows that
name these models by content type (history, audit log, permissions) follow them: their content
types are renamed from the label ``oogst`` to ``inhoud``."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

# The models of this part, as the content types name them.
MODELS = ['oogst', 'les', 'lessuccesfactor', 'verhaal', 'borging', 'vervolgafspraak']


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
    _move_content_types(apps, schema_editor, "oogst", "inhoud")


def backwards(apps, schema_editor):
    _move_content_types(apps, schema_editor, "inhoud", "oogst")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('oogst', '0002_parts_take_their_models'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('casussen', '0005_soft_delete_name'),
        ('gemeenten', '0004_wijziging_by_field_name'),
        ('verbeteracties', '0004_bijeenkomst_actiepunt'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Borging',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                        ('stand', models.CharField(choices=[('geborgd', 'Embedded'), ('deels', 'Partly embedded'), ('niet', 'Not embedded')], max_length=10, verbose_name='embedded')),
                        ('werkproces', models.CharField(blank=True, help_text='For example: the six-weekly MDO of the huisartsen, the Wmo intake.', max_length=300, verbose_name='in which work process')),
                        ('waarom_niet', models.TextField(blank=True, verbose_name='why not')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='changed at')),
                        ('door', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='gemeenten.organisatie', verbose_name='embedded by')),
                        ('gemeente', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='%(class)s_set', to='gemeenten.gemeente', verbose_name='gemeente')),
                        ('verbeteractie', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='borging', to='verbeteracties.verbeteractie', verbose_name='improvement action')),
                    ],
                    options={
                        'verbose_name': 'embedding',
                        'verbose_name_plural': 'embeddings',
                        'db_table': 'oogst_borging',
                    },
                ),
                migrations.CreateModel(
                    name='Les',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                        ('titel', models.CharField(max_length=200, verbose_name='title')),
                        ('tekst', models.TextField(verbose_name='text')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='written at')),
                        ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='written by')),
                        ('gemeente', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='%(class)s_set', to='gemeenten.gemeente', verbose_name='gemeente')),
                        ('proeftuin', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='lessen', to='gemeenten.proeftuin', verbose_name='proeftuin')),
                        ('verbeteractie', models.ForeignKey(blank=True, help_text='The action this lesson comes from, if any.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='verbeteracties.verbeteractie', verbose_name='improvement action')),
                    ],
                    options={
                        'verbose_name': 'lesson learnt',
                        'verbose_name_plural': 'lessons learnt',
                        'db_table': 'oogst_les',
                        'ordering': ['created_at', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='LesSuccesfactor',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('gemeente', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='%(class)s_set', to='gemeenten.gemeente', verbose_name='gemeente')),
                        ('les', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='inhoud.les')),
                        ('succesfactor', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='casussen.succesfactor')),
                    ],
                    options={
                        'verbose_name': 'success factor of a lesson',
                        'verbose_name_plural': 'success factors of lessons',
                        'db_table': 'oogst_lessuccesfactor',
                    },
                ),
                migrations.AddField(
                    model_name='les',
                    name='succesfactoren',
                    field=models.ManyToManyField(blank=True, related_name='+', through='inhoud.LesSuccesfactor', to='casussen.succesfactor', verbose_name='success factors'),
                ),
                migrations.CreateModel(
                    name='Oogst',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                        ('voorwoord', models.TextField(blank=True, help_text='Opens the Logboek Oogst; written by the facilitator.', verbose_name='foreword')),
                        ('hoe_verder', models.TextField(blank=True, help_text='The closing chapter: how the partners stay a learning network.', verbose_name='how we go on')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='changed at')),
                        ('gemeente', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='%(class)s_set', to='gemeenten.gemeente', verbose_name='gemeente')),
                        ('proeftuin', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='oogst', to='gemeenten.proeftuin', verbose_name='proeftuin')),
                        ('updated_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='changed by')),
                    ],
                    options={
                        'verbose_name': 'harvest',
                        'verbose_name_plural': 'harvests',
                        'db_table': 'oogst_oogst',
                    },
                ),
                migrations.CreateModel(
                    name='Verhaal',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                        ('soort', models.CharField(choices=[('verhaal', 'Story in the spotlight'), ('citaat', 'Quote')], default='verhaal', max_length=10, verbose_name='kind')),
                        ('titel', models.CharField(blank=True, max_length=200, verbose_name='title')),
                        ('tekst', models.TextField(verbose_name='text')),
                        ('wie', models.CharField(help_text="As it may be printed, e.g. 'wijkverpleegkundige, Buurtzorg Ulft'.", max_length=200, verbose_name='who')),
                        ('toestemming', models.BooleanField(default=False, verbose_name='consent given')),
                        ('toestemming_hoe', models.CharField(blank=True, help_text='For example: by e-mail on 3 March, or orally at the oogstbijeenkomst.', max_length=200, verbose_name='how consent was given')),
                        ('toestemming_op', models.DateField(blank=True, null=True, verbose_name='consent on')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='written at')),
                        ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='written by')),
                        ('gemeente', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='%(class)s_set', to='gemeenten.gemeente', verbose_name='gemeente')),
                        ('proeftuin', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='verhalen', to='gemeenten.proeftuin', verbose_name='proeftuin')),
                        ('toestemming_door', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='consent recorded by')),
                    ],
                    options={
                        'verbose_name': 'story',
                        'verbose_name_plural': 'stories',
                        'db_table': 'oogst_verhaal',
                        'ordering': ['created_at', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='Vervolgafspraak',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                        ('soort', models.CharField(choices=[('lerend_netwerk', 'Learning network'), ('bestuurlijk', 'Administrative'), ('werkproces', 'Work process')], max_length=20, verbose_name='kind')),
                        ('wat', models.CharField(max_length=300, verbose_name='what')),
                        ('wie', models.CharField(max_length=200, verbose_name='who')),
                        ('wanneer', models.DateField(blank=True, null=True, verbose_name='when')),
                        ('ritme', models.CharField(blank=True, help_text="For meetings that go on, e.g. 'every six weeks'.", max_length=100, verbose_name='rhythm')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                        ('gemeente', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='%(class)s_set', to='gemeenten.gemeente', verbose_name='gemeente')),
                        ('organisatie', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='gemeenten.organisatie', verbose_name='organisation')),
                        ('proeftuin', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='vervolgafspraken', to='gemeenten.proeftuin', verbose_name='proeftuin')),
                    ],
                    options={
                        'verbose_name': 'follow-up agreement',
                        'verbose_name_plural': 'follow-up agreements',
                        'db_table': 'oogst_vervolgafspraak',
                        'ordering': ['soort', 'wanneer', 'pk'],
                    },
                ),
                migrations.AddConstraint(
                    model_name='lessuccesfactor',
                    constraint=models.UniqueConstraint(fields=('les', 'succesfactor'), name='lessucces_uniek'),
                ),
                migrations.AddIndex(
                    model_name='les',
                    index=models.Index(fields=['gemeente', 'proeftuin'], name='les_proeftuin_idx'),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
