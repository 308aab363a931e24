"""Attendance figures against hand-computed ones."""

import datetime
from decimal import Decimal

from django.utils import timezone
from django.utils.formats import date_format

from bijeenkomsten import cijfers
from bijeenkomsten.models import Bijeenkomst
from gemeenten.models import Commitment, Lidmaatschap, Organisatie, Proeftuin
from tests.factories import CommitmentFactory, OrganisatieFactory
from tests.scopes import every_gemeente

from .conftest import burl
from .factories import BijeenkomstFactory, DeelnameFactory, GastFactory


def ago(days, hours=0):
    return timezone.now() - datetime.timedelta(days=days) + datetime.timedelta(hours=hours)


def world(gemeente, facilitator, member, readonly_member):
    """Two meetings held (2 h and 1.5 h), one coming, one cancelled; see each test."""
    with every_gemeente():
        proeftuin = Proeftuin.objects.get(gemeente=gemeente)
        welzijn = Organisatie.objects.get(gemeente=gemeente, naam="Welzijn A")  # sociaal
        thuiszorg = OrganisatieFactory(gemeente=gemeente, naam="Thuiszorg", domein="zorg")
        leden = {m.user_id: m for m in Lidmaatschap.objects.filter(gemeente=gemeente)}
        fac, mem, ro = (leden[u.pk] for u in (facilitator, member, readonly_member))
        Lidmaatschap.objects.filter(pk=mem.pk).update(
            organisatie=thuiszorg, discipline="wijkverpleegkundige"
        )
        Lidmaatschap.objects.filter(pk=ro.pk).update(organisatie=welzijn, discipline="manager")
        Lidmaatschap.objects.filter(pk=fac.pk).update(organisatie=None, discipline="")

        def meeting(days, minutes, **kw):
            begin = ago(days)
            return BijeenkomstFactory(
                gemeente=gemeente,
                proeftuin=proeftuin,
                begin=begin,
                eind=begin + datetime.timedelta(minutes=minutes),
                **kw,
            )

        m1, m2 = meeting(30, 120, titel="M1"), meeting(10, 90, titel="M2")
        for m, present in ((m1, [mem, fac]), (m2, [mem, ro])):
            for lid in (fac, mem, ro):
                DeelnameFactory(
                    gemeente=gemeente, bijeenkomst=m, lidmaatschap=lid, aanwezig=lid in present
                )
        GastFactory(
            gemeente=gemeente, bijeenkomst=m1, organisatie=welzijn, discipline="sociaal_werker"
        )
        GastFactory(
            gemeente=gemeente,
            bijeenkomst=m2,
            organisatie_naam="Huisartsenpraktijk X",
            discipline="huisarts",
        )
        # Not counted: one coming up, one cancelled.
        for m in (meeting(-5, 60), meeting(20, 60, geannuleerd_at=ago(25))):
            DeelnameFactory(gemeente=gemeente, bijeenkomst=m, lidmaatschap=mem, aanwezig=True)
        # Committed hours: 40 + 10 for Thuiszorg; Welzijn's 100 were withdrawn.
        CommitmentFactory(gemeente=gemeente, proeftuin=proeftuin, organisatie=thuiszorg)
        CommitmentFactory(
            gemeente=gemeente, proeftuin=proeftuin, organisatie=thuiszorg, uren_per_jaar=10
        )
        CommitmentFactory(
            gemeente=gemeente,
            proeftuin=proeftuin,
            organisatie=welzijn,
            uren_per_jaar=100,
            status=Commitment.Status.INGETROKKEN,
        )
    return proeftuin


def test_attendance_per_meeting_domain_and_discipline(
    gemeente_a, facilitator, member, readonly_member
):
    proeftuin = world(gemeente_a, facilitator, member, readonly_member)
    with every_gemeente():
        rows = cijfers.aanwezigheid(proeftuin)
    assert [(r.bijeenkomst.titel, r.leden, r.gasten, r.totaal) for r in rows] == [
        ("M1", 2, 1, 3),
        ("M2", 2, 1, 3),
    ]
    assert dict(rows[0].per_domein) == {"zorg": 1, "": 1, "sociaal": 1}
    assert dict(rows[1].per_domein) == {"zorg": 1, "sociaal": 1, "": 1}
    assert dict(rows[0].per_discipline) == {"wijkverpleegkundige": 1, "": 1, "sociaal_werker": 1}
    assert dict(rows[1].per_discipline) == {"wijkverpleegkundige": 1, "manager": 1, "huisarts": 1}


def test_hours_invested_are_attendance_times_duration_next_to_hours_committed(
    gemeente_a, facilitator, member, readonly_member
):
    proeftuin = world(gemeente_a, facilitator, member, readonly_member)
    with every_gemeente():
        uren = {
            u.organisatie: (u.geinvesteerd, u.toegezegd)
            for u in cijfers.uren_per_organisatie(proeftuin)
        }
    assert uren["Thuiszorg"] == (Decimal("3.5"), Decimal("50"))  # 2 + 1.5 hours; 40 + 10
    assert uren["Welzijn A"] == (Decimal("3.5"), Decimal("0"))  # guest 2 h + member 1.5 h
    assert uren["Huisartsenpraktijk X"] == (Decimal("1.5"), Decimal("0"))
    no_org = [
        v for k, v in uren.items() if k not in ("Thuiszorg", "Welzijn A", "Huisartsenpraktijk X")
    ]
    assert no_org == [(Decimal("2.0"), Decimal("0"))]  # the facilitator at M1


def test_the_figures_page_shows_charts_with_tables(
    client, gemeente_a, facilitator, member, readonly_member
):
    world(gemeente_a, facilitator, member, readonly_member)
    client.force_login(readonly_member)
    response = client.get(burl("cijfers", gemeente_a))
    body = response.content.decode()
    assert response.status_code == 200
    assert body.count("<svg") == 4 and body.count("<table") >= 4
    assert "Thuiszorg" in body and "3,5" in body


def test_a_meeting_is_labelled_with_its_dutch_date_not_its_utc_date(
    client, gemeente_a, facilitator, member, readonly_member
):
    world(gemeente_a, facilitator, member, readonly_member)
    # 22:30 UTC on 15 June is half past midnight on 16 June in the Netherlands.
    late = datetime.datetime(2026, 6, 15, 22, 30, tzinfo=datetime.UTC)
    with every_gemeente():
        Bijeenkomst.objects.filter(titel="M1").update(
            begin=late, eind=late + datetime.timedelta(hours=2)
        )
    client.force_login(readonly_member)
    body = client.get(burl("cijfers", gemeente_a)).content.decode()
    assert f"{date_format(datetime.date(2026, 6, 16), 'j b Y')} M1" in body
    assert f"{date_format(datetime.date(2026, 6, 15), 'j b Y')} M1" not in body
