"""Fictional demo data for the proeftuin part: trekkers, gemeenteprofiel, phase history, marks.

Called after ``load_demo()`` with its gemeenten by slug; running it twice changes nothing.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from kern.models import User
from kern.tenancy import gemeente_scope

from .models import Fase, FaseOvergang, Ingredient, Ingredientbeoordeling, Kengetal, Proeftuin

DEMO_BRON = "CBS StatLine (fictief demo-cijfer)"
DEMO_JAAR = 2025
FACILITATOR = "facilitator@demo.nl"

# Per gemeente: trekker, figures (inhabitants, 75+, deaths a year, palliative estimate), marks.
PROEFTUIN_DEMO = {
    "oude-ijsselstreek": {
        "trekker": "Ineke Hulshof, coördinator Welzijn De Brug",
        "kengetallen": (39_800, 4_700, 420, 400),
        "marks": [
            (Ingredient.TREKKER, "in_orde", "De trekker trekt met veel energie."),
            (Ingredient.WORTELS, "in_orde", "Wethouder heeft het mandaat ondertekend."),
            (Ingredient.DELEN, "aandacht", "Logboek Oogst nog niet gedeeld met de raad."),
        ],
    },
    "zundert": {
        "trekker": "Marloes van Dongen, wijkverpleegkundige Heide en Akkers",
        "kengetallen": (22_600, 2_300, 210, 220),
        "marks": [
            (Ingredient.TREKKER, "in_orde", ""),
            (Ingredient.VERHALEN, "aandacht", "Casussen komen vooral uit de zorg."),
        ],
    },
    "stichtse-vecht": {
        "trekker": "Samira El Idrissi, beleidsadviseur Wmo",
        "kengetallen": (65_300, 6_900, 610, None),
        "marks": [(Ingredient.REDENEN, "aandacht", "Schatting palliatieve fase ontbreekt nog.")],
    },
    "roermond": {
        "trekker": "",
        "kengetallen": None,
        "marks": [],
    },
}

# Roughly how long after the start each phase begins, in days.
FASE_START = {
    Fase.STARTBIJEENKOMST: 0,
    Fase.INVENTARISATIE: 42,
    Fase.VERBETEREN: 130,
    Fase.VERANKERING: 320,
}
OPEN_BIJ_OVERGANG = {
    ("zundert", Fase.INVENTARISATIE): [
        {
            "label": "Een contactpersoon voor elke partner",
            "hint": "Zonder contactpersoon: Vrijwilligers Terminale Zorg De Wegwijzer.",
            "link": "",
        }
    ],
}


def _at(day):
    moment = datetime.datetime.combine(day, datetime.time(10, 0))
    return timezone.make_aware(moment)


def _phase_history(gemeente, proeftuin, by):
    """Steps from the start up to the current phase; rebuilt when it no longer matches."""
    overgangen = list(proeftuin.overgangen.order_by("at", "pk"))
    if overgangen and overgangen[-1].naar == proeftuin.fase:
        return
    proeftuin.overgangen.all().delete()
    fasen = list(Fase)
    van = ""
    for fase in fasen[: fasen.index(Fase(proeftuin.fase)) + 1]:
        overgang = FaseOvergang.objects.create(
            gemeente=gemeente,
            proeftuin=proeftuin,
            van=van,
            naar=fase,
            by=by,
            open_punten=OPEN_BIJ_OVERGANG.get((gemeente.slug, fase), []),
        )
        at = _at(proeftuin.start + datetime.timedelta(days=FASE_START[fase]))
        FaseOvergang.objects.filter(pk=overgang.pk).update(at=at)
        van = fase


@transaction.atomic
def load_proeftuin_demo(gemeenten):
    """Fill in the proeftuin part of the demo for ``gemeenten`` ({slug: Gemeente})."""
    by = User.objects.filter(email=FACILITATOR).first()
    for slug, data in PROEFTUIN_DEMO.items():
        gemeente = gemeenten.get(slug)
        if gemeente is None:
            continue
        with gemeente_scope(gemeente):
            if data["kengetallen"]:
                for soort, waarde in zip(Kengetal.Soort, data["kengetallen"], strict=True):
                    if waarde is None:
                        continue
                    Kengetal.objects.update_or_create(
                        gemeente=gemeente,
                        soort=soort,
                        defaults={"waarde": waarde, "bron": DEMO_BRON, "jaar": DEMO_JAAR},
                    )
            for proeftuin in Proeftuin.objects.all():
                if proeftuin.trekker != data["trekker"]:
                    proeftuin.trekker = data["trekker"]
                    proeftuin.save(update_fields=["trekker"])
                _phase_history(gemeente, proeftuin, by)
                for ingredient, oordeel, opmerking in data["marks"]:
                    Ingredientbeoordeling.objects.update_or_create(
                        proeftuin=proeftuin,
                        ingredient=ingredient,
                        defaults={
                            "gemeente": gemeente,
                            "oordeel": oordeel,
                            "opmerking": opmerking,
                            "by": by,
                        },
                    )
    return gemeenten
