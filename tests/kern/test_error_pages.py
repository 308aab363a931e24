"""Errors are shown in the house style and in Dutch, never as a bare server page."""

from django.test import RequestFactory
from django.views.defaults import server_error


def test_the_500_page_is_in_dutch_and_in_the_house_style(db):
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    body = response.content.decode()
    assert "Er ging iets mis" in body
    assert "proeftuin.css" in body


def test_an_unknown_page_gets_the_house_404(client, member):
    client.force_login(member)
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.text
    assert "Naar mijn gemeenten" in response.text


def test_the_login_page_does_not_offer_a_sign_up(client, db):
    page = client.get("/accounts/login/")
    assert page.status_code == 200
    assert "/accounts/signup/" not in page.text
    assert 'autocomplete="email"' in page.text or 'type="email"' in page.text
