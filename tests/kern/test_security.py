"""Account security: logout by POST only, reauthentication before changing what guards the
account, the inactivity and absolute session time-outs, and one's own sessions."""

import time

from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession
from django.urls import reverse

from kern.sessions import LOGIN_AT_KEY, TOUCHED_AT_KEY


def log_in(client, user, password):
    response = client.post(reverse("account_login"), {"login": user.email, "password": password})
    assert response.status_code == 302
    return response


def test_a_get_to_logout_does_not_log_out(client, member, password):
    log_in(client, member, password)
    response = client.get(reverse("account_logout"))
    assert response.status_code == 200  # a confirmation page with a form, nothing more
    assert 'method="post"' in response.text
    assert client.get(reverse("home")).status_code == 200
    assert "_auth_user_id" in client.session


def test_a_post_to_logout_logs_out(client, member, password):
    log_in(client, member, password)
    client.post(reverse("account_logout"))
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("home")).status_code == 302


def test_adding_an_e_mail_address_asks_for_the_password_again(client, member):
    client.force_login(member)  # no recent authentication in this session
    response = client.post(
        reverse("account_email"), {"action_add": "", "email": "nieuw@example.org"}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    assert not EmailAddress.objects.filter(email="nieuw@example.org").exists()


def test_after_reauthenticating_an_e_mail_address_can_be_added(client, member, password):
    log_in(client, member, password)
    add = {"action_add": "", "email": "nieuw@example.org"}
    assert client.post(reverse("account_email"), add)["Location"].startswith(
        reverse("account_reauthenticate")
    )
    client.post(reverse("account_reauthenticate"), {"password": password})
    client.post(reverse("account_email"), add)
    assert EmailAddress.objects.filter(user=member, email="nieuw@example.org").exists()


def test_changing_the_password_needs_the_old_one(client, member, password):
    client.force_login(member)
    response = client.post(
        reverse("account_change_password"),
        {
            "oldpassword": "niet-het-wachtwoord",
            "password1": "nieuw-wachtw-93x",
            "password2": "nieuw-wachtw-93x",
        },
    )
    assert response.status_code == 200
    member.refresh_from_db()
    assert member.check_password(password)


def test_setting_up_two_factor_asks_for_the_password_again(client, member):
    client.force_login(member)
    for name in ("mfa_activate_totp", "mfa_generate_recovery_codes"):
        response = client.get(reverse(name))
        assert response.status_code == 302, name
        assert response["Location"].startswith(reverse("account_reauthenticate")), name


def test_an_idle_session_expires_after_the_inactivity_limit(client, member, settings):
    assert settings.SESSION_COOKIE_AGE == settings.SESSION_INACTIVITY_SECONDS
    client.force_login(member)
    client.get(reverse("home"))
    assert client.session.get_expiry_age() == settings.SESSION_INACTIVITY_SECONDS


def expiry_in_database(client):
    from django.contrib.sessions.models import Session

    return Session.objects.get(session_key=client.session.session_key).expire_date


def test_activity_renews_the_session_at_most_once_per_touch_interval(client, member, settings):
    settings.SESSION_TOUCH_SECONDS = 60
    client.force_login(member)
    client.get(reverse("home"))
    touched = expiry_in_database(client)
    response = client.get(reverse("home"))  # within the interval: no write, no new cookie
    assert expiry_in_database(client) == touched
    assert settings.SESSION_COOKIE_NAME not in response.cookies

    session = client.session
    session[TOUCHED_AT_KEY] = int(time.time()) - 61
    session.save()
    saved = expiry_in_database(client)
    response = client.get(reverse("home"))  # after the interval: renewed, with a new cookie
    assert expiry_in_database(client) > saved
    assert settings.SESSION_COOKIE_NAME in response.cookies


def test_a_session_ends_at_the_absolute_limit_even_when_active(client, member, settings):
    settings.SESSION_ABSOLUTE_SECONDS = 3600
    client.force_login(member)
    assert client.get(reverse("home")).status_code == 200
    session = client.session
    assert abs(session[LOGIN_AT_KEY] - time.time()) < 60
    session[LOGIN_AT_KEY] = int(time.time()) - 3601
    session.save()
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session


def test_a_session_within_the_absolute_limit_stays(client, member, settings):
    settings.SESSION_ABSOLUTE_SECONDS = 3600
    client.force_login(member)
    session = client.session
    session[LOGIN_AT_KEY] = int(time.time()) - 3500
    session.save()
    assert client.get(reverse("home")).status_code == 200


def test_a_person_sees_and_ends_their_own_sessions(client, member, password, settings):
    other = type(client)()
    log_in(other, member, password)
    log_in(client, member, password)
    page = client.get(reverse("usersessions_list"))
    assert page.status_code == 200
    assert 'class="site-header"' in page.text  # the house style
    assert UserSession.objects.filter(user=member).count() == 2
    response = client.post(reverse("usersessions_list"))  # end all other sessions
    assert response.status_code == 302
    assert UserSession.objects.filter(user=member).count() == 1
    assert other.get(reverse("home")).status_code == 302
    assert client.get(reverse("home")).status_code == 200


def test_the_account_menu_links_to_the_sessions(client, member):
    client.force_login(member)
    assert reverse("usersessions_list") in client.get(reverse("home")).text
