"""The oogst's four parts became apps of their own (inhoud, netwerk, kennisbank, logboek) and
took their models along. Only Django's picture of the models changes here: the tables stay
where they are, under their names (``oogst_<model>``, each model's ``Meta.db_table``), and
each part's ``0001_initial`` takes its models over, again without touching the database.

After gemeenten 0004: it rewrites the history rows of these models while they are still
found under the label ``oogst``."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('oogst', '0001_initial'),
        ('gemeenten', '0004_wijziging_by_field_name'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                # A many-to-many field and its through model name each other: the field first.
                migrations.RemoveField(model_name='les', name='succesfactoren'),
                migrations.RemoveField(model_name='gecombineerdlogboek', name='gemeenten'),
                # Then each model after the models that point to it.
                migrations.DeleteModel(name='LesSuccesfactor'),
                migrations.DeleteModel(name='Les'),
                migrations.DeleteModel(name='Oogst'),
                migrations.DeleteModel(name='Verhaal'),
                migrations.DeleteModel(name='Borging'),
                migrations.DeleteModel(name='Vervolgafspraak'),
                migrations.DeleteModel(name='Netwerkantwoord'),
                migrations.DeleteModel(name='Netwerkpeiling'),
                migrations.DeleteModel(name='KennisbankItem'),
                migrations.DeleteModel(name='LogboekVersie'),
                migrations.DeleteModel(name='GecombineerdLogboekGemeente'),
                migrations.DeleteModel(name='GecombineerdLogboek'),
            ],
            database_operations=[],
        ),
    ]
