"""What is already stored: the ``scan_teksten`` command and the facilitator's page list the
gate's findings in stored texts per object (model, object, field, kind), never the found text
itself; texts planted with a bulk write that bypasses the write path's gate."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from casussen import gate, scan
from casussen.models import Casus, GemarkeerdeVondst
from gemeenten.models import Organisatie
from kern.tenancy import gemeente_scope
from tests.scopes import every_gemeente
from tests.verbeteracties.factories import VoortgangFactory
from verbeteracties.models import Voortgang

from .conftest import curl
from .factories import CasusFactory

IDENTIFYING = "Gesprek met Jan de Vries, BSN 111222333, woont Dorpsstraat 12 in de wijk."
BSN = "111222333"


@pytest.fixture
def planted(gemeente_a, gemeente_b, proeftuin):
    """Stored texts the gate would refuse, written past it by queryset.update()."""
    with every_gemeente():
        update = VoortgangFactory(gemeente=gemeente_a, actie__proeftuin=proeftuin)
        casus = CasusFactory(gemeente=gemeente_a, proeftuin=proeftuin)
        partner = Organisatie.objects.get(gemeente=gemeente_a)
        Voortgang.objects.filter(pk=update.pk).update(tekst=IDENTIFYING)
        Casus.objects.filter(pk=casus.pk).update(wat_hielp=IDENTIFYING)
        # A contact person may be named; a BSN beside the name is a finding all the same.
        Organisatie.objects.filter(pk=partner.pk).update(
            contactpersoon_naam="Jan de Vries 111222333"
        )
        other = VoortgangFactory(gemeente=gemeente_b)
        Voortgang.objects.filter(pk=other.pk).update(tekst=IDENTIFYING)
    return {"update": update, "casus": casus, "partner": partner, "other": other}


def _hits(gemeente):
    with gemeente_scope(gemeente):
        return scan.scan_rows(gemeente)


def test_the_scan_lists_each_finding_by_model_row_field_and_kind(planted, gemeente_a):
    found = {(h.model, h.pk, h.field, h.kind) for h in _hits(gemeente_a)}
    update, casus, partner = planted["update"], planted["casus"], planted["partner"]
    assert {
        ("verbeteracties.Voortgang", update.pk, "tekst", "naam"),
        ("verbeteracties.Voortgang", update.pk, "tekst", "bsn"),
        ("verbeteracties.Voortgang", update.pk, "tekst", "adres"),
        ("casussen.Casus", casus.pk, "wat_hielp", "bsn"),
        ("gemeenten.Organisatie", partner.pk, "contactpersoon_naam", "bsn"),
    } <= found
    # The contact person's name by purpose is no finding; gemeente B's rows are not looked at.
    assert ("gemeenten.Organisatie", partner.pk, "contactpersoon_naam", "naam") not in found
    assert planted["other"].pk not in {pk for model, pk, *_ in found if model.endswith("Voortgang")}


def test_a_finding_marked_as_not_identifying_for_its_row_is_not_listed(planted, gemeente_a):
    update = planted["update"]
    with every_gemeente():
        GemarkeerdeVondst.objects.create(
            gemeente=gemeente_a,
            obj=update,
            soort="bsn",
            vondst_hash=gate.vondst_hash("bsn", BSN),
            reden="Een voorbeeldnummer uit de scholing.",
        )
    kinds = {h.kind for h in _hits(gemeente_a) if h.pk == update.pk and h.field == "tekst"}
    assert "bsn" not in kinds and "naam" in kinds


def test_the_command_prints_model_object_field_and_kind_never_the_text(planted, gemeente_a):
    out = io.StringIO()
    call_command("scan_teksten", gemeente_a.slug, stdout=out)
    printed = out.getvalue()
    assert f"verbeteracties.Voortgang #{planted['update'].pk}" in printed
    assert f"casussen.Casus #{planted['casus'].pk}" in printed
    assert "Contact person (name): citizen service number" in printed
    assert "What happened: address" in printed
    assert BSN not in printed and "Jan de Vries" not in printed and "Dorpsstraat" not in printed
    assert "1••••••••" in printed  # masked: enough to find it, not to read it
    assert "gemeente-b" not in printed


def test_the_command_scans_every_gemeente_with_all_and_refuses_no_or_unknown_slug(
    planted, gemeente_a, gemeente_b
):
    out = io.StringIO()
    call_command("scan_teksten", "--all", stdout=out)
    assert "gemeente-a:" in out.getvalue() and "gemeente-b:" in out.getvalue()
    assert f"#{planted['other'].pk}" in out.getvalue()
    with pytest.raises(CommandError):
        call_command("scan_teksten", stdout=io.StringIO())
    with pytest.raises(CommandError):
        call_command("scan_teksten", "nergens", stdout=io.StringIO())


def test_the_page_lists_the_objects_with_a_link_to_change_each(
    planted, client, facilitator, gemeente_a
):
    client.force_login(facilitator)
    response = client.get(curl("teksten_scan", gemeente_a))
    body = response.content.decode()
    assert response.status_code == 200
    assert curl("edit", gemeente_a, pk=planted["casus"].pk) in body
    actie_page = reverse(
        "verbeteracties:detail",
        kwargs={"gemeente_slug": gemeente_a.slug, "pk": planted["update"].actie_id},
    )
    assert f'href="{actie_page}"' in body
    assert (
        reverse(
            "gemeenten:partner_edit",
            kwargs={"gemeente_slug": gemeente_a.slug, "pk": planted["partner"].pk},
        )
        in body
    )
    assert BSN not in body and "Dorpsstraat" not in body


def test_the_page_is_for_facilitators_only(planted, client, member, readonly_member, gemeente_a):
    for user in (member, readonly_member):
        client.force_login(user)
        assert client.get(curl("teksten_scan", gemeente_a)).status_code == 403


def test_the_page_is_kept_until_the_gemeente_has_new_data(
    planted, client, facilitator, gemeente_a, monkeypatch
):
    scans = []
    real = scan.scan_rows
    monkeypatch.setattr(scan, "scan_rows", lambda g: scans.append(g) or real(g))
    client.force_login(facilitator)
    address = curl("teksten_scan", gemeente_a)
    client.get(address)
    client.get(address)
    assert len(scans) == 1
    # A bulk write renews the gemeente's data stamp too: the next view scans again.
    with every_gemeente():
        Voortgang.objects.filter(pk=planted["update"].pk).update(tekst="Rustig verlopen.")
    body = client.get(address).content.decode()
    assert len(scans) == 2
    assert f"#{planted['update'].pk}" not in body
