"""The home page lists one's own gemeenten and their proeftuinen, nothing else."""

from django.urls import reverse


def test_the_home_page_requires_login(client, db):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_member_sees_only_own_gemeenten_and_proeftuinen(client, member, outsider):
    client.force_login(member)
    page = client.get(reverse("home")).text
    assert "Amersfoort-Test" in page and "Proeftuin A" in page
    assert "Bergen-Test" not in page and "Geheime proeftuin B" not in page


def test_someone_without_gemeenten_sees_how_to_get_in(client, db):
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    assert "Je neemt nog niet deel aan een gemeente" in client.get(reverse("home")).text


def test_the_gemeente_page_shows_its_proeftuin_and_partners(client, member, gemeente_a, gemeente_b):
    client.force_login(member)
    page = client.get(gemeente_a.get_absolute_url())
    assert page.status_code == 200
    assert "Proeftuin A" in page.text
    assert page.context["aantal_partners"] == 1
    assert "Geheime" not in page.text
