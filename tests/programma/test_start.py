"""First start of an installation: ``manage.py programma_start`` makes the first programme-team
account without asking anything and prints a one-time login link; and the demo's programme
account."""

import io

import pytest
from allauth.account.models import EmailAddress
from django.core.management import CommandError, call_command
from django.urls import reverse

from kern.models import ProgrammaRol, User
from programma.demo import PROGRAMMA_ACCOUNT, load_programma_demo


@pytest.fixture(autouse=True)
def _no_one_at_the_keyboard(monkeypatch):
    """A deployment script answers no question: any prompt fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("the command asked something")

    monkeypatch.setattr("builtins.input", refuse)
    monkeypatch.setattr("getpass.getpass", refuse)


def start(*args):
    out = io.StringIO()
    call_command("programma_start", *args, stdout=out)
    return out.getvalue()


def link_path(output, settings):
    link = next(line for line in output.splitlines() if line.startswith(settings.SITE_URL))
    return link.removeprefix(settings.SITE_URL.rstrip("/"))


@pytest.mark.django_db
def test_the_command_makes_the_account_without_asking(settings):
    output = start("--email", "Eerste@Agora.nl", "--name", "Eerste Persoon")
    user = User.objects.get(email="eerste@agora.nl")
    assert user.programma_rol == ProgrammaRol.PROGRAMMATEAM
    assert not user.has_usable_password()
    assert EmailAddress.objects.get(user=user).verified
    assert link_path(output, settings).startswith("/accounts/password/reset/key/")


@pytest.mark.django_db
def test_the_link_sets_a_password_once_and_then_logs_in(client, settings):
    path = link_path(start("--email", "eerste@agora.nl"), settings)
    response = client.get(path, follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else path
    new = "een-lang-nieuw-wachtwoord-42"
    response = client.post(form_url, {"password1": new, "password2": new})
    assert response.status_code == 302
    user = User.objects.get(email="eerste@agora.nl")
    assert user.check_password(new)

    # The same link a second time: its token was made from the password it replaced.
    other = type(client)()
    response = other.get(path, follow=True)
    assert response.context["token_fail"]

    assert client.login(email="eerste@agora.nl", password=new)
    assert client.get(reverse("programma:overzicht")).status_code == 200


@pytest.mark.django_db
def test_running_it_again_prints_a_new_link_and_makes_no_second_account(settings):
    start("--email", "eerste@agora.nl")
    output = start("--email", "eerste@agora.nl", "--link-only")
    assert User.objects.filter(email="eerste@agora.nl").count() == 1
    assert output.strip().startswith(settings.SITE_URL)


@pytest.mark.django_db
def test_an_existing_account_joins_the_programme_team(facilitator):
    start("--email", facilitator.email)
    facilitator.refresh_from_db()
    assert facilitator.programma_rol == ProgrammaRol.PROGRAMMATEAM
    assert facilitator.has_usable_password()  # kept: the link is only a way in


@pytest.mark.django_db
@pytest.mark.parametrize("email", ["geen-adres", ""])
def test_a_wrong_address_is_refused_and_nothing_is_made(email):
    with pytest.raises(CommandError):
        start("--email", email)
    assert not User.objects.exists()


@pytest.mark.django_db
def test_the_demo_has_a_programme_team_account(client):
    load_programma_demo({})
    load_programma_demo({})  # idempotent
    email, _name = PROGRAMMA_ACCOUNT
    assert User.objects.get(email=email).programma_rol == ProgrammaRol.PROGRAMMATEAM
    assert client.login(email=email, password="demo-proeftuin")
