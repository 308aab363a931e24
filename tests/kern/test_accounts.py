"""Accounts: no open sign-up, MFA required for facilitators when set, login rate limits."""

import pytest
from allauth.mfa.models import Authenticator
from django.test import Client
from django.urls import reverse


def test_there_is_no_open_sign_up(client, db):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "zomaar@example.org",
            "password1": "lang-en-veilig-77",
            "password2": "lang-en-veilig-77",
        },
    )
    from kern.models import User

    assert not User.objects.filter(email="zomaar@example.org").exists()
    assert response.status_code in (200, 302, 403)


def test_logging_in_by_e_mail_address(client, member, password):
    response = client.post(reverse("account_login"), {"login": member.email, "password": password})
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 200


@pytest.fixture
def mfa_required(settings):
    settings.MFA_REQUIRED_FOR_FACILITATORS = True


def test_a_facilitator_without_mfa_is_sent_to_set_it_up(
    mfa_required, client, facilitator, gemeente_a, password
):
    login = client.post(
        reverse("account_login"), {"login": facilitator.email, "password": password}
    )
    assert login.status_code == 302
    for page in (gemeente_a.get_absolute_url(), reverse("home")):
        response = client.get(page)
        assert response.status_code == 302
        assert response["Location"] == reverse("mfa_activate_totp")
    # allauth asks for the password once more before a second factor is set up.
    activate = client.get(reverse("mfa_activate_totp"), follow=True)
    assert activate.redirect_chain[-1][0].startswith(reverse("account_reauthenticate"))
    client.post(activate.redirect_chain[-1][0], {"password": password})
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    assert 'name="code"' in page.text


def test_a_facilitator_with_totp_gets_in(mfa_required, client, facilitator, gemeente_a):
    Authenticator.objects.create(
        user=facilitator, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
    )
    client.force_login(facilitator)
    assert client.get(gemeente_a.get_absolute_url()).status_code == 200


def test_other_roles_are_not_forced_to_use_mfa(mfa_required, client, member, gemeente_a):
    client.force_login(member)
    assert client.get(gemeente_a.get_absolute_url()).status_code == 200


def test_repeated_failed_logins_are_stopped(client, member, password, settings):
    # allauth keeps its counters in the cache. A private in-memory cache keeps this test free of
    # whatever else the shared Redis database holds at the moment (it was flaky on Redis once).
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "rate-limit-test",
        }
    }
    for _ in range(5):
        response = client.post(
            reverse("account_login"), {"login": member.email, "password": "fout"}
        )
        assert response.status_code == 200
    response = client.post(reverse("account_login"), {"login": member.email, "password": password})
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session
    assert "Te veel inlogpogingen" in response.text


@pytest.fixture
def behind_the_proxy(settings):
    """The production shape: one reverse proxy (REMOTE_ADDR) that appends the client's address
    to X-Forwarded-For; a private in-memory cache for allauth's counters (as above)."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1  # TRUSTED_PROXY_COUNT=1
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "3/m/ip"}
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "proxy-rate-limit-test",
        }
    }
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    return lambda client_ip: {**proxy, "HTTP_X_FORWARDED_FOR": client_ip}


def test_a_lockout_behind_the_proxy_locks_out_that_address_only(
    client, member, password, behind_the_proxy
):
    attacker = behind_the_proxy("203.0.113.9")
    for _ in range(3):
        client.post(
            reverse("account_login"), {"login": "x@example.org", "password": "f"}, **attacker
        )
    refused = client.post(
        reverse("account_login"), {"login": member.email, "password": password}, **attacker
    )
    assert "_auth_user_id" not in client.session
    assert "Te veel inlogpogingen" in refused.text

    colleague = Client()
    response = colleague.post(
        reverse("account_login"),
        {"login": member.email, "password": password},
        **behind_the_proxy("198.51.100.7"),
    )
    assert response.status_code == 302
    assert "_auth_user_id" in colleague.session
