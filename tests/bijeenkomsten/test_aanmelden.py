"""Aanmelden: yes / no / maybe with one click (htmx fragment, or a plain form), until the start;
the facilitator sees who comes by organisation and domain."""

import datetime
import re

import pytest
from django.utils import timezone

from bijeenkomsten.models import Bijeenkomst, Deelname
from gemeenten.models import Lidmaatschap
from tests.factories import OrganisatieFactory
from tests.scopes import every_gemeente

from .conftest import burl


def antwoord_of(user):
    with every_gemeente():
        return Deelname.objects.get(lidmaatschap__user=user).antwoord


def test_a_professional_signs_up_with_one_click_and_gets_the_fragment(
    client, member, gemeente_a, bijeenkomst
):
    client.force_login(member)
    response = client.post(
        burl("aanmelden", gemeente_a, pk=bijeenkomst.pk), {"antwoord": "ja"}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<section id="aanmelden"')
    assert "<html" not in body
    assert 'aria-pressed="true"' in body
    assert antwoord_of(member) == "ja"


def test_without_javascript_the_answer_is_saved_and_the_page_comes_back(
    client, member, gemeente_a, bijeenkomst
):
    client.force_login(member)
    url = burl("aanmelden", gemeente_a, pk=bijeenkomst.pk)
    response = client.post(url, {"antwoord": "misschien"})
    assert response.status_code == 302 and response["Location"] == bijeenkomst.get_absolute_url()
    client.post(url, {"antwoord": "nee"})
    assert antwoord_of(member) == "nee"


def test_a_bestuurder_can_answer_too(client, readonly_member, gemeente_a, bijeenkomst):
    client.force_login(readonly_member)
    client.post(burl("aanmelden", gemeente_a, pk=bijeenkomst.pk), {"antwoord": "ja"})
    assert antwoord_of(readonly_member) == "ja"


@pytest.mark.parametrize("antwoord", ["", "jawel", "\x00", "1" * 400])
def test_a_bad_answer_is_refused_with_a_message(client, member, gemeente_a, bijeenkomst, antwoord):
    client.force_login(member)
    response = client.post(
        burl("aanmelden", gemeente_a, pk=bijeenkomst.pk),
        {"antwoord": antwoord},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    with every_gemeente():
        assert not Deelname.objects.exists()


def test_after_the_start_the_answer_can_no_longer_change(client, member, gemeente_a, bijeenkomst):
    with every_gemeente():
        Bijeenkomst.objects.filter(pk=bijeenkomst.pk).update(
            begin=timezone.now() - datetime.timedelta(minutes=5)
        )
    client.force_login(member)
    response = client.post(
        burl("aanmelden", gemeente_a, pk=bijeenkomst.pk),
        {"antwoord": "ja"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 400
    with every_gemeente():
        assert not Deelname.objects.exists()


def test_the_facilitator_sees_who_comes_by_organisation_and_domain(
    client, facilitator, member, readonly_member, gemeente_a, bijeenkomst
):
    with every_gemeente():
        zorg = OrganisatieFactory(gemeente=gemeente_a, naam="Thuiszorg Test", domein="zorg")
        Lidmaatschap.objects.filter(user=member).update(organisatie=zorg)
    for user in (member, readonly_member):
        client.force_login(user)
        client.post(burl("aanmelden", gemeente_a, pk=bijeenkomst.pk), {"antwoord": "ja"})
    client.force_login(facilitator)
    html = client.get(bijeenkomst.get_absolute_url()).content.decode()
    row = r'<tr><th scope="row">([^<]+)</th><td class="num">(\d+)</td></tr>'
    rows = dict(re.findall(row, html))
    assert rows["Thuiszorg Test"] == "1"
    assert rows["Geen organisatie"] == "1"
    assert rows[str(zorg.get_domein_display())] == "1"


def test_members_do_not_see_the_list_of_who_comes(client, member, gemeente_a, bijeenkomst):
    client.force_login(member)
    client.post(burl("aanmelden", gemeente_a, pk=bijeenkomst.pk), {"antwoord": "ja"})
    html = client.get(bijeenkomst.get_absolute_url()).content.decode()
    assert "Komt, per organisatie" not in html and "Geen organisatie" not in html


def test_the_page_kept_from_before_the_start_offers_no_answer_once_the_meeting_began(
    client, member, gemeente_a, bijeenkomst, monkeypatch
):
    """The page's content is kept until the gemeente's data change; the moment (begun, the
    casus deadline passed) is part of what it is kept under."""
    client.force_login(member)
    action = f'action="{burl("aanmelden", gemeente_a, pk=bijeenkomst.pk)}"'
    begin = bijeenkomst.begin.replace(hour=14, minute=0)  # a minute before and after: one day
    with every_gemeente():
        Bijeenkomst.objects.filter(pk=bijeenkomst.pk).update(begin=begin)
    monkeypatch.setattr(timezone, "now", lambda: begin - datetime.timedelta(minutes=1))
    assert action in client.get(bijeenkomst.get_absolute_url()).content.decode()
    monkeypatch.setattr(timezone, "now", lambda: begin + datetime.timedelta(minutes=1))
    assert action not in client.get(bijeenkomst.get_absolute_url()).content.decode()
