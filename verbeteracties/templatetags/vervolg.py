"""What became of a casus: the verbeteracties that came from it or from its inzichten, for the
casus page (slot ``casussen.vervolg``), so the chain casus → knelpunt → actie → result reads
back as well as forward."""

from django import template
from django.db.models import Q

from casussen.models import KnelpuntCategorie

from ..models import ActieCasus, ActieInzicht, Verbeteractie

register = template.Library()


@register.simple_tag
def acties_van_casus(casus, inzichten):
    """The living actions from ``casus`` or its ``inzichten``, each with ``via`` (the inzichten
    it came through), ``knelpunten`` (the casus's knelpunt categories it answers) and its last
    update (``laatste``), oldest action first."""
    inzicht_ids = [i.pk for i in inzichten]
    via_casus = ActieCasus.objects.filter(casus=casus).values_list("actie_id", flat=True)
    via_inzicht = ActieInzicht.objects.filter(inzicht_id__in=inzicht_ids)
    acties = list(
        Verbeteractie.objects.levend()
        .filter(Q(pk__in=via_casus) | Q(pk__in=via_inzicht.values("actie_id")))
        .prefetch_related("updates")
        .order_by("start", "pk")
    )
    titels = {i.pk: i.titel for i in inzichten}
    links = {}
    for actie_id, inzicht_id in via_inzicht.values_list("actie_id", "inzicht_id"):
        links.setdefault(actie_id, []).append(titels[inzicht_id])
    categorieen = {k.categorie for k in casus.knelpunten.all()}
    for actie in acties:
        actie.via = links.get(actie.pk, [])
        actie.knelpunten = [
            KnelpuntCategorie(c).label for c in actie.knelpunt_categorieen if c in categorieen
        ]
        actie.laatste = next(iter(actie.updates.all()), None)  # ordered newest first
    return acties
