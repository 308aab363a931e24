"""Every form that writes a shared text: a full name, a BSN and an address typed into it come
back refused (400) with what was typed, never a 500, the finding shown in the gate's summary
(``kern/poort.html``, with a link to its field) and on the field itself, and nothing is stored,
history included. A finding marked as not identifying with a reason is saved, and the mark is
recorded on the row (hash and reason) as a casus's are."""

import datetime
import re

import pytest
from django.utils import timezone

from bijeenkomsten.models import (
    Actiepunt,
    Agendapunt,
    Bijeenkomst,
    Gast,
    Reactie,
    Verslag,
)
from casussen import gate
from casussen.models import Casus, GemarkeerdeVondst, Inzicht, Knelpunt, Succesfactor
from gemeenten.models import (
    Commitment,
    FaseOvergang,
    Ingredientbeoordeling,
    Kerngroeplid,
    Lidmaatschap,
    Organisatie,
    Proeftuin,
    Wijziging,
)
from oogst.inhoud.models import Borging, Les, Oogst, Verhaal, Vervolgafspraak
from tests.bijeenkomsten.conftest import burl
from tests.bijeenkomsten.factories import BijeenkomstFactory, DeelnameFactory, VerslagFactory
from tests.casussen.conftest import casus_data, curl
from tests.casussen.factories import CasusFactory
from tests.factories import CommitmentFactory
from tests.oogst.inhoud.fixtures import ourl
from tests.scopes import every_gemeente
from tests.urls import url
from tests.verbeteracties.conftest import vurl
from tests.verbeteracties.factories import IndicatorFactory, VerbeteractieFactory
from verbeteracties.models import Indicator, Meting, Verbeteractie, Voortgang

IDENTIFYING = "Jan de Vries, BSN 111222333, woont Dorpsstraat 12"
BSN = "111222333"
MARK = re.compile(r'name="niet_identificerend" value="([a-z_]+:[0-9a-f]{64})"')


@pytest.fixture
def world(gemeente_a, proeftuin, facilitator, member):
    with every_gemeente():
        lid = Lidmaatschap.objects.get(gemeente=gemeente_a, user=member)
        organisatie = Organisatie.objects.filter(gemeente=gemeente_a).first()
        actie = VerbeteractieFactory(
            gemeente=gemeente_a, proeftuin=proeftuin, eigenaar=lid, status="loopt"
        )
        begin = timezone.now() - datetime.timedelta(days=2)
        gehouden = BijeenkomstFactory(
            gemeente=gemeente_a,
            proeftuin=proeftuin,
            begin=begin,
            eind=begin + datetime.timedelta(hours=2),
        )
        facilitator_lid = Lidmaatschap.objects.get(gemeente=gemeente_a, user=facilitator)
        DeelnameFactory(
            gemeente=gemeente_a, bijeenkomst=gehouden, lidmaatschap=facilitator_lid, aanwezig=True
        )
        casus = CasusFactory(
            gemeente=gemeente_a, proeftuin=proeftuin, auteur=member, status="ingediend"
        )
        return {
            "gemeente": gemeente_a,
            "proeftuin": proeftuin,
            "lid": lid,
            "actie": actie,
            "indicator": IndicatorFactory(gemeente=gemeente_a, actie=actie),
            "bijeenkomst": BijeenkomstFactory(gemeente=gemeente_a, proeftuin=proeftuin),
            "gehouden": gehouden,
            "verslag": VerslagFactory(
                gemeente=gemeente_a,
                bijeenkomst=gehouden,
                reacties_tot=timezone.localdate() + datetime.timedelta(days=7),
            ),
            "partner": Organisatie.objects.filter(gemeente=gemeente_a).first(),
            "commitment": CommitmentFactory(
                gemeente=gemeente_a, proeftuin=proeftuin, organisatie=organisatie
            ),
            "casus": casus,
        }


def _verbeteractie(w):
    data = {
        "proeftuin": w["proeftuin"].pk,
        "titel": "Vast aanspreekpunt",
        "beschrijving": IDENTIFYING,
        "start": "2026-05-01",
        "eind": "2026-10-31",
    }
    return vurl("new", w["gemeente"]), data, Verbeteractie


def _voortgang(w):
    data = {"datum": "2026-06-01", "licht": "op_koers", "tekst": IDENTIFYING}
    return vurl("voortgang", w["gemeente"], pk=w["actie"].pk), data, Voortgang


def _meting(w):
    data = {"datum": "2026-06-01", "waarde": "3", "toelichting": IDENTIFYING}
    return vurl("meting", w["gemeente"], pk=w["indicator"].pk), data, Meting


def _indicator(w):
    data = {"naam": IDENTIFYING, "eenheid": "casussen"}
    return vurl("indicator_new", w["gemeente"], pk=w["actie"].pk), data, Indicator


def _stop_reason(w):
    """Stopping an action: the reason is refused on its field, the action keeps running."""
    data = {"status": "gestopt", "reden_gestopt": IDENTIFYING, "version": w["actie"].version}
    return vurl("status", w["gemeente"], pk=w["actie"].pk), data, Verbeteractie


def _succesfactor(w):
    data = {"naam": "Korte lijnen", "omschrijving": IDENTIFYING, "volgorde": "8"}
    return curl("succesfactoren", w["gemeente"]), data, Succesfactor


def _kerngroeplid(w):
    data = {"naam": "Tineke Terpstra", "functie": IDENTIFYING}
    return url("kerngroeplid_add", w["gemeente"], pk=w["partner"].pk), data, Kerngroeplid


def _agendapunt(w):
    data = {"titel": IDENTIFYING, "duur_minuten": "15"}
    return burl("agendapunt_add", w["gemeente"], pk=w["bijeenkomst"].pk), data, Agendapunt


def _actiepunt(w):
    data = {"omschrijving": IDENTIFYING, "eigenaar": w["lid"].pk, "deadline": "2026-12-20"}
    return burl("actiepunten", w["gemeente"], pk=w["bijeenkomst"].pk), data, Actiepunt


def _bijeenkomst(w):
    day = datetime.date.today() + datetime.timedelta(days=30)
    data = {
        "proeftuin": w["proeftuin"].pk,
        "soort": "inventarisatie",
        "titel": "Tweede inventarisatie",
        "begin": f"{day}T14:00",
        "eind": f"{day}T16:00",
        "casus_deadline": f"{day - datetime.timedelta(days=7)}T12:00",
        "locatie": "Gemeentehuis",
        "beschrijving": IDENTIFYING,
    }
    return burl("new", w["gemeente"]), data, Bijeenkomst


def _commitment(w):
    data = {
        "proeftuin": w["proeftuin"].pk,
        "soort": Commitment.Soort.UREN,
        "organisatie": w["partner"].pk,
        "omschrijving": IDENTIFYING,
        "uren_per_jaar": "80",
        "toegezegd_op": "2026-01-20",
    }
    return url("commitment_new", w["gemeente"]), data, Commitment


def _partner(w):
    """A contact person may be named; a BSN next to the name is refused all the same."""
    data = {
        "naam": "Thuiszorg Oost",
        "soort": Organisatie.Soort.WIJKVERPLEGING,
        "domein": "zorg",
        "contactpersoon_naam": IDENTIFYING,
    }
    return url("partner_new", w["gemeente"]), data, Organisatie


def _verbeteractie_edit(w):
    actie = w["actie"]
    data = {
        "proeftuin": w["proeftuin"].pk,
        "titel": actie.titel,
        "beschrijving": "Een vast aanspreekpunt.",
        "beoogd_effect": IDENTIFYING,
        "start": "2026-05-01",
        "eind": "2026-10-31",
        "version": actie.version,
    }
    return vurl("edit", w["gemeente"], pk=actie.pk), data, Verbeteractie


def _indicator_edit(w):
    data = {"naam": IDENTIFYING, "eenheid": "casussen", "version": w["indicator"].version}
    return vurl("indicator_edit", w["gemeente"], pk=w["indicator"].pk), data, Indicator


def _bijeenkomst_edit(w):
    bijeenkomst = w["bijeenkomst"]
    data = {
        "proeftuin": w["proeftuin"].pk,
        "soort": bijeenkomst.soort,
        "titel": bijeenkomst.titel,
        "begin": bijeenkomst.begin.strftime("%Y-%m-%dT%H:%M"),
        "eind": bijeenkomst.eind.strftime("%Y-%m-%dT%H:%M"),
        "locatie": "Gemeentehuis",
        "beschrijving": IDENTIFYING,
        "version": bijeenkomst.version,
    }
    return burl("edit", w["gemeente"], pk=bijeenkomst.pk), data, Bijeenkomst


def _verslag(w):
    data = {"tekst": IDENTIFYING, "version": w["verslag"].version}
    return burl("verslag", w["gemeente"], pk=w["gehouden"].pk), data, Verslag


def _reactie(w):
    """A proposed change to the minutes."""
    data = {"soort": "wijziging", "tekst": IDENTIFYING}
    return burl("reactie_add", w["gemeente"], pk=w["gehouden"].pk), data, Reactie


def _gast(w):
    """A guest may be named; a BSN and an address beside the name are refused all the same."""
    data = {"naam": IDENTIFYING, "organisatie_naam": "Thuiszorg Oost"}
    return burl("gast_add", w["gemeente"], pk=w["gehouden"].pk), data, Gast


def _proeftuin(w):
    proeftuin = w["proeftuin"]
    data = {
        "naam": proeftuin.naam,
        "thema": IDENTIFYING,
        "start": proeftuin.start.isoformat(),
        "eind": proeftuin.eind.isoformat(),
        "version": proeftuin.version,
    }
    return url("proeftuin_edit", w["gemeente"], pk=proeftuin.pk), data, Proeftuin


def _ingredient(w):
    data = {"ingredient": "verhalen", "oordeel": "aandacht", "opmerking": IDENTIFYING}
    address = url("proeftuin_ingredienten", w["gemeente"], pk=w["proeftuin"].pk)
    return address, data, Ingredientbeoordeling


def _fase_terug(w):
    """The reason a phase step is undone: the phase itself stays where it was."""
    proeftuin = w["proeftuin"]
    with every_gemeente():
        Proeftuin.objects.filter(pk=proeftuin.pk).update(fase="inventarisatie")
    data = {"van": "inventarisatie", "reden": IDENTIFYING}
    return url("proeftuin_fase_terug", w["gemeente"], pk=proeftuin.pk), data, FaseOvergang


def _commitment_withdrawn(w):
    commitment = w["commitment"]
    data = {
        "status": "ingetrokken",
        "reden_ingetrokken": IDENTIFYING,
        "version": commitment.version,
    }
    return url("commitment_status", w["gemeente"], pk=commitment.pk), data, Commitment


def _oogst_texts(w):
    data = {"voorwoord": IDENTIFYING, "hoe_verder": ""}
    return ourl("teksten", w["gemeente"], f"?proeftuin={w['proeftuin'].pk}"), data, Oogst


def _les(w):
    data = {"titel": "Korte lijnen", "tekst": IDENTIFYING}
    return ourl("les_new", w["gemeente"], f"?proeftuin={w['proeftuin'].pk}"), data, Les


def _verhaal(w):
    data = {"soort": "verhaal", "titel": "Thuis", "tekst": IDENTIFYING, "wie": "Een mantelzorger"}
    return ourl("verhaal_new", w["gemeente"], f"?proeftuin={w['proeftuin'].pk}"), data, Verhaal


def _borging(w):
    data = {"stand": "geborgd", "werkproces": IDENTIFYING}
    return ourl("borging_edit", w["gemeente"], pk=w["actie"].pk), data, Borging


def _vervolg(w):
    data = {"soort": "lerend_netwerk", "wat": IDENTIFYING, "wie": "De kerngroep"}
    return (
        ourl("vervolg_new", w["gemeente"], f"?proeftuin={w['proeftuin'].pk}"),
        data,
        Vervolgafspraak,
    )


def _casus(w):
    return curl("new", w["gemeente"]), casus_data(verloop=IDENTIFYING), Casus


def _knelpunt(w):
    data = casus_data(
        **{"knelpunten-0-categorie": "informatie", "knelpunten-0-toelichting": IDENTIFYING}
    )
    return curl("new", w["gemeente"]), data, Knelpunt


def _inzicht(w):
    data = {"titel": "Vroeg het gesprek voeren", "toelichting": IDENTIFYING}
    return curl("inzicht_new", w["gemeente"], pk=w["casus"].pk), data, Inzicht


def _casus_returned(w):
    """The facilitator's remark when sending a casus back to its author."""
    return curl("return", w["gemeente"], pk=w["casus"].pk), {"opmerking": IDENTIFYING}, Casus


@pytest.mark.parametrize(
    "form",
    [
        _verbeteractie,
        _voortgang,
        _meting,
        _indicator,
        _stop_reason,
        _agendapunt,
        _actiepunt,
        _bijeenkomst,
        _commitment,
        _partner,
        _succesfactor,
        _kerngroeplid,
        _verbeteractie_edit,
        _indicator_edit,
        _bijeenkomst_edit,
        _verslag,
        _reactie,
        _gast,
        _proeftuin,
        _ingredient,
        _commitment_withdrawn,
        _fase_terug,
        _oogst_texts,
        _les,
        _verhaal,
        _borging,
        _vervolg,
        _casus,
        _knelpunt,
        _inzicht,
        _casus_returned,
    ],
)
def test_an_identifying_text_is_refused_on_the_form_with_the_input_kept(
    form, world, client, facilitator
):
    address, data, model = form(world)
    field = next(name for name, value in data.items() if BSN in str(value))
    # The model's name of the form's field (the return remark is the casus's own field).
    column = "opmerking_facilitator" if form is _casus_returned else field.rsplit("-", 1)[-1]
    with every_gemeente():
        rows, history = model.objects.count(), Wijziging.objects.count()
    client.force_login(facilitator)
    response = client.post(address, data)
    body = response.content.decode()
    assert response.status_code == 400
    # The typed text comes back in its field.
    assert data[field] in body
    # The summary marks each finding in the words around it, links to its field, and offers
    # to replace it, to replace all, and to mark it as not identifying.
    assert f"<mark>{BSN}</mark>" in body
    assert "<mark>Dorpsstraat 12</mark>" in body
    summary = body[body.index('class="poort__resultaat"') :]
    anchors = set(re.findall(r'<a href="#([^"]+)">', summary[: summary.index("</ol>")]))
    assert anchors and all(f'id="{anchor}"' in body for anchor in anchors)
    assert any(anchor.endswith(field) for anchor in anchors)
    assert 'name="vervang"' in body and 'name="vervang_alles"' in body
    assert MARK.search(body)
    assert 'class="poort__resultaat"' in body and "autofocus" in body
    # The field itself says what was found there.
    assert f"“{BSN}”" in body
    with every_gemeente():
        assert model.objects.count() == rows
        assert not model.objects.filter(**{f"{column}__contains": BSN}).exists()
        assert Wijziging.objects.count() == history
        world["actie"].refresh_from_db()
    assert world["actie"].status == "loopt"


def test_every_form_with_a_shared_text_is_in_the_test():
    """A model with a shared text whose form is not tried above fails here (the write path
    refuses it all the same; this keeps the forms' way of showing it honest)."""
    from django.apps import apps

    from kern.tenancy import TenantModel
    from kern.writes import gated_fields

    tried = {
        Verbeteractie, Voortgang, Meting, Indicator, Succesfactor, Kerngroeplid, Agendapunt,
        Actiepunt, Bijeenkomst, Commitment, Organisatie, Verslag, Reactie, Gast, Proeftuin,
        Ingredientbeoordeling, Oogst, Les, Verhaal, Borging, Vervolgafspraak, Casus, Knelpunt,
        Inzicht, FaseOvergang,
    }  # fmt: skip
    # Written by no form of their own: copies of a text that passed the gate in its form
    # (a series takes its first meeting's title, a version the verslag's text) and the reason
    # of a mark, which the gate checks as it is typed (casussen.poort).
    no_form = {"bijeenkomsten.Reeks", "bijeenkomsten.VerslagVersie", "casussen.GemarkeerdeVondst"}
    gated = {
        model
        for model in apps.get_models()
        if issubclass(model, TenantModel) and gated_fields(model)
    }
    assert {m._meta.label for m in gated - tried} == no_form


def _marks_for(body, reden="Werk van de proeftuin, geen persoon."):
    keys = dict.fromkeys(MARK.findall(body))
    data = {"niet_identificerend": list(keys)}
    data.update({f"reden-{key}": reden for key in keys})
    return data


ORDINARY = "Overleg met Sensire op 14 april in het gemeentehuis"


def test_a_false_finding_in_a_progress_update_is_marked_and_saved(world, client, facilitator):
    address = vurl("voortgang", world["gemeente"], pk=world["actie"].pk)
    data = {"datum": "2026-06-01", "licht": "op_koers", "tekst": ORDINARY}
    client.force_login(facilitator)
    refused = client.post(address, data)
    assert refused.status_code == 400
    marks = _marks_for(refused.content.decode())
    assert marks["niet_identificerend"]
    # A mark without a reason does not count.
    without_reason = client.post(
        address, {**data, "niet_identificerend": marks["niet_identificerend"]}
    )
    assert without_reason.status_code == 400
    response = client.post(address, {**data, **marks})
    assert response.status_code == 302
    with every_gemeente():
        update = Voortgang.objects.get(tekst=ORDINARY)
        stored = GemarkeerdeVondst.objects.of(update)
        assert {f"{m.soort}:{m.vondst_hash}" for m in stored} == set(marks["niet_identificerend"])
        assert {m.reden for m in stored} == {"Werk van de proeftuin, geen persoon."}
        assert {m.by for m in stored} == {facilitator}


def test_a_false_finding_in_an_agenda_item_and_a_commitment_is_marked_and_saved(
    world, client, facilitator
):
    client.force_login(facilitator)
    address = burl("agendapunt_add", world["gemeente"], pk=world["bijeenkomst"].pk)
    data = {"titel": ORDINARY, "duur_minuten": "15"}
    refused = client.post(address, data)
    assert refused.status_code == 400
    assert client.post(address, {**data, **_marks_for(refused.content.decode())}).status_code == 302

    commitment = world["commitment"]
    address = url("commitment_edit", world["gemeente"], pk=commitment.pk)
    data = {
        "proeftuin": world["proeftuin"].pk,
        "soort": Commitment.Soort.UREN,
        "organisatie": commitment.organisatie_id,
        "omschrijving": ORDINARY,
        "uren_per_jaar": "80",
        "toegezegd_op": "2026-01-20",
        "version": commitment.version,
    }
    refused = client.post(address, data)
    assert refused.status_code == 400
    assert client.post(address, {**data, **_marks_for(refused.content.decode())}).status_code == 302
    with every_gemeente():
        punt = Agendapunt.objects.get(titel=ORDINARY)
        commitment.refresh_from_db()
        assert commitment.omschrijving == ORDINARY
        assert GemarkeerdeVondst.objects.of(punt).exists()
        assert GemarkeerdeVondst.objects.of(commitment).exists()
        # Changed later, the commitment's marked words are not flagged again.
    data["omschrijving"] = ORDINARY + ", verzet"
    data["version"] = commitment.version
    assert client.post(address, data).status_code == 302


def test_replace_puts_a_placeholder_in_the_field_and_stores_nothing(world, client, facilitator):
    address = vurl("voortgang", world["gemeente"], pk=world["actie"].pk)
    data = {"datum": "2026-06-01", "licht": "op_koers", "tekst": IDENTIFYING}
    client.force_login(facilitator)
    refused = client.post(address, data)
    vervang = re.search(r'name="vervang" value="(tekst\|[^"]+)"', refused.content.decode())
    replaced = client.post(address, {**data, "vervang": vervang[1]})
    assert replaced.status_code == 200
    form = replaced.context["voortgang_form"]
    assert form.data["tekst"] != IDENTIFYING and "[" in form.data["tekst"]
    everything = client.post(address, {**data, "vervang_alles": "1"})
    assert BSN not in everything.context["voortgang_form"].data["tekst"]
    with every_gemeente():
        assert not Voortgang.objects.filter(actie=world["actie"]).exists()
    assert gate.mark_key  # the marks' keys come from the one gate


def test_a_form_refused_for_another_reason_shows_the_findings_at_once(world, client, facilitator):
    """A required field left empty does not hide the gate's findings until the next try."""
    client.force_login(facilitator)
    data = {"naam": "Thuiszorg Oost", "contactpersoon_naam": IDENTIFYING}  # no kind, no domain
    response = client.post(url("partner_new", world["gemeente"]), data)
    body = response.content.decode()
    assert response.status_code == 400
    assert response.context["form"].has_error("soort")
    assert f"<mark>{BSN}</mark>" in body and "<mark>Dorpsstraat 12</mark>" in body
    # The contact person's name, by purpose, is no finding.
    assert "<mark>Jan de Vries</mark>" not in body
