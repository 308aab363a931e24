"""Every new gemeente starts with the known succesfactoren."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.translation import override

from gemeenten.models import Gemeente
from kern.tenancy import gemeente_scope

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
