"""Publishing to the shared Kennisbank: a reviewed copy of a les or verbeteractie, detached from
the gemeente's data (checked first: ``screening``), and withdrawing it. Owners and authors are
never copied; succesfactoren and knelpunt categories become plain labels."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from oogst.inhoud.models import Borging

from .models import KennisbankItem


def source_for(proeftuin) -> str:
    start, end = proeftuin.start.year, proeftuin.eind.year
    return _("Proeftuin %(gemeente)s, %(jaar)s") % {
        "gemeente": proeftuin.gemeente.naam,
        "jaar": start if start == end else f"{start}–{end}",
    }


def draft_from_les(les) -> dict:
    """What the publish form starts with for a les: its texts, never its author."""
    first_paragraph = les.tekst.strip().split("\n\n")[0]
    return {
        "soort": KennisbankItem.Soort.LES,
        "titel": les.titel,
        "samenvatting": first_paragraph[:500],
        "tekst": les.tekst,
        "resultaat": "",
        "bron": source_for(les.proeftuin),
        "succesfactoren": [s.naam for s in les.succesfactoren.all()],
        "knelpunt_categorieen": (
            [str(c) for c in les.verbeteractie.categorie_labels] if les.verbeteractie else []
        ),
    }


def draft_from_actie(actie) -> dict:
    """What the publish form starts with for a verbeteractie: what, why and to what effect,
    never its owner or the casussen it came from."""
    text = "\n\n".join(t.strip() for t in (actie.beschrijving, actie.aanleiding) if t.strip())
    result = actie.get_status_display()
    borging = Borging.objects.filter(verbeteractie=actie).first()
    if borging is not None and borging.werkproces:
        result = f"{result}: {borging.werkproces}"
    # The intended effect is the summary when there is one; the result does not repeat it.
    return {
        "soort": KennisbankItem.Soort.VERBETERACTIE,
        "titel": actie.titel,
        "samenvatting": (actie.beoogd_effect.strip() or actie.beschrijving.strip())[:500],
        "tekst": text,
        "resultaat": result,
        "bron": source_for(actie.proeftuin),
        "succesfactoren": [s.naam for s in actie.succesfactoren.all()],
        "knelpunt_categorieen": [str(c) for c in actie.categorie_labels],
    }


@transaction.atomic
def publish(*, soort, data: dict, succesfactoren, knelpunt_categorieen, by) -> KennisbankItem:
    """Store the reviewed copy (the caller has checked that nothing identifying is left)."""
    return KennisbankItem.objects.create(
        soort=soort,
        titel=data["titel"],
        samenvatting=data["samenvatting"],
        tekst=data.get("tekst", ""),
        resultaat=data.get("resultaat", ""),
        bron=data["bron"],
        succesfactoren=[str(s) for s in succesfactoren],
        knelpunt_categorieen=[str(c) for c in knelpunt_categorieen],
        gepubliceerd_door=by,
    )


def withdraw(*, item: KennisbankItem) -> None:
    item.ingetrokken_op = timezone.now()
    item.save(update_fields=["ingetrokken_op"])
