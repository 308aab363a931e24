"""The rendered Logboek Oogst of the Oude IJsselstreek demo proeftuin: one version, rendered
here (not in the background) and published as definitief. Runs last of the demo parts, so the
logboek shows what the others loaded. Idempotent: nothing happens when a version exists."""

from django.db import transaction

from gemeenten.models import Proeftuin
from kern.models import User
from kern.tenancy import gemeente_scope

from . import services
from .models import LogboekVersie, RenderStatus

GEMEENTE = "oude-ijsselstreek"
FACILITATOR = "facilitator@demo.nl"


def load_logboek_demo(gemeenten):
    gemeente = gemeenten.get(GEMEENTE)
    if gemeente is None:
        return None
    facilitator = User.objects.filter(email=FACILITATOR).first()
    with gemeente_scope(gemeente):
        proeftuin = Proeftuin.objects.filter(gemeente=gemeente).order_by("-start").first()
        if proeftuin is None or LogboekVersie.objects.filter(proeftuin=proeftuin).exists():
            return None
        with transaction.atomic():
            versie = LogboekVersie.objects.create(
                gemeente=gemeente,
                proeftuin=proeftuin,
                nummer=1,
                aangevraagd_door=facilitator,
                status=RenderStatus.WACHTRIJ,
            )
        # Rendered in this process, whatever the broker: `make run` needs no worker.
        services.render(LogboekVersie, versie.pk, gemeente.pk)
        versie.refresh_from_db()
        if versie.status == RenderStatus.KLAAR:
            services.publish(versie=versie, by=facilitator)
    return versie
