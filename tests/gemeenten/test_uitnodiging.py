"""Invitations: sent by facilitators and beleidsadviseurs, accepted once, refused when stale."""

import json
import re
import time
from unittest import mock

import pytest
from django.core import mail, signing
from django.urls import reverse

from gemeenten.models import Lidmaatschap, Uitnodiging, Wijziging
from kern.models import User
from kern.permissions import Rol
from kern.tenancy import gemeente_scope
from tests.scopes import every_gemeente


def leden_url(gemeente):
    return reverse("gemeenten:leden", kwargs={"gemeente_slug": gemeente.slug})


def invite(client, gemeente, email, role=Rol.PROFESSIONAL, capture=None):
    with capture(execute=True):
        return client.post(leden_url(gemeente), {"email": email, "role": role})


def link_from_mail(message):
    return re.search(r"https?://\S+(/uitnodiging/\S+/)", message.body).group(1)


def test_a_facilitator_invites_and_the_mail_holds_a_personal_link(
    client, facilitator, gemeente_a, django_capture_on_commit_callbacks
):
    client.force_login(facilitator)
    response = invite(
        client, gemeente_a, "Nieuw@Example.org", capture=django_capture_on_commit_callbacks
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["nieuw@example.org"]
    assert gemeente_a.naam in mail.outbox[0].subject
    assert link_from_mail(mail.outbox[0]).startswith("/uitnodiging/")
    with every_gemeente():
        assert Uitnodiging.objects.get().sent_at is not None


def test_a_new_person_accepts_makes_an_account_and_lands_in_the_gemeente(
    client, facilitator, gemeente_a, gemeente_b, django_capture_on_commit_callbacks
):
    client.force_login(facilitator)
    invite(client, gemeente_a, "nieuw@example.org", capture=django_capture_on_commit_callbacks)
    client.logout()
    link = link_from_mail(mail.outbox[0])

    assert client.get(link).status_code == 200  # opening the link uses nothing up
    response = client.post(
        link,
        {"name": "Nina Nieuw", "password1": "lang-en-veilig-77", "password2": "lang-en-veilig-77"},
    )
    assert response.status_code == 302
    assert response["Location"] == gemeente_a.get_absolute_url()
    user = User.objects.get(email="nieuw@example.org")
    assert user.name == "Nina Nieuw"
    with gemeente_scope(gemeente_a):
        assert Lidmaatschap.objects.get(user=user).role == Rol.PROFESSIONAL
    # Logged in, and the new person sees only this gemeente.
    home = client.get(reverse("home"))
    assert gemeente_a.naam in home.text and gemeente_b.naam not in home.text
    assert client.login(email="nieuw@example.org", password="lang-en-veilig-77")


def test_a_refused_account_form_comes_back_filled(client, uitnodiging_factory, gemeente_a):
    uitnodiging = uitnodiging_factory(gemeente=gemeente_a)
    response = client.post(
        uitnodiging.get_accept_url(), {"name": "Piet", "password1": "kort", "password2": "kort"}
    )
    assert response.status_code == 400
    assert 'value="Piet"' in response.text
    assert not User.objects.filter(email=uitnodiging.email).exists()


def test_a_used_link_is_refused(client, uitnodiging_factory, gemeente_a):
    uitnodiging = uitnodiging_factory(gemeente=gemeente_a)
    url = uitnodiging.get_accept_url()
    data = {"name": "Eén", "password1": "lang-en-veilig-77", "password2": "lang-en-veilig-77"}
    assert client.post(url, data).status_code == 302
    client.logout()
    response = client.post(url, data)
    assert response.status_code == 400
    assert "al gebruikt" in response.text


def test_an_expired_link_is_refused(client, uitnodiging_factory, gemeente_a, settings):
    uitnodiging = uitnodiging_factory(gemeente=gemeente_a)
    long_ago = time.time() - (settings.INVITATION_MAX_AGE_DAYS + 1) * 86400
    with mock.patch("django.core.signing.time.time", return_value=long_ago):
        url = uitnodiging.get_accept_url()
    response = client.get(url)
    assert response.status_code == 400
    assert "verlopen" in response.text


def test_a_tampered_link_is_refused(client, uitnodiging_factory, gemeente_a):
    uitnodiging = uitnodiging_factory(gemeente=gemeente_a)
    token = uitnodiging.make_token()
    other = uitnodiging_factory(gemeente=gemeente_a)
    payload, timestamp, signature = token.split(":")
    data = {"id": other.pk, "nonce": other.nonce}
    forged_payload = signing.b64_encode(json.dumps(data, separators=(",", ":")).encode())
    forged = ":".join([forged_payload.decode(), timestamp, signature])
    for bad in (token[:-2] + "xx", forged, "onzin"):
        response = client.get(reverse("uitnodiging_accept", kwargs={"token": bad}))
        assert response.status_code == 400
        assert "niet geldig" in response.text


def test_a_renewed_invitation_makes_the_old_link_useless(
    client, facilitator, gemeente_a, django_capture_on_commit_callbacks
):
    client.force_login(facilitator)
    invite(client, gemeente_a, "twee@example.org", capture=django_capture_on_commit_callbacks)
    invite(client, gemeente_a, "twee@example.org", capture=django_capture_on_commit_callbacks)
    with every_gemeente():
        assert Uitnodiging.objects.filter(email="twee@example.org").count() == 1
    client.logout()
    old, new = (link_from_mail(m) for m in mail.outbox)
    assert client.get(old).status_code == 400
    assert client.get(new).status_code == 200


def test_a_second_invitation_for_an_existing_account_adds_a_membership(
    client, outsider, gemeente_a, gemeente_b, uitnodiging_factory
):
    uitnodiging = uitnodiging_factory(
        gemeente=gemeente_a, email=outsider.email, role=Rol.BESTUURDER
    )
    response = client.get(uitnodiging.get_accept_url())
    assert "password1" not in response.text  # no new account: the existing one is linked
    response = client.post(uitnodiging.get_accept_url())
    assert response.status_code == 302
    assert response["Location"] == reverse("account_login")
    with every_gemeente():
        roles = dict(
            Lidmaatschap.objects.filter(user=outsider).values_list("gemeente__slug", "role")
        )
    assert roles == {gemeente_b.slug: Rol.FACILITATOR, gemeente_a.slug: Rol.BESTUURDER}
    assert User.objects.filter(email=outsider.email).count() == 1


def test_someone_logged_in_as_another_person_cannot_accept(
    client, member, uitnodiging_factory, gemeente_a
):
    uitnodiging = uitnodiging_factory(gemeente=gemeente_a)
    client.force_login(member)
    response = client.post(uitnodiging.get_accept_url())
    assert response.status_code == 403
    with every_gemeente():
        assert Uitnodiging.objects.get(pk=uitnodiging.pk).is_open


def test_a_beleidsadviseur_invites_but_not_as_facilitator(
    client, beleidsadviseur, gemeente_a, django_capture_on_commit_callbacks
):
    client.force_login(beleidsadviseur)
    refused = invite(
        client,
        gemeente_a,
        "baas@example.org",
        role=Rol.FACILITATOR,
        capture=django_capture_on_commit_callbacks,
    )
    assert refused.status_code == 400
    assert not mail.outbox
    accepted = invite(
        client, gemeente_a, "prof@example.org", capture=django_capture_on_commit_callbacks
    )
    assert accepted.status_code == 302
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("who", ["member", "readonly_member"])
def test_professionals_and_bestuurders_cannot_invite(who, request, client, gemeente_a):
    client.force_login(request.getfixturevalue(who))
    page = client.get(leden_url(gemeente_a))
    assert page.status_code == 200 and 'name="email"' not in page.text
    assert (
        client.post(
            leden_url(gemeente_a), {"email": "x@example.org", "role": "professional"}
        ).status_code
        == 403
    )


def test_inviting_a_member_again_says_so_at_the_field(
    client, facilitator, member, gemeente_a, django_capture_on_commit_callbacks
):
    client.force_login(facilitator)
    response = invite(client, gemeente_a, member.email, capture=django_capture_on_commit_callbacks)
    assert response.status_code == 400
    assert "is al lid" in response.text
    assert f'value="{member.email}"' in response.text
    assert not mail.outbox


def test_inviting_and_accepting_are_in_the_history_without_the_links_secret(
    client, facilitator, gemeente_a, django_capture_on_commit_callbacks
):
    client.force_login(facilitator)
    invite(client, gemeente_a, "nieuw@example.org", capture=django_capture_on_commit_callbacks)
    client.logout()
    client.post(
        link_from_mail(mail.outbox[0]),
        {"name": "Nina Nieuw", "password1": "lang-en-veilig-77", "password2": "lang-en-veilig-77"},
    )
    with every_gemeente():
        uitnodiging = Uitnodiging.objects.get()
        nina = User.objects.get(email="nieuw@example.org")
        invited, accepted = Wijziging.objects.of(uitnodiging).order_by("pk")
        (joined,) = Wijziging.objects.of(Lidmaatschap.objects.get(user=nina))
    assert (invited.by, accepted.by, joined.by) == (facilitator, nina, nina)
    assert "email" in invited.changes and "accepted_at" in accepted.changes
    assert joined.changes["role"] == [None, Rol.PROFESSIONAL]
    for change in (invited, accepted):
        assert "nonce" not in change.changes
        assert uitnodiging.nonce not in json.dumps(change.changes)
