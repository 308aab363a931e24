"""Lessen, verhalen, borging and vervolgafspraken: who may add and change them, the gate on the
free text of lessen and verhalen, consent, validation, confirmation before deleting, history."""

import datetime

from django.utils import timezone

from casussen.models import GemarkeerdeVondst, Succesfactor
from gemeenten.models import Wijziging
from kern.tenancy import gemeente_scope
from oogst.inhoud.models import Borging, Les, Verhaal, Vervolgafspraak
from tests.scopes import every_gemeente
from tests.verbeteracties.factories import VerbeteractieFactory

from ..factories import BorgingFactory, LesFactory, VerhaalFactory, VervolgafspraakFactory
from .fixtures import *  # noqa: F403
from .fixtures import ourl

IDENTIFYING = "Mevrouw Jansen (06-12345678) kreeg op 12 maart 2026 hulp van de buren."

# --- lessen ---------------------------------------------------------------------------------


def test_a_professional_records_a_lesson_with_a_success_factor_and_an_action(
    client, member, gemeente_a, proeftuin, actie
):
    with gemeente_scope(gemeente_a):
        factor = Succesfactor.objects.order_by("volgorde").first()
    client.force_login(member)
    url = ourl("les_new", gemeente_a, f"?proeftuin={proeftuin.pk}")
    page = client.get(url)
    assert page.status_code == 200
    assert factor.naam in page.content.decode()
    response = client.post(
        url,
        {
            "titel": "Elkaar kennen scheelt werk",
            "tekst": "Wie elkaar kent, belt eerder.",
            "succesfactoren": [factor.pk],
            "verbeteractie": actie.pk,
        },
    )
    assert response.status_code == 302, response.content.decode()
    assert response["Location"].endswith("#lessen")
    with gemeente_scope(gemeente_a):
        les = Les.objects.get()
        assert les.created_by == member
        assert les.verbeteractie == actie
        assert list(les.succesfactoren.all()) == [factor]
        wijziging = Wijziging.objects.of(les).get()
        assert wijziging.actie == "aangemaakt"
        assert factor.naam in str(wijziging.rows)


def test_a_lesson_with_identifying_details_is_refused_with_the_findings_and_the_input_kept(
    client, member, gemeente_a, proeftuin
):
    client.force_login(member)
    url = ourl("les_new", gemeente_a, f"?proeftuin={proeftuin.pk}")
    data = {"titel": "Hulp uit de straat", "tekst": IDENTIFYING}
    response = client.post(url, data)
    assert response.status_code == 400
    body = response.content.decode()
    assert "<mark>06-12345678</mark>" in body
    assert 'name="vervang_alles"' in body
    assert "Mevrouw Jansen" in body  # the input comes back
    with gemeente_scope(gemeente_a):
        assert not Les.objects.exists()

    replaced = client.post(url, {**data, "vervang_alles": "1"})
    assert replaced.status_code == 200
    tekst = replaced.context["form"]["tekst"].value()
    assert "06-12345678" not in tekst and "[telefoonnummer]" in tekst
    assert "Jansen" not in tekst
    with gemeente_scope(gemeente_a):
        assert not Les.objects.exists()

    saved = client.post(url, {**data, "tekst": tekst})
    assert saved.status_code == 302
    with gemeente_scope(gemeente_a):
        assert Les.objects.get().tekst == tekst


def test_a_professional_changes_only_their_own_lessons_and_the_facilitator_all(
    client, member, facilitator, gemeente_a, proeftuin
):
    with every_gemeente():
        eigen = LesFactory(gemeente=gemeente_a, proeftuin=proeftuin, created_by=member)
        andere = LesFactory(gemeente=gemeente_a, proeftuin=proeftuin, created_by=facilitator)
    client.force_login(member)
    assert client.get(ourl("les_edit", gemeente_a, pk=eigen.pk)).status_code == 200
    assert client.get(ourl("les_edit", gemeente_a, pk=andere.pk)).status_code == 403
    assert client.post(ourl("les_delete", gemeente_a, pk=andere.pk)).status_code == 403
    client.force_login(facilitator)
    response = client.post(
        ourl("les_edit", gemeente_a, pk=eigen.pk),
        {"titel": "Nieuwe titel", "tekst": eigen.tekst, "version": eigen.version},
    )
    assert response.status_code == 302
    with gemeente_scope(gemeente_a):
        assert Les.objects.get(pk=eigen.pk).titel == "Nieuwe titel"


def test_retired_success_factors_are_not_offered_for_a_new_lesson(
    client, member, gemeente_a, proeftuin
):
    with gemeente_scope(gemeente_a):
        oud = Succesfactor.objects.order_by("volgorde").first()
        Succesfactor.objects.filter(pk=oud.pk).update(actief=False)
    client.force_login(member)
    url = ourl("les_new", gemeente_a, f"?proeftuin={proeftuin.pk}")
    offered = client.get(url).context["form"].fields["succesfactoren"].queryset
    assert oud not in offered
    response = client.post(url, {"titel": "T", "tekst": "Tekst.", "succesfactoren": [oud.pk]})
    assert response.status_code == 400


def test_deleting_a_lesson_asks_first(client, member, gemeente_a, proeftuin):
    with every_gemeente():
        les = LesFactory(gemeente=gemeente_a, proeftuin=proeftuin, created_by=member)
    client.force_login(member)
    url = ourl("les_delete", gemeente_a, pk=les.pk)
    page = client.get(url)
    assert page.status_code == 200
    assert les.titel in page.content.decode()
    with gemeente_scope(gemeente_a):
        assert Les.objects.filter(pk=les.pk).exists()
    assert client.post(url).status_code == 302
    with gemeente_scope(gemeente_a):
        assert not Les.objects.filter(pk=les.pk).exists()
        assert Wijziging.objects.filter(object_id=les.pk, actie="verwijderd").exists()


# --- verhalen -------------------------------------------------------------------------------


def _verhaal(**extra):
    return {
        "soort": "citaat",
        "titel": "",
        "tekst": "Ik weet nu wie ik kan bellen.",
        "wie": "Anna de Vries, wijkverpleegkundige",
        **extra,
    }


def test_consent_needs_to_say_how_it_was_given(client, facilitator, gemeente_a, proeftuin):
    client.force_login(facilitator)
    url = ourl("verhaal_new", gemeente_a, f"?proeftuin={proeftuin.pk}")
    response = client.post(url, _verhaal(toestemming="on"))
    assert response.status_code == 400
    assert "Say how the consent was given." in response.content.decode()
    with gemeente_scope(gemeente_a):
        assert not Verhaal.objects.exists()


def test_ticking_consent_records_who_and_when_and_the_name_in_who_is_not_gated(
    client, facilitator, gemeente_a, proeftuin
):
    client.force_login(facilitator)
    url = ourl("verhaal_new", gemeente_a, f"?proeftuin={proeftuin.pk}")
    assert client.post(url, _verhaal()).status_code == 302
    with gemeente_scope(gemeente_a):
        verhaal = Verhaal.objects.get()
        assert verhaal.toestemming_op is None and verhaal.toestemming_door is None
        assert verhaal.wie == "Anna de Vries, wijkverpleegkundige"
    response = client.post(
        ourl("verhaal_edit", gemeente_a, pk=verhaal.pk),
        _verhaal(toestemming="on", toestemming_hoe="per e-mail", version=verhaal.version),
    )
    assert response.status_code == 302
    with gemeente_scope(gemeente_a):
        verhaal.refresh_from_db()
        assert verhaal.toestemming_door == facilitator
        assert verhaal.toestemming_op == timezone.localdate()
        assert Wijziging.objects.of(verhaal).count() == 2


def test_the_text_of_a_verhaal_goes_through_the_gate(client, facilitator, gemeente_a, proeftuin):
    client.force_login(facilitator)
    url = ourl("verhaal_new", gemeente_a, f"?proeftuin={proeftuin.pk}")
    response = client.post(url, _verhaal(tekst=IDENTIFYING))
    assert response.status_code == 400
    assert "<mark>06-12345678</mark>" in response.content.decode()
    with gemeente_scope(gemeente_a):
        assert not Verhaal.objects.exists()


def test_only_the_facilitator_writes_verhalen(client, member, beleidsadviseur, gemeente_a):
    for user in (member, beleidsadviseur):
        client.force_login(user)
        assert client.get(ourl("verhaal_new", gemeente_a)).status_code == 403


def test_a_finding_marked_as_not_identifying_is_recorded_in_the_history(
    client, facilitator, gemeente_a, proeftuin
):
    client.force_login(facilitator)
    url = ourl("verhaal_new", gemeente_a, f"?proeftuin={proeftuin.pk}")
    data = _verhaal(tekst="Bel gerust 06-12345678, zei de wijkverpleegkundige.")
    refused = client.post(url, data)
    vondst = refused.context["form"].poort.vondsten[0]
    response = client.post(
        url,
        {**data, "niet_identificerend": vondst.key, f"reden-{vondst.key}": "Het nummer is nep"},
    )
    assert response.status_code == 302
    with gemeente_scope(gemeente_a):
        verhaal = Verhaal.objects.get()
        changes = str(Wijziging.objects.of(verhaal).get().rows)
        # Stored as a casus's marks are: the kind, a hash of the finding and the reason.
        mark = GemarkeerdeVondst.objects.of(verhaal).get()
    assert "Het nummer is nep" in changes
    assert (mark.soort, mark.reden) == ("telefoon", "Het nummer is nep")
    assert "06-12345678" not in mark.vondst_hash
    assert "06-12345678" in verhaal.tekst


# --- borging --------------------------------------------------------------------------------


def test_the_owner_records_the_borging_of_their_action(client, member, gemeente_a, actie):
    with every_gemeente():
        organisatie = gemeente_a.organisatie_set.get()
    client.force_login(member)
    url = ourl("borging_edit", gemeente_a, pk=actie.pk)
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"stand": "geborgd", "door": organisatie.pk, "werkproces": "het zesweekse MDO"}
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#borging")
    with gemeente_scope(gemeente_a):
        borging = Borging.objects.get(verbeteractie=actie)
        assert borging.door == organisatie
        assert Wijziging.objects.of(borging).get().actie == "aangemaakt"


def test_a_borging_says_where_it_lives_on_or_why_not(client, facilitator, gemeente_a, actie):
    client.force_login(facilitator)
    url = ourl("borging_edit", gemeente_a, pk=actie.pk)
    geborgd = client.post(url, {"stand": "geborgd"})
    assert geborgd.status_code == 400
    assert "Say in which work process" in geborgd.content.decode()
    niet = client.post(url, {"stand": "niet"})
    assert niet.status_code == 400
    assert "Say why it is not (fully) embedded." in niet.content.decode()
    assert client.post(url, {"stand": "niet", "waarom_niet": "Geen geld."}).status_code == 302


def test_another_professional_may_not_record_the_borging(
    client, gemeente_a, proeftuin, beleidsadviseur
):
    with every_gemeente():
        actie = VerbeteractieFactory(gemeente=gemeente_a, proeftuin=proeftuin)
    client.force_login(beleidsadviseur)
    assert client.get(ourl("borging_edit", gemeente_a, pk=actie.pk)).status_code == 403


def test_a_deleted_action_has_no_borging_page(client, facilitator, gemeente_a, proeftuin):
    with every_gemeente():
        actie = VerbeteractieFactory(
            gemeente=gemeente_a, proeftuin=proeftuin, deleted_at=timezone.now()
        )
    client.force_login(facilitator)
    assert client.get(ourl("borging_edit", gemeente_a, pk=actie.pk)).status_code == 404


def test_deleting_a_borging_asks_first(client, facilitator, gemeente_a, actie):
    with every_gemeente():
        BorgingFactory(gemeente=gemeente_a, verbeteractie=actie)
    client.force_login(facilitator)
    url = ourl("borging_delete", gemeente_a, pk=actie.pk)
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302
    with gemeente_scope(gemeente_a):
        assert not Borging.objects.exists()


# --- vervolgafspraken -----------------------------------------------------------------------


def test_the_beleidsadviseur_adds_a_follow_up_agreement(
    client, beleidsadviseur, gemeente_a, proeftuin
):
    client.force_login(beleidsadviseur)
    url = ourl("vervolg_new", gemeente_a, f"?proeftuin={proeftuin.pk}")
    response = client.post(
        url,
        {
            "soort": "werkproces",
            "wat": "Vraag naar naasten in elk eerste gesprek",
            "wie": "Wmo-consulenten",
            "wanneer": "2027-02-01",
            "ritme": "",
        },
    )
    assert response.status_code == 302
    with gemeente_scope(gemeente_a):
        afspraak = Vervolgafspraak.objects.get()
        assert afspraak.wanneer == datetime.date(2027, 2, 1)
        assert Wijziging.objects.of(afspraak).exists()


def test_a_professional_may_not_add_follow_up_agreements(client, member, gemeente_a, proeftuin):
    with every_gemeente():
        afspraak = VervolgafspraakFactory(gemeente=gemeente_a, proeftuin=proeftuin)
    client.force_login(member)
    assert client.get(ourl("vervolg_new", gemeente_a)).status_code == 403
    assert client.post(ourl("vervolg_delete", gemeente_a, pk=afspraak.pk)).status_code == 403


def test_a_stale_follow_up_agreement_is_refused(client, facilitator, gemeente_a, proeftuin):
    with every_gemeente():
        afspraak = VervolgafspraakFactory(gemeente=gemeente_a, proeftuin=proeftuin)
        Vervolgafspraak.objects.filter(pk=afspraak.pk).update(version=3)
    client.force_login(facilitator)
    response = client.post(
        ourl("vervolg_edit", gemeente_a, pk=afspraak.pk),
        {"soort": "bestuurlijk", "wat": "Mijn versie", "wie": "wethouder", "version": 1},
    )
    assert response.status_code == 400
    assert "Mijn versie" in response.content.decode()


def test_a_verhaal_of_another_gemeente_is_not_found(client, facilitator, gemeente_a, gemeente_b):
    with every_gemeente():
        from gemeenten.models import Proeftuin

        verhaal = VerhaalFactory(
            gemeente=gemeente_b, proeftuin=Proeftuin.objects.get(gemeente=gemeente_b)
        )
    client.force_login(facilitator)
    assert client.get(ourl("verhaal_edit", gemeente_a, pk=verhaal.pk)).status_code == 404
