"""The anonymisation gate in the casus form: nothing is stored while a finding stands, findings
come back highlighted with the words around them, one click replaces one or all, and a finding
marked as not identifying is recorded (who, why, kind, a hash) and not flagged again."""

from django_scopes import scopes_disabled

from casussen import gate
from casussen.models import Casus, GemarkeerdeVondst, Knelpunt
from tests.scopes import every_gemeente

from .conftest import DATE, EMAIL, PHONE, casus_data, curl, edit_data

IDENTIFYING = f"Mevrouw belde op {PHONE} en mailde vanaf {EMAIL}; zij is geboren op {DATE} thuis."


def count_casussen():
    with every_gemeente():
        return Casus.objects.count()


def test_a_casus_with_a_phone_number_an_email_and_a_date_is_refused_and_nothing_stored(
    client, member, gemeente_a
):
    client.force_login(member)
    response = client.post(curl("new", gemeente_a), casus_data(verloop=IDENTIFYING))
    assert response.status_code == 400
    assert count_casussen() == 0
    body = response.content.decode()
    for found in (PHONE, EMAIL, DATE):
        assert f"<mark>{found}</mark>" in body
    assert "3 possibly identifying details found" in body or "3 mogelijk" in body
    # The words around each finding are shown, and the user's text comes back in the form.
    assert "Mevrouw belde op <mark>" in body
    assert "Meneer met COPD die thuis wilde blijven" in body
    assert IDENTIFYING.replace("'", "&#x27;") in body


def test_a_draft_is_checked_too_and_so_is_the_title_and_a_knelpunt(client, member, gemeente_a):
    client.force_login(member)
    data = casus_data(titel=f"Casus van {EMAIL}")
    data["knelpunten-0-categorie"] = "financiering"
    data["knelpunten-0-toelichting"] = f"Bel {PHONE} voor de indicatie."
    response = client.post(curl("new", gemeente_a), data)
    assert response.status_code == 400
    assert count_casussen() == 0
    with every_gemeente():
        assert Knelpunt.objects.count() == 0
    body = response.content.decode()
    assert f"<mark>{EMAIL}</mark>" in body and f"<mark>{PHONE}</mark>" in body


def test_one_click_replaces_one_finding_and_stores_nothing(client, member, gemeente_a):
    client.force_login(member)
    first = client.post(curl("new", gemeente_a), casus_data(verloop=IDENTIFYING))
    vondst = first.context["vondsten"][0]
    assert vondst.text == PHONE
    response = client.post(
        curl("new", gemeente_a), casus_data(verloop=IDENTIFYING, vervang=vondst.action)
    )
    assert response.status_code == 200
    assert count_casussen() == 0
    verloop = response.context["form"].data["verloop"]
    assert PHONE not in verloop and "[telefoonnummer]" in verloop
    assert EMAIL in verloop and DATE in verloop
    assert [v.text for v in response.context["vondsten"]] == [EMAIL, DATE]


def test_replace_all_then_save_stores_the_replaced_text(client, member, gemeente_a):
    client.force_login(member)
    response = client.post(
        curl("new", gemeente_a), casus_data(verloop=IDENTIFYING, vervang_alles="1")
    )
    assert count_casussen() == 0
    verloop = response.context["form"].data["verloop"]
    assert response.context["vondsten"] == []
    response = client.post(curl("new", gemeente_a), casus_data(verloop=verloop))
    assert response.status_code == 302
    with every_gemeente():
        casus = Casus.objects.get()
    assert "[telefoonnummer]" in casus.verloop and "[e-mailadres]" in casus.verloop
    assert "[datum]" in casus.verloop
    assert casus.auteur == member and casus.status == Casus.Status.CONCEPT


def test_a_replace_button_for_a_finding_that_moved_changes_nothing():
    text = f"Bel {PHONE}"
    assert gate.replace_one(text, 0, 3, "telefoon") == text
    assert gate.replace_one(text, 4, 4 + len(PHONE), "telefoon") == "Bel [telefoonnummer]"


def test_a_finding_marked_as_not_identifying_is_recorded_as_a_hash_and_not_flagged_again(
    client, member, gemeente_a
):
    client.force_login(member)
    verloop = f"Het overleg was op {DATE} op het gemeentehuis."
    key = gate.mark_key("datum", DATE)
    refused = client.post(
        curl("new", gemeente_a), casus_data(verloop=verloop, niet_identificerend=key)
    )
    assert refused.status_code == 400, "a mark without a reason does not count"
    (vondst,) = refused.context["vondsten"]
    assert vondst.error
    assert 'aria-describedby="reden-fout-1"' in refused.content.decode()
    data = casus_data(verloop=verloop, niet_identificerend=key)
    data[f"reden-{key}"] = "De datum van een overleg, niet van de persoon."
    response = client.post(curl("new", gemeente_a), data)
    assert response.status_code == 302
    with every_gemeente():
        casus = Casus.objects.get()
        mark = GemarkeerdeVondst.objects.get()
    assert (mark.content_type.model_class(), mark.object_id) == (Casus, casus.pk)
    assert mark.by_id == member.pk and mark.soort == "datum"
    assert mark.vondst_hash == gate.vondst_hash("datum", DATE)
    assert DATE not in mark.vondst_hash and DATE not in mark.reden
    # Editing the casus later: the marked date is not flagged again.
    response = client.post(curl("edit", gemeente_a, pk=casus.pk), edit_data(casus, verloop=verloop))
    assert response.status_code == 302
    # The author (and the facilitator) see who marked what kind, and why, in the history.
    history = client.get(curl("historie", gemeente_a, pk=casus.pk)).content.decode()
    assert "De datum van een overleg, niet van de persoon." in history


def test_a_reason_with_identifying_details_is_refused(client, member, gemeente_a):
    client.force_login(member)
    key = gate.mark_key("datum", DATE)
    data = casus_data(verloop=f"Op {DATE}.", niet_identificerend=key)
    data[f"reden-{key}"] = f"Vraag het {EMAIL}"
    response = client.post(curl("new", gemeente_a), data)
    assert response.status_code == 400
    assert count_casussen() == 0


def test_the_live_check_returns_the_findings_and_stores_nothing(client, member, gemeente_a):
    client.force_login(member)
    response = client.post(
        curl("controle_nieuw", gemeente_a),
        casus_data(verloop=IDENTIFYING),
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert f"<mark>{PHONE}</mark>" in body and "<form" not in body
    assert count_casussen() == 0
    clean = client.post(curl("controle_nieuw", gemeente_a), casus_data())
    assert "<mark>" not in clean.content.decode()


def test_the_form_with_htmx_comes_back_as_a_fragment_in_place(client, member, gemeente_a):
    client.force_login(member)
    response = client.post(
        curl("new", gemeente_a),
        casus_data(verloop=IDENTIFYING),
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert body.lstrip().startswith("<form") and "<html" not in body
    assert f"<mark>{EMAIL}</mark>" in body
    saved = client.post(curl("new", gemeente_a), casus_data(), headers={"HX-Request": "true"})
    assert saved.status_code == 200 and saved.headers["HX-Redirect"].startswith("/g/")


def test_the_bestuurder_may_not_use_the_live_check(client, readonly_member, gemeente_a):
    client.force_login(readonly_member)
    assert client.post(curl("controle_nieuw", gemeente_a), casus_data()).status_code == 403


def test_no_casus_text_reaches_the_log(client, member, gemeente_a, caplog):
    client.force_login(member)
    with caplog.at_level("DEBUG"):
        client.post(curl("new", gemeente_a), casus_data(verloop=IDENTIFYING))
    assert PHONE not in caplog.text and EMAIL not in caplog.text


def test_scopes_are_not_needed_to_hash():
    with scopes_disabled():
        assert gate.vondst_hash("naam", "Jan  Jansen") == gate.vondst_hash("naam", "jan jansen")


def test_a_text_longer_than_the_gate_checks_is_refused_by_the_form(client, member, gemeente_a):
    client.force_login(member)
    too_long = f"{PHONE} " + "a." * gate.MAX_TEXT
    response = client.post(curl("new", gemeente_a), casus_data(verloop=too_long))
    assert response.status_code == 400
    assert response.context["form"].has_error("verloop")
    assert count_casussen() == 0


def test_the_casus_form_does_not_flag_its_own_gemeente(client, member, gemeente_a):
    from gemeenten.models import Gemeente

    Gemeente.objects.filter(pk=gemeente_a.pk).update(naam="Zutphen")
    gemeente_a.refresh_from_db()
    client.force_login(member)
    own = "De gemeente Zutphen regelde een keukentafelgesprek; Zutphen betaalt de Wmo."
    response = client.post(curl("new", gemeente_a), casus_data(verloop=own))
    assert response.status_code == 302, response.content.decode()[:500]
    assert count_casussen() == 1
    other = client.post(curl("new", gemeente_a), casus_data(verloop="Zij woont in Deventer."))
    assert other.status_code == 400
    assert "<mark>Deventer</mark>" in other.content.decode()
