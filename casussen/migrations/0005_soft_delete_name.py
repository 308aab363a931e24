"""One name for soft delete across the apps: deleted_at / deleted_by (as verbeteracties has),
for casussen and inzichten too; the history of both follows the new names."""

from django.db import migrations

RENAMED = {"verwijderd_op": "deleted_at", "verwijderd_door": "deleted_by"}


def rename_in_history(apps, schema_editor):
    from kern.rls import database_scope

    ContentType = apps.get_model("contenttypes", "ContentType")
    Gemeente = apps.get_model("gemeenten", "Gemeente")
    Wijziging = apps.get_model("gemeenten", "Wijziging")
    types = ContentType.objects.filter(app_label="casussen", model__in=["casus", "inzicht"])
    # Row-level security holds the owner too (FORCE): read and write in every gemeente's scope.
    with database_scope(list(Gemeente.objects.values_list("pk", flat=True))):
        for wijziging in Wijziging._base_manager.filter(content_type__in=types).iterator():
            if RENAMED.keys() & wijziging.changes.keys():
                wijziging.changes = {RENAMED.get(k, k): v for k, v in wijziging.changes.items()}
                wijziging.save(update_fields=["changes"])


class Migration(migrations.Migration):
    dependencies = [
        ("casussen", "0004_indexen_issue9"),
        ("gemeenten", "0004_wijziging_by_field_name"),
    ]

    operations = [
        migrations.RenameField(model_name="casus", old_name="verwijderd_op", new_name="deleted_at"),
        migrations.RenameField(model_name="casus", old_name="verwijderd_door", new_name="deleted_by"),
        migrations.RenameField(model_name="inzicht", old_name="verwijderd_op", new_name="deleted_at"),
        migrations.RunPython(rename_in_history, migrations.RunPython.noop, elidable=True),
    ]
