"""A finding marked as not identifying belongs to a row of any model with shared texts (a
verbeteractie, a voortgang …), not only to a casus: the one store of such marks (issue 22).
The marks of a casus keep pointing at their casus."""

import django.db.models.deletion
from django.db import migrations, models


def point_at_casus(apps, schema_editor):
    from kern.rls import database_scope

    ContentType = apps.get_model("contenttypes", "ContentType")
    Gemeente = apps.get_model("gemeenten", "Gemeente")
    GemarkeerdeVondst = apps.get_model("casussen", "GemarkeerdeVondst")
    # Row-level security holds the owner too (FORCE): write in every gemeente's scope.
    with database_scope(list(Gemeente.objects.values_list("pk", flat=True))):
        rows = GemarkeerdeVondst._base_manager.all()
        if not rows.exists():
            return
        casus_type, _created = ContentType.objects.get_or_create(
            app_label="casussen", model="casus"
        )
        rows.update(content_type=casus_type, object_id=models.F("casus_id"))


class Migration(migrations.Migration):
    dependencies = [
        ("casussen", "0005_soft_delete_name"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="gemarkeerdevondst",
            name="content_type",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="contenttypes.contenttype",
                verbose_name="kind of row",
            ),
        ),
        migrations.AddField(
            model_name="gemarkeerdevondst",
            name="object_id",
            field=models.PositiveBigIntegerField(null=True, verbose_name="row"),
        ),
        migrations.RunPython(point_at_casus, migrations.RunPython.noop, elidable=True),
        migrations.RemoveConstraint(
            model_name="gemarkeerdevondst", name="gemarkeerde_vondst_uniek"
        ),
        migrations.RemoveField(model_name="gemarkeerdevondst", name="casus"),
        migrations.AlterField(
            model_name="gemarkeerdevondst",
            name="content_type",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="contenttypes.contenttype",
                verbose_name="kind of row",
            ),
        ),
        migrations.AlterField(
            model_name="gemarkeerdevondst",
            name="object_id",
            field=models.PositiveBigIntegerField(verbose_name="row"),
        ),
        migrations.AddConstraint(
            model_name="gemarkeerdevondst",
            constraint=models.UniqueConstraint(
                fields=("content_type", "object_id", "soort", "vondst_hash"),
                name="gemarkeerde_vondst_uniek",
            ),
        ),
    ]
