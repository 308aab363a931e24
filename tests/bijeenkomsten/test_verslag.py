"""After the meeting: attendance and guests, the verslag (concept, remarks, decisions,
definitief, versions kept), actiepunten, and the phase checklist."""

import datetime

from django.utils import timezone, translation

from bijeenkomsten.models import Actiepunt, Bijeenkomst, Deelname, Gast, Reactie, Verslag
from gemeenten import checklist
from gemeenten.models import Lidmaatschap, Proeftuin
from tests.scopes import every_gemeente

from .conftest import burl
from .factories import BijeenkomstFactory


def held(bijeenkomst):
    with every_gemeente():
        begin = timezone.now() - datetime.timedelta(days=2)
        Bijeenkomst.objects.filter(pk=bijeenkomst.pk).update(
            begin=begin, eind=begin + datetime.timedelta(hours=2)
        )


def lid(user):
    with every_gemeente():
        return Lidmaatschap.objects.get(user=user)


def test_the_facilitator_ticks_who_was_there_and_adds_a_guest(
    client, facilitator, member, readonly_member, gemeente_a, bijeenkomst
):
    held(bijeenkomst)
    client.force_login(facilitator)
    url = burl("aanwezigheid", gemeente_a, pk=bijeenkomst.pk)
    response = client.post(url, {"aanwezig": [lid(member).pk, lid(facilitator).pk]})
    assert response.status_code == 302
    client.post(url, {"aanwezig": [lid(member).pk]})  # corrected: the facilitator was not there
    response = client.post(
        burl("gast_add", gemeente_a, pk=bijeenkomst.pk),
        {
            "naam": "Gast van de huisarts",
            "organisatie_naam": "Huisartsenpraktijk X",
            "discipline": "poh",
        },
    )
    assert response.status_code == 302
    with every_gemeente():
        assert list(
            Deelname.objects.filter(aanwezig=True).values_list("lidmaatschap__user", flat=True)
        ) == [member.pk]
        (gast,) = Gast.objects.all()
        assert (gast.naam, gast.organisatie_display, gast.discipline) == (
            "Gast van de huisarts",
            "Huisartsenpraktijk X",
            "poh",
        )


def test_attendance_waits_for_the_start_and_a_guest_needs_a_name(
    client, facilitator, member, gemeente_a, bijeenkomst
):
    client.force_login(facilitator)
    response = client.post(
        burl("aanwezigheid", gemeente_a, pk=bijeenkomst.pk), {"aanwezig": [lid(member).pk]}
    )
    assert response.status_code == 400
    response = client.post(burl("gast_add", gemeente_a, pk=bijeenkomst.pk), {"naam": "  "})
    assert response.status_code == 400
    with every_gemeente():
        assert not Deelname.objects.filter(aanwezig=True).exists()
        assert not Gast.objects.exists()


def test_the_verslag_goes_from_concept_via_remarks_to_final_with_versions_kept(
    client, facilitator, member, readonly_member, gemeente_a, bijeenkomst
):
    held(bijeenkomst)
    tot = (timezone.localdate() + datetime.timedelta(days=7)).isoformat()
    client.force_login(facilitator)
    client.post(burl("aanwezigheid", gemeente_a, pk=bijeenkomst.pk), {"aanwezig": [lid(member).pk]})
    url = burl("verslag", gemeente_a, pk=bijeenkomst.pk)
    assert client.post(url, {"tekst": "Eerste concept.", "reacties_tot": tot}).status_code == 302
    client.post(url, {"tekst": "Tweede concept.", "reacties_tot": tot, "version": 1})
    # An attendee proposes a change; a bestuurder who was not there cannot.
    client.force_login(member)
    response = client.post(
        burl("reactie_add", gemeente_a, pk=bijeenkomst.pk),
        {"soort": "wijziging", "tekst": "Graag de afspraak over de sociale kaart toevoegen."},
    )
    assert response.status_code == 302
    client.force_login(readonly_member)
    response = client.post(
        burl("reactie_add", gemeente_a, pk=bijeenkomst.pk), {"soort": "opmerking", "tekst": "x"}
    )
    assert response.status_code == 403
    # Not final while a remark is open.
    client.force_login(facilitator)
    client.post(burl("verslag_definitief", gemeente_a, pk=bijeenkomst.pk))
    with every_gemeente():
        assert Verslag.objects.get().status == "concept"
        reactie = Reactie.objects.get()
    client.post(burl("reactie_decide", gemeente_a, pk=reactie.pk), {"besluit": "aanvaard"})
    client.post(
        url, {"tekst": "Derde concept met de sociale kaart.", "reacties_tot": tot, "version": 2}
    )
    client.post(burl("verslag_definitief", gemeente_a, pk=bijeenkomst.pk))
    with every_gemeente():
        verslag = Verslag.objects.get()
        assert verslag.status == "definitief"
        assert [(v.nummer, v.tekst, v.definitief) for v in verslag.versies.order_by("nummer")] == [
            (1, "Eerste concept.", False),
            (2, "Tweede concept.", False),
            (3, "Derde concept met de sociale kaart.", False),
            (4, "Derde concept met de sociale kaart.", True),
        ]
        assert Reactie.objects.get().besluit == "aanvaard"
    # Final: the text no longer changes.
    client.post(url, {"tekst": "Stiekem anders.", "reacties_tot": tot, "version": 5})
    with every_gemeente():
        assert Verslag.objects.get().tekst == "Derde concept met de sociale kaart."
    client.force_login(readonly_member)
    assert "Derde concept" in client.get(url).content.decode()


def test_action_items_have_an_owner_deadline_and_done(
    client, facilitator, member, readonly_member, gemeente_a, bijeenkomst
):
    client.force_login(facilitator)
    url = burl("actiepunten", gemeente_a, pk=bijeenkomst.pk)
    response = client.post(
        url,
        {
            "omschrijving": "Sociale kaart rondsturen",
            "eigenaar": lid(member).pk,
            "deadline": "2026-12-20",
        },
    )
    assert response.status_code == 302
    with every_gemeente():
        actiepunt = Actiepunt.objects.get()
    client.force_login(readonly_member)  # not the owner
    assert client.post(burl("actiepunt_gedaan", gemeente_a, pk=actiepunt.pk)).status_code == 403
    client.force_login(member)  # the owner ticks it off
    client.post(burl("actiepunt_gedaan", gemeente_a, pk=actiepunt.pk), {"gedaan": "on"})
    with every_gemeente():
        assert Actiepunt.objects.get().is_gedaan


def test_the_checklist_wants_a_kick_off_and_two_inventory_meetings_held(gemeente_a):
    with every_gemeente(), translation.override("en"):
        proeftuin = Proeftuin.objects.get(gemeente=gemeente_a)
        past = timezone.now() - datetime.timedelta(days=3)

        def meeting(soort, begin=past, **kw):
            return BijeenkomstFactory(
                gemeente=gemeente_a,
                proeftuin=proeftuin,
                soort=soort,
                begin=begin,
                eind=begin + datetime.timedelta(hours=2),
                **kw,
            )

        def item(fase, label):
            return next(i for i in checklist.items(proeftuin, fase) if label in str(i.label))

        assert not item("startbijeenkomst", "Kick-off").done
        meeting("startbijeenkomst")
        assert item("startbijeenkomst", "Kick-off").done
        meeting("inventarisatie")
        meeting("inventarisatie", geannuleerd_at=past)  # cancelled: does not count
        meeting("inventarisatie", begin=timezone.now() + datetime.timedelta(days=3))  # to come
        assert not item("inventarisatie", "Two inventory").done
        meeting("inventarisatie")
        assert item("inventarisatie", "Two inventory").done
