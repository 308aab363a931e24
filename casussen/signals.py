"""Every new gemeente starts with the known succesfactoren; a deleted row takes the findings
marked in it along."""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import override

from gemeenten.models import Gemeente
from kern.tenancy import TenantModel, gemeente_scope
from kern.writes import gated_fields

from .models import Casus, GemarkeerdeVondst
from .models.taxonomie import SUCCESFACTOREN, Succesfactor


def seed_succesfactoren(gemeente):
    with override("nl"), gemeente_scope(gemeente):
        for volgorde, naam in enumerate(SUCCESFACTOREN, start=1):
            Succesfactor.objects.get_or_create(
                gemeente=gemeente, naam=str(naam), defaults={"volgorde": volgorde}
            )


@receiver(post_save, sender=Gemeente, dispatch_uid="casussen.seed_succesfactoren")
def gemeente_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        seed_succesfactoren(instance)


@receiver(post_delete, dispatch_uid="casussen.forget_marks")
def row_deleted(sender, instance, **kwargs):
    """A row with shared texts is gone: so are the findings marked in it (a casus's go by its
    generic relation)."""
    if sender is Casus or not gated_fields(sender) or not isinstance(instance, TenantModel):
        return
    GemarkeerdeVondst._base_manager.filter(
        content_type=ContentType.objects.get_for_model(sender), object_id=instance.pk
    ).delete()
