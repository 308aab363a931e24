"""What the gemeenten app can check itself: the products of the startbijeenkomst, the points that
need attention, and the readiness proposals that follow from them (registered in ready())."""

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import checklist, readiness
from .checklist import Item
from .models import Commitment, Fase, Ingredient, Kengetal, Oordeel

PARTNERS = "gemeente__organisatie_set"
KERNGROEP = "gemeente__kerngroeplid_set"
KENGETALLEN = "gemeente__kengetal_set"
COMMITMENTS = "commitments"


def _overdue_prefetch():
    overdue = Commitment.objects.overdue().select_related("organisatie")
    return Prefetch("commitments", queryset=overdue, to_attr="overdue_commitments")


# Facts, read through .all() so that a prefetched list answers without a query.


def heeft_mandaat(proeftuin):
    return any(
        c.soort == Commitment.Soort.MANDAAT and c.status != Commitment.Status.INGETROKKEN
        for c in proeftuin.commitments.all()
    )


def partners_zonder_contactpersoon(proeftuin):
    return [o for o in proeftuin.gemeente.organisatie_set.all() if not o.has_contactpersoon]


def kengetallen_ingevuld(proeftuin):
    """The kinds of figure of the gemeenteprofiel that have been entered."""
    return {k.soort for k in proeftuin.gemeente.kengetal_set.all()}


def overdue_commitments(proeftuin):
    if hasattr(proeftuin, "overdue_commitments"):
        return proeftuin.overdue_commitments
    return list(proeftuin.commitments.overdue())


def _names(rows):
    return ", ".join(str(row) for row in rows)


@checklist.register(Fase.STARTBIJEENKOMST, prefetch=[COMMITMENTS])
def mandaat(proeftuin):
    return [
        Item(
            _("Administrative mandate recorded"),
            done=heeft_mandaat(proeftuin),
            hint=_("Record the mandate the executives gave, as a commitment of kind mandate."),
            link=checklist.gemeente_url(proeftuin, "gemeenten:commitments"),
        )
    ]


@checklist.register(Fase.STARTBIJEENKOMST, prefetch=[PARTNERS])
def contactpersonen(proeftuin):
    partners = proeftuin.gemeente.organisatie_set.all()
    zonder = partners_zonder_contactpersoon(proeftuin)
    if not partners:
        hint = _("No partner organisations yet.")
    elif zonder:
        hint = _("Without a contact person: %(names)s.") % {"names": _names(zonder)}
    else:
        hint = ""
    return [
        Item(
            _("A contact person for every partner"),
            done=bool(partners) and not zonder,
            hint=hint,
            link=checklist.gemeente_url(proeftuin, "gemeenten:partners"),
        )
    ]


@checklist.register(Fase.STARTBIJEENKOMST)
def trekker(proeftuin):
    return [
        Item(
            _("A trekker named"),
            done=bool(proeftuin.trekker.strip()),
            hint=_("The local lead of the proeftuin, with function and organisation."),
            link=checklist.gemeente_url(proeftuin, "gemeenten:proeftuin_edit", pk=proeftuin.pk),
        )
    ]


@checklist.register(Fase.STARTBIJEENKOMST, prefetch=[KERNGROEP])
def kerngroep(proeftuin):
    return [
        Item(
            _("The core group has members"),
            done=bool(proeftuin.gemeente.kerngroeplid_set.all()),
            hint=_("Partners name who they send to the core group."),
            link=checklist.gemeente_url(proeftuin, "gemeenten:partners"),
        )
    ]


@checklist.register(Fase.STARTBIJEENKOMST, prefetch=[KENGETALLEN])
def gemeenteprofiel(proeftuin):
    missing = len(Kengetal.Soort) - len(kengetallen_ingevuld(proeftuin))
    return [
        Item(
            _("Figures of the gemeenteprofiel entered"),
            done=missing == 0,
            hint=ngettext("%(n)d figure still missing.", "%(n)d figures still missing.", missing)
            % {"n": missing}
            if missing
            else "",
            link=checklist.gemeente_url(proeftuin, "gemeenten:profiel"),
        )
    ]


@checklist.register_attention(prefetch=[PARTNERS])
def aandacht_contactpersonen(proeftuin):
    zonder = partners_zonder_contactpersoon(proeftuin)
    if not zonder:
        return []
    return [
        Item(
            ngettext(
                "%(n)d partner without a contact person",
                "%(n)d partners without a contact person",
                len(zonder),
            )
            % {"n": len(zonder)},
            done=False,
            hint=_names(zonder),
            link=checklist.gemeente_url(proeftuin, "gemeenten:partners"),
        )
    ]


@checklist.register_attention(prefetch=[_overdue_prefetch])
def aandacht_overdue(proeftuin):
    overdue = overdue_commitments(proeftuin)
    if not overdue:
        return []
    return [
        Item(
            ngettext("%(n)d commitment overdue", "%(n)d commitments overdue", len(overdue))
            % {"n": len(overdue)},
            done=False,
            hint=_names(overdue),
            link=checklist.gemeente_url(proeftuin, "gemeenten:commitments"),
        )
    ]


@checklist.register_attention()
def aandacht_trekker(proeftuin):
    if proeftuin.trekker.strip():
        return []
    return [
        Item(
            _("No trekker named"),
            done=False,
            link=checklist.gemeente_url(proeftuin, "gemeenten:proeftuin_edit", pk=proeftuin.pk),
        )
    ]


@readiness.propose(Ingredient.TREKKER)
def voorstel_trekker(proeftuin):
    if proeftuin.trekker.strip():
        return readiness.Voorstel(Oordeel.IN_ORDE, _("trekker named"))
    return readiness.Voorstel(Oordeel.ONTBREEKT, _("no trekker named"))


@readiness.propose(Ingredient.REDENEN)
def voorstel_redenen(proeftuin):
    ingevuld = len(kengetallen_ingevuld(proeftuin))
    if ingevuld == len(Kengetal.Soort):
        return readiness.Voorstel(Oordeel.IN_ORDE, _("gemeenteprofiel entered"))
    if ingevuld:
        return readiness.Voorstel(Oordeel.AANDACHT, _("gemeenteprofiel partly entered"))
    return readiness.Voorstel(Oordeel.ONTBREEKT, _("no gemeenteprofiel figures"))


@readiness.propose(Ingredient.WORTELS)
def voorstel_wortels(proeftuin):
    if heeft_mandaat(proeftuin):
        return readiness.Voorstel(Oordeel.IN_ORDE, _("mandate recorded"))
    return readiness.Voorstel(Oordeel.ONTBREEKT, _("no mandate recorded"))
