"""Writes with side effects: planning, the agenda, invitations and their mail, answers,
attendance, the verslag and actiepunten."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from casussen.models import Casus
from gemeenten.models import Lidmaatschap
from kern import writes
from kern.history import snapshot
from kern.models import User

from .models import (
    Actiepunt,
    Agendapunt,
    Antwoord,
    Bijeenkomst,
    Deelname,
    Inbreng,
    Reactie,
    Reeks,
    Verslag,
    VerslagVersie,
)
from .tasks import send_bijeenkomst_mail

# What changes the calendar entry of an invitee: a change to these sends an update.
CALENDAR_FIELDS = ("titel", "begin", "eind", "locatie", "online_link", "beschrijving")


@transaction.atomic
def bijeenkomst_plan(
    *, bijeenkomst: Bijeenkomst, by: User, herhalen: int = 0, interval_weken: int = 6
) -> list[Bijeenkomst]:
    """Save a new meeting; ``herhalen`` more in a series, ``interval_weken`` apart."""
    bijeenkomst.created_by = by
    planned = [bijeenkomst]
    if herhalen:
        bijeenkomst.reeks = writes.save(
            Reeks(
                gemeente=bijeenkomst.gemeente,
                titel=bijeenkomst.titel,
                interval_weken=interval_weken,
            ),
            by=by,
        )
    writes.save(bijeenkomst, by=by)
    deadline_offset = bijeenkomst.begin - bijeenkomst.casus_deadline
    for n in range(1, herhalen + 1):
        shift = datetime.timedelta(weeks=interval_weken * n)
        tz = timezone.get_default_timezone()
        # Shift the wall-clock time, not the instant: 14:00 stays 14:00 across a DST change.
        begin = _shift_local(bijeenkomst.begin, shift, tz)
        eind = _shift_local(bijeenkomst.eind, shift, tz)
        copy = Bijeenkomst(
            gemeente=bijeenkomst.gemeente,
            proeftuin=bijeenkomst.proeftuin,
            reeks=bijeenkomst.reeks,
            soort=bijeenkomst.soort,
            titel=bijeenkomst.titel,
            begin=begin,
            eind=eind,
            locatie=bijeenkomst.locatie,
            online_link=bijeenkomst.online_link,
            beschrijving=bijeenkomst.beschrijving,
            casus_deadline=begin - deadline_offset,
            created_by=by,
        )
        planned.append(writes.save(copy, by=by))
    return planned


def _shift_local(moment, shift, tz):
    local = moment.astimezone(tz).replace(tzinfo=None) + shift
    return timezone.make_aware(local, tz)


@transaction.atomic
def bijeenkomst_change(
    *, bijeenkomst: Bijeenkomst, before: dict, by: User, expected_version: int
) -> bool:
    """Save a change; when what invitees have in their calendar changed, send them an update.

    Returns whether an update goes out.
    """
    changed = any(before.get(f) != getattr(bijeenkomst, f) for f in CALENDAR_FIELDS)
    invited = bijeenkomst.deelnames.filter(uitgenodigd_at__isnull=False).exists()
    if changed and invited:
        bijeenkomst.sequence += 1
    writes.save(bijeenkomst, by=by, expected_version=expected_version)
    bijeenkomst.refresh_from_db()
    if changed and invited:
        _queue_mail(bijeenkomst, bijeenkomst.deelnames.filter(uitgenodigd_at__isnull=False))
        return True
    return False


def before_change(bijeenkomst: Bijeenkomst) -> dict:
    return {
        **{f: getattr(bijeenkomst, f) for f in CALENDAR_FIELDS},
        "_snapshot": snapshot(bijeenkomst),
    }


@transaction.atomic
def bijeenkomst_cancel(*, bijeenkomst: Bijeenkomst, by: User) -> None:
    if bijeenkomst.is_geannuleerd:
        return
    bijeenkomst.geannuleerd_at = timezone.now()
    bijeenkomst.sequence += 1
    writes.save(bijeenkomst, by=by)
    _queue_mail(bijeenkomst, bijeenkomst.deelnames.filter(uitgenodigd_at__isnull=False))


def _queue_mail(bijeenkomst, deelnames):
    ids = list(deelnames.values_list("pk", flat=True))
    if ids:
        gemeente_id, pk = bijeenkomst.gemeente_id, bijeenkomst.pk
        transaction.on_commit(lambda: send_bijeenkomst_mail.delay(gemeente_id, pk, ids))


@transaction.atomic
def bijeenkomst_invite(
    *, bijeenkomst: Bijeenkomst, lidmaatschappen: list[Lidmaatschap], by: User
) -> int:
    """Invite these members (again: a resend) and queue their e-mail with the .ics."""
    if bijeenkomst.is_geannuleerd:
        raise ValidationError(_("This meeting has been cancelled."))
    if bijeenkomst.is_voorbij:
        raise ValidationError(
            _("This meeting has already taken place: record who was there under attendance.")
        )
    now = timezone.now()
    ids = []
    for lidmaatschap in lidmaatschappen:
        deelname = _deelname_save(bijeenkomst, lidmaatschap, by, uitgenodigd_at=now, mail_fout="")
        ids.append(deelname.pk)
    _queue_mail(bijeenkomst, Deelname.objects.filter(pk__in=ids))
    return len(ids)


def _deelname_save(bijeenkomst, lidmaatschap, by, **values) -> Deelname:
    """Set ``values`` on the member's row of this meeting, made when there is none yet."""
    return writes.save_one(
        Deelname.objects.filter(bijeenkomst=bijeenkomst, lidmaatschap=lidmaatschap),
        lambda: Deelname(
            gemeente=bijeenkomst.gemeente, bijeenkomst=bijeenkomst, lidmaatschap=lidmaatschap
        ),
        by=by,
        values=values,
    )


@transaction.atomic
def aanmelden(*, bijeenkomst: Bijeenkomst, lidmaatschap: Lidmaatschap, antwoord: str) -> Deelname:
    """The member's own answer: yes, no or maybe."""
    if bijeenkomst.is_geannuleerd:
        raise ValidationError(_("This meeting has been cancelled."))
    if bijeenkomst.is_begonnen:
        raise ValidationError(_("The meeting has started; answers can no longer be changed."))
    return _deelname_save(
        bijeenkomst,
        lidmaatschap,
        lidmaatschap.user,
        antwoord=Antwoord(antwoord),
        antwoord_at=timezone.now(),
    )


@transaction.atomic
def aanwezigheid_save(*, bijeenkomst: Bijeenkomst, aanwezig: list[Lidmaatschap], by: User) -> None:
    """Record who was there: exactly these members (a row is made for an uninvited one)."""
    present = {lid.pk for lid in aanwezig}
    known = {d.lidmaatschap_id for d in bijeenkomst.deelnames.all()}
    for lidmaatschap in aanwezig:
        if lidmaatschap.pk not in known:
            _deelname_save(bijeenkomst, lidmaatschap, by, aanwezig=True)
    for deelname in bijeenkomst.deelnames.all():
        wanted = deelname.lidmaatschap_id in present
        if deelname.aanwezig != wanted:
            deelname.aanwezig = wanted
            writes.save(deelname, by=by)


@transaction.atomic
def agendapunt_add(*, agendapunt: Agendapunt, by: User) -> Agendapunt:
    bijeenkomst = agendapunt.bijeenkomst
    last = bijeenkomst.agendapunten.aggregate(m=Max("volgorde"))["m"]
    agendapunt.volgorde = 0 if last is None else last + 1
    return writes.save(agendapunt, by=by)


CASUS_MINUTEN = 30  # the time an agenda item of a casus gets when added in one click


def casus_titel(casus) -> str:
    """The agenda item's own title for a casus: a number, never the casus's text."""
    return _("Casus %(nummer)d") % {"nummer": casus.pk}


@transaction.atomic
def inbreng_add(*, bijeenkomst: Bijeenkomst, casus, by: User) -> Inbreng:
    """Bring one's submitted casus to this meeting, before its casus deadline."""
    if bijeenkomst.is_geannuleerd:
        raise ValidationError(_("This meeting has been cancelled."))
    if bijeenkomst.casus_deadline_voorbij:
        raise ValidationError(_("The deadline for casussen of this meeting has passed."))
    if (
        casus.status != Casus.Status.INGEDIEND
        or casus.is_verwijderd
        or casus.proeftuin_id != bijeenkomst.proeftuin_id
        or casus.auteur_id != by.pk
    ):
        raise ValidationError(_("Only your own submitted casus of this proeftuin can be added."))
    brought = Inbreng.objects.filter(bijeenkomst=bijeenkomst, casus=casus)
    if existing := brought.first():
        return existing
    try:
        return writes.save(
            Inbreng(gemeente=bijeenkomst.gemeente, bijeenkomst=bijeenkomst, casus=casus, by=by),
            by=by,
        )
    except writes.Clash:
        return brought.get()  # brought at the same moment by a second click


@transaction.atomic
def inbreng_to_agenda(*, bijeenkomst: Bijeenkomst, by: User) -> int:
    """One click: every submitted casus brought to this meeting and not yet on its agenda
    becomes an agenda item. Returns how many were added."""
    on_agenda = set(
        bijeenkomst.agendapunten.filter(casus__isnull=False).values_list("casus_id", flat=True)
    )
    casussen = (
        Casus.objects.ingediend()
        .zichtbaar()
        .filter(inbreng__bijeenkomst=bijeenkomst)
        .exclude(pk__in=on_agenda)
        .order_by("inbreng__at", "pk")
    )
    added = 0
    for casus in casussen:
        agendapunt_add(
            agendapunt=Agendapunt(
                gemeente=bijeenkomst.gemeente,
                bijeenkomst=bijeenkomst,
                casus=casus,
                titel=casus_titel(casus),
                duur_minuten=CASUS_MINUTEN,
            ),
            by=by,
        )
        added += 1
    return added


@transaction.atomic
def agendapunt_move(*, agendapunt: Agendapunt, richting: str, by: User) -> None:
    """Swap the item with its neighbour up or down (the order is renumbered 0, 1, 2 …)."""
    punten = list(agendapunt.bijeenkomst.agendapunten.select_for_update())
    index = next(i for i, p in enumerate(punten) if p.pk == agendapunt.pk)
    other = index - 1 if richting == "omhoog" else index + 1
    if 0 <= other < len(punten):
        punten[index], punten[other] = punten[other], punten[index]
    for n, punt in enumerate(punten):
        if punt.volgorde != n:
            punt.volgorde = n
            writes.save(punt, by=by)


@transaction.atomic
def agendapunt_remove(*, agendapunt: Agendapunt, by: User) -> None:
    writes.delete(agendapunt, by=by)


@transaction.atomic
def verslag_save(*, verslag: Verslag, by: User, expected_version: int | None) -> Verslag:
    """Save the concept; every new text is kept as a version."""
    if verslag.is_definitief:
        raise ValidationError(_("The minutes are final and can no longer be changed."))
    return writes.save(
        verslag,
        by=by,
        expected_version=expected_version or 1,
        then=lambda: _new_version(verslag, by=by),
    )


def _new_version(verslag, *, by, definitief=False):
    last = verslag.versies.order_by("-nummer").first()
    if last is not None and last.tekst == verslag.tekst and last.definitief == definitief:
        return last
    return VerslagVersie.objects.create(
        gemeente=verslag.gemeente,
        verslag=verslag,
        nummer=(last.nummer + 1) if last else 1,
        tekst=verslag.tekst,
        definitief=definitief,
        by=by,
    )


@transaction.atomic
def verslag_set_definitief(*, verslag: Verslag, by: User) -> None:
    if verslag.is_definitief:
        return
    if verslag.reacties.filter(besluit=Reactie.Besluit.OPEN).exists():
        raise ValidationError(_("Decide on every open remark first."))
    verslag.status = Verslag.Status.DEFINITIEF
    verslag.definitief_at = timezone.now()
    writes.save(verslag, by=by, then=lambda: _new_version(verslag, by=by, definitief=True))


@transaction.atomic
def reactie_add(*, reactie: Reactie, by: User) -> Reactie:
    verslag = reactie.verslag
    if not verslag.open_voor_reacties:
        raise ValidationError(_("The minutes are not open for remarks."))
    reactie.by = by
    return writes.save(reactie, by=by)


@transaction.atomic
def reactie_decide(*, reactie: Reactie, besluit: str, by: User) -> None:
    if reactie.verslag.is_definitief:
        raise ValidationError(_("The minutes are final and can no longer be changed."))
    reactie.besluit = Reactie.Besluit(besluit)
    reactie.besloten_at = timezone.now()
    writes.save(reactie, by=by)


@transaction.atomic
def actiepunt_add(*, actiepunt: Actiepunt, by: User) -> Actiepunt:
    return writes.save(actiepunt, by=by)


@transaction.atomic
def actiepunt_set_gedaan(*, actiepunt: Actiepunt, gedaan: bool, by: User) -> None:
    actiepunt.gedaan_at = timezone.now() if gedaan else None
    writes.save(actiepunt, by=by)
