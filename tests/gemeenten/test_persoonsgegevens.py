"""A person's own data (download) and erasure of a person by a facilitator."""

import datetime
import json

import pytest
from django.contrib.auth.hashers import is_password_usable
from django.urls import reverse

from gemeenten import services
from gemeenten.models import Lidmaatschap, Uitnodiging, Wijziging
from kern.models import User
from kern.permissions import Rol
from kern.tenancy import forget_memberships, memberships_of
from tests.factories import CommitmentFactory, LidmaatschapFactory, WijzigingFactory
from tests.scopes import every_gemeente


def wissen_url(gemeente, lidmaatschap):
    return reverse(
        "gemeenten:lid_wissen", kwargs={"gemeente_slug": gemeente.slug, "pk": lidmaatschap.pk}
    )


def lidmaatschap_of(user, gemeente):
    with every_gemeente():
        return Lidmaatschap.objects.get(user=user, gemeente=gemeente)


# --- my data -----------------------------------------------------------------------------------


def test_my_data_needs_a_login(client, db):
    for name in ("mijn_gegevens", "mijn_gegevens_download"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


def test_the_page_links_to_the_download(client, member):
    client.force_login(member)
    response = client.get(reverse("mijn_gegevens"))
    assert response.status_code == 200
    assert reverse("mijn_gegevens_download") in response.text


def test_the_download_holds_my_profile_memberships_and_what_i_recorded(
    client, member, gemeente_a, gemeente_b, outsider
):
    with every_gemeente():
        LidmaatschapFactory(gemeente=gemeente_b, user=member, role=Rol.BESTUURDER)
        CommitmentFactory(gemeente=gemeente_a, created_by=member, omschrijving="Mijn toezegging")
        WijzigingFactory(gemeente=gemeente_a, by=member, object_repr="Mijn wijziging")
        WijzigingFactory(gemeente=gemeente_b, by=outsider, object_repr="Niet van mij")
        Uitnodiging.objects.create(
            gemeente=gemeente_a,
            email="genodigde@example.org",
            role=Rol.PROFESSIONAL,
            invited_by=member,
        )
    client.force_login(member)
    response = client.get(reverse("mijn_gegevens_download"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["profile"]["email"] == member.email
    by_naam = {g["gemeente"]: g for g in data["gemeenten"]}
    assert set(by_naam) == {gemeente_a.naam, gemeente_b.naam}
    a = by_naam[gemeente_a.naam]
    assert a["membership"]["role"] == Rol.PROFESSIONAL
    assert [u["email"] for u in a["invitations_sent"]] == ["genodigde@example.org"]
    assert len(a["commitments_recorded"]) == 1
    assert [w["object"] for w in a["changes_recorded"]] == ["Mijn wijziging"]
    assert "Niet van mij" not in response.text
    assert by_naam[gemeente_b.naam]["membership"]["role"] == Rol.BESTUURDER


def test_the_download_gives_its_moments_in_dutch_time(client, member):
    # 22:30 UTC on 15 June is 00:30 on 16 June in the Netherlands (summer time).
    User.objects.filter(pk=member.pk).update(
        date_joined=datetime.datetime(2026, 6, 15, 22, 30, tzinfo=datetime.UTC)
    )
    client.force_login(member)
    data = json.loads(client.get(reverse("mijn_gegevens_download")).content)
    assert data["profile"]["date_joined"] == "2026-06-16T00:30:00+02:00"
    assert data["exported_at"].endswith(("+01:00", "+02:00"))


def test_the_download_of_someone_without_memberships_is_their_profile(client, db):
    user = User.objects.create_user("los@example.org", "x-lang-genoeg-1")
    client.force_login(user)
    data = json.loads(client.get(reverse("mijn_gegevens_download")).content)
    assert data["profile"]["email"] == "los@example.org"
    assert data["gemeenten"] == []


# --- erasure -------------------------------------------------------------------------------------


def test_an_outsider_gets_404(client, outsider, member, gemeente_a):
    client.force_login(outsider)
    url = wissen_url(gemeente_a, lidmaatschap_of(member, gemeente_a))
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert lidmaatschap_of(member, gemeente_a)


def test_a_professional_gets_403(client, member, readonly_member, gemeente_a):
    client.force_login(member)
    url = wissen_url(gemeente_a, lidmaatschap_of(readonly_member, gemeente_a))
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    assert lidmaatschap_of(readonly_member, gemeente_a)


def test_the_facilitator_sees_a_confirmation_first(client, facilitator, member, gemeente_a):
    client.force_login(facilitator)
    response = client.get(wissen_url(gemeente_a, lidmaatschap_of(member, gemeente_a)))
    assert response.status_code == 200
    assert '<form method="post">' in response.text
    assert lidmaatschap_of(member, gemeente_a)


def test_erasing_someone_with_no_other_memberships_anonymises_the_account(
    client, facilitator, member, gemeente_a
):
    with every_gemeente():
        wijziging = WijzigingFactory(gemeente=gemeente_a, by=member)
    client.force_login(member)
    client.force_login(facilitator)
    response = client.post(wissen_url(gemeente_a, lidmaatschap_of(member, gemeente_a)))
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.name == "verwijderde gebruiker"
    assert "professional@example.org" not in member.email
    assert not member.is_active
    assert not is_password_usable(member.password)
    with every_gemeente():
        assert not Lidmaatschap.objects.filter(user=member).exists()
        assert Wijziging.objects.get(pk=wijziging.pk).by == member  # what they did stays
    assert str(member) == "verwijderde gebruiker"


def test_erasure_ends_memberships_only_where_the_requester_facilitates(
    facilitator, member, gemeente_a, gemeente_b
):
    with every_gemeente():
        LidmaatschapFactory(gemeente=gemeente_b, user=member, role=Rol.PROFESSIONAL)
    anonymised = services.persoon_wissen(person=member, by=facilitator)
    assert anonymised is False
    forget_memberships(member)
    assert set(memberships_of(member)) == {gemeente_b.slug}
    member.refresh_from_db()
    assert member.is_active and member.email == "professional@example.org"


def test_erasure_reaches_every_gemeente_the_requester_facilitates(
    facilitator, member, gemeente_a, gemeente_b
):
    with every_gemeente():
        LidmaatschapFactory(gemeente=gemeente_b, user=facilitator, role=Rol.FACILITATOR)
        LidmaatschapFactory(gemeente=gemeente_b, user=member, role=Rol.PROFESSIONAL)
    assert services.persoon_wissen(person=member, by=facilitator) is True
    with every_gemeente():
        assert not Lidmaatschap.objects.filter(user=member).exists()


def test_a_facilitator_cannot_erase_themself(facilitator, gemeente_a):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.persoon_wissen(person=facilitator, by=facilitator)


def test_an_erased_person_can_no_longer_log_in(client, facilitator, member, password):
    services.persoon_wissen(person=member, by=facilitator)
    response = client.post(
        reverse("account_login"), {"login": "professional@example.org", "password": password}
    )
    assert "_auth_user_id" not in client.session
    assert response.status_code == 200


# --- public statements -----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["privacy", "toegankelijkheid"])
def test_the_statements_are_public_and_linked_in_the_footer(client, db, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert "<h1>" in response.text
    assert f'href="{reverse(name)}"' in client.get(reverse("account_login")).text
