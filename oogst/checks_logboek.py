"""The verankering checklist item of the Logboek Oogst: a version published as definitief.

Whether a proeftuin has one is read through the cache (five minutes, forgotten when a version is
published), so the dashboard and the cockpit pay no query for it on every request."""

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from gemeenten import checklist
from gemeenten.models import Fase

from .models import LogboekVersie

TTL = 300


def _key(proeftuin_id):
    return f"oogst:logboek-definitief:{proeftuin_id}"


def heeft_definitief(proeftuin) -> bool:
    value = cache.get(_key(proeftuin.pk))
    if value is None:
        value = LogboekVersie.objects.filter(proeftuin=proeftuin, definitief=True).exists()
        cache.set(_key(proeftuin.pk), value, TTL)
    return value


def vergeet(proeftuin_id):
    cache.delete(_key(proeftuin_id))


@checklist.register(Fase.VERANKERING)
def logboek_gepubliceerd(proeftuin):
    return [
        checklist.Item(
            _("Logboek Oogst published"),
            done=heeft_definitief(proeftuin),
            hint=_("Make a concept of the Logboek Oogst and publish it as final."),
            link=checklist.gemeente_url(proeftuin, "oogst:logboek"),
        )
    ]
