"""The oogst page: everything of the proeftuin's harvest in one view, verhalen by consent,
borging per action, vervolgafspraken by kind, the links to the other oogst parts; the
facilitator's foreword and outlook."""

from casussen.models import Succesfactor
from gemeenten.models import Wijziging
from kern.tenancy import gemeente_scope
from oogst.inhoud.models import Oogst
from oogst.inhoud.views import overview
from tests.factories import GemeenteFactory, LidmaatschapFactory
from tests.scopes import every_gemeente
from tests.verbeteracties.factories import VerbeteractieFactory

from ..factories import (
    BorgingFactory,
    LesFactory,
    LesSuccesfactorFactory,
    OogstFactory,
    VerhaalFactory,
    VervolgafspraakFactory,
)
from .fixtures import *  # noqa: F403
from .fixtures import ourl


def test_the_oogst_page_shows_lessen_borging_and_vervolgafspraken(
    client, member, gemeente_a, proeftuin, actie
):
    with every_gemeente():
        OogstFactory(gemeente=gemeente_a, proeftuin=proeftuin, voorwoord="Een mooi jaar.")
        les = LesFactory(gemeente=gemeente_a, proeftuin=proeftuin, titel="Elkaar kennen werkt")
        factor = Succesfactor.objects.filter(gemeente=gemeente_a).first()
        LesSuccesfactorFactory(gemeente=gemeente_a, les=les, succesfactor=factor)
        zonder = VerbeteractieFactory(
            gemeente=gemeente_a, proeftuin=proeftuin, titel="Spreekuur mantelzorg"
        )
        BorgingFactory(
            gemeente=gemeente_a, verbeteractie=actie, stand="geborgd", werkproces="het MDO"
        )
        VerbeteractieFactory(
            gemeente=gemeente_a,
            proeftuin=proeftuin,
            titel="Weggegooide actie",
            deleted_at="2026-06-01T10:00Z",
        )
        VervolgafspraakFactory(
            gemeente=gemeente_a, proeftuin=proeftuin, soort="bestuurlijk", wat="Wethoudersoverleg"
        )
    client.force_login(member)
    response = client.get(ourl("overzicht", gemeente_a))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Een mooi jaar." in body
    assert "Elkaar kennen werkt" in body and factor.naam in body
    assert "het MDO" in body
    assert zonder.titel in body and "not recorded yet" in body
    assert "Weggegooide actie" not in body
    groepen = {g["soort"]: [a.wat for a, _ in g["afspraken"]] for g in response.context["vervolg"]}
    assert groepen == {"lerend_netwerk": [], "bestuurlijk": ["Wethoudersoverleg"], "werkproces": []}


def test_a_member_sees_only_verhalen_with_consent(
    client, member, gemeente_a, proeftuin, verhaal_zonder_toestemming
):
    with every_gemeente():
        VerhaalFactory(gemeente=gemeente_a, proeftuin=proeftuin, tekst="Mag gedrukt worden.")
    client.force_login(member)
    body = client.get(ourl("overzicht", gemeente_a)).content.decode()
    assert "Mag gedrukt worden." in body
    assert "Nog niet gevraagd." not in body


def test_the_facilitator_sees_every_verhaal_with_its_consent_badge(
    client, facilitator, gemeente_a, proeftuin, verhaal_zonder_toestemming
):
    with every_gemeente():
        VerhaalFactory(gemeente=gemeente_a, proeftuin=proeftuin, tekst="Mag gedrukt worden.")
    client.force_login(facilitator)
    body = client.get(ourl("overzicht", gemeente_a)).content.decode()
    assert "Mag gedrukt worden." in body and "Nog niet gevraagd." in body
    assert "Consent given" in body
    assert "No consent: not published" in body


def test_a_bestuurder_reads_the_oogst_but_changes_nothing(
    client, readonly_member, gemeente_a, proeftuin, actie
):
    with every_gemeente():
        les = LesFactory(gemeente=gemeente_a, proeftuin=proeftuin)
        verhaal = VerhaalFactory(gemeente=gemeente_a, proeftuin=proeftuin)
        afspraak = VervolgafspraakFactory(gemeente=gemeente_a, proeftuin=proeftuin)
    client.force_login(readonly_member)
    page = client.get(ourl("overzicht", gemeente_a))
    assert page.status_code == 200
    assert les.titel in page.content.decode()
    forbidden = [
        ourl("teksten", gemeente_a),
        ourl("les_new", gemeente_a),
        ourl("les_edit", gemeente_a, pk=les.pk),
        ourl("les_delete", gemeente_a, pk=les.pk),
        ourl("verhaal_new", gemeente_a),
        ourl("verhaal_edit", gemeente_a, pk=verhaal.pk),
        ourl("verhaal_delete", gemeente_a, pk=verhaal.pk),
        ourl("borging_edit", gemeente_a, pk=actie.pk),
        ourl("borging_delete", gemeente_a, pk=actie.pk),
        ourl("vervolg_new", gemeente_a),
        ourl("vervolg_edit", gemeente_a, pk=afspraak.pk),
        ourl("vervolg_delete", gemeente_a, pk=afspraak.pk),
    ]
    for url in forbidden:
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"titel": "x"}).status_code == 403, url
    body = page.content.decode()
    assert ourl("les_new", gemeente_a) not in body
    assert ourl("teksten", gemeente_a) not in body


def test_a_gemeente_without_a_proeftuin_gets_an_empty_oogst_page(client, db):
    with every_gemeente():
        gemeente = GemeenteFactory(slug="leeg")
        user = LidmaatschapFactory(gemeente=gemeente, role="facilitator").user
    client.force_login(user)
    response = client.get(ourl("overzicht", gemeente))
    assert response.status_code == 200
    assert "There is no proeftuin yet" in response.content.decode()
    assert client.get(ourl("les_new", gemeente)).status_code == 404


def test_the_more_list_links_only_the_pages_that_exist(
    client, member, gemeente_a, proeftuin, monkeypatch
):
    monkeypatch.setattr(
        overview,
        "MORE_LINKS",
        [("oogst:overzicht", "Bestaat", True), ("oogst:bestaat_niet", "Bestaat niet", True)],
    )
    client.force_login(member)
    response = client.get(ourl("overzicht", gemeente_a))
    labels = [item["label"] for item in response.context["meer"]]
    assert labels == ["Bestaat"]
    assert response.context["meer"][0]["url"].endswith(f"?proeftuin={proeftuin.pk}")


def test_the_gemeente_navigation_links_the_oogst(client, member, gemeente_a):
    client.force_login(member)
    body = client.get(ourl("overzicht", gemeente_a)).content.decode()
    assert f'href="{ourl("overzicht", gemeente_a)}" aria-current="page"' in body


def test_the_facilitator_writes_the_foreword_and_it_is_kept_in_the_history(
    client, facilitator, gemeente_a, proeftuin
):
    client.force_login(facilitator)
    url = ourl("teksten", gemeente_a, f"?proeftuin={proeftuin.pk}")
    assert client.get(url).status_code == 200
    response = client.post(url, {"voorwoord": "Een jaar samen leren.", "hoe_verder": ""})
    assert response.status_code == 302
    assert response["Location"].endswith(f"?proeftuin={proeftuin.pk}#teksten")
    with gemeente_scope(gemeente_a):
        oogst = Oogst.objects.get(proeftuin=proeftuin)
        assert oogst.voorwoord == "Een jaar samen leren."
        assert oogst.updated_by == facilitator
        assert Wijziging.objects.of(oogst).get().actie == "aangemaakt"
    response = client.post(
        url, {"voorwoord": "Anders.", "hoe_verder": "Verder.", "version": oogst.version}
    )
    assert response.status_code == 302
    with gemeente_scope(gemeente_a):
        assert Wijziging.objects.of(oogst).count() == 2


def test_a_stale_foreword_is_refused_with_the_input_kept(
    client, facilitator, gemeente_a, proeftuin
):
    with every_gemeente():
        oogst = OogstFactory(gemeente=gemeente_a, proeftuin=proeftuin, voorwoord="Eerste.")
        Oogst.objects.filter(pk=oogst.pk).update(version=5)
    client.force_login(facilitator)
    response = client.post(
        ourl("teksten", gemeente_a),
        {"voorwoord": "Mijn versie.", "hoe_verder": "", "version": 1},
    )
    assert response.status_code == 400
    assert "Someone else changed this" in response.content.decode()
    assert "Mijn versie." in response.content.decode()
    with gemeente_scope(gemeente_a):
        assert Oogst.objects.get(pk=oogst.pk).voorwoord == "Eerste."


def test_a_professional_may_not_write_the_foreword(client, member, gemeente_a, proeftuin):
    client.force_login(member)
    assert client.post(ourl("teksten", gemeente_a), {"voorwoord": "x"}).status_code == 403
