"""The programme team's pages: a gemeente with its proeftuin from the template, facilitators
appointed and removed, every proeftuin's phase and health, archive, restore, export and the
deletion of a test proeftuin; every action audited."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from bijeenkomsten.models import Bijeenkomst
from casussen.models import Succesfactor
from gemeenten.models import AuditRegel, Gemeente, Lidmaatschap, Proeftuin, Uitnodiging
from kern.permissions import Rol
from tests import factories
from tests.scopes import every_gemeente

NEW = "programma:gemeente_new"


def new_gemeente(client, **overrides):
    start = timezone.localdate() + datetime.timedelta(days=7)
    data = {
        "naam": "Test-Oost",
        "gemeentecode": "GM9001",
        "provincie": "gelderland",
        "start": start.isoformat(),
        "proeftuin_naam": "",
        "facilitator": "",
        **overrides,
    }
    return client.post(reverse(NEW), data)


def audit_actions(gemeente):
    with every_gemeente():
        return sorted(
            (r.content_type.model, r.actie)
            for r in AuditRegel.objects.filter(gemeente=gemeente).select_related("content_type")
        )


def test_the_overview_shows_every_proeftuin_with_its_phase(team_client, gemeente_a, gemeente_b):
    response = team_client.get(reverse("programma:overzicht"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Proeftuin A" in body and "Geheime proeftuin B" in body
    assert "Amersfoort-Test" in body and "Bergen-Test" in body


def test_a_gemeente_is_created_with_its_proeftuin_from_the_template(team_client, programmateam):
    response = new_gemeente(team_client)
    gemeente = Gemeente.objects.get(gemeentecode="GM9001")
    assert response.status_code == 302
    assert response["Location"] == reverse("programma:gemeente", kwargs={"pk": gemeente.pk})
    assert (gemeente.naam, gemeente.slug, gemeente.provincie) == (
        "Test-Oost",
        "test-oost",
        "gelderland",
    )
    with every_gemeente():
        proeftuin = Proeftuin.objects.get(gemeente=gemeente)
        soorten = list(
            Bijeenkomst.objects.filter(proeftuin=proeftuin).values_list("soort", flat=True)
        )
        factoren = list(
            Succesfactor.objects.filter(gemeente=gemeente).values_list("naam", flat=True)
        )
    assert proeftuin.naam == "Léven tot het Einde Test-Oost"
    assert proeftuin.eind == proeftuin.start.replace(year=proeftuin.start.year + 1)
    assert proeftuin.sjabloon["succesfactoren"] and proeftuin.sjabloon["fase_punten"]["verankering"]
    # Startbijeenkomst, two inventarisaties, the six-weekly series of five, the oogst.
    assert soorten.count("startbijeenkomst") == 1 and soorten.count("inventarisatie") == 2
    assert soorten.count("zesweeks") == 5 and soorten.count("oogst") == 1
    assert factoren == [f["naam"] for f in proeftuin.sjabloon["succesfactoren"]]
    assert ("gemeente", "create") in audit_actions(gemeente)
    assert ("proeftuin", "create") in audit_actions(gemeente)


def test_a_duplicate_gemeentecode_is_refused_and_nothing_is_written(team_client, gemeente_a):
    Gemeente.objects.filter(pk=gemeente_a.pk).update(gemeentecode="GM9001")
    with every_gemeente():
        before = (Gemeente.objects.count(), Proeftuin.objects.count(), AuditRegel.objects.count())
    response = new_gemeente(team_client, naam="Test-West", gemeentecode="gm9001")
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert list(errors) == ["gemeentecode"]
    assert (
        "already exists" in errors["gemeentecode"][0] or "bestaat al" in errors["gemeentecode"][0]
    )
    assert 'value="Test-West"' in response.content.decode()  # the input is kept
    with every_gemeente():
        after = (Gemeente.objects.count(), Proeftuin.objects.count(), AuditRegel.objects.count())
    assert after == before


@pytest.mark.parametrize("code", ["0363", "GM363", "GM03633", "XX0363", "GM 0363"])
def test_a_gemeentecode_is_gm_and_four_digits(team_client, code):
    response = new_gemeente(team_client, gemeentecode=code)
    assert response.status_code == 400
    assert "gemeentecode" in response.context["form"].errors
    assert not Gemeente.objects.filter(naam="Test-Oost").exists()


def test_the_slug_follows_from_the_name_and_stays_unique(team_client):
    Gemeente.objects.create(naam="Bergen", slug="bergen-nh")
    new_gemeente(team_client, naam="Bergen (NH)")
    assert Gemeente.objects.get(naam="Bergen (NH)").slug == "bergen-nh-2"


def test_a_new_facilitator_by_email_is_invited_and_audited(
    team_client, gemeente_a, django_capture_on_commit_callbacks
):
    url = reverse("programma:gemeente", kwargs={"pk": gemeente_a.pk})
    with django_capture_on_commit_callbacks(execute=True):
        response = team_client.post(url, {"email": "Nieuw@Example.org"})
    assert response.status_code == 302
    with every_gemeente():
        uitnodiging = Uitnodiging.objects.get(gemeente=gemeente_a, email="nieuw@example.org")
    assert uitnodiging.role == Rol.FACILITATOR
    assert mail.outbox and mail.outbox[-1].to == ["nieuw@example.org"]
    assert ("uitnodiging", "create") in audit_actions(gemeente_a)


def test_an_account_holder_becomes_facilitator_at_once(team_client, gemeente_a, member, outsider):
    url = reverse("programma:gemeente", kwargs={"pk": gemeente_a.pk})
    team_client.post(url, {"email": member.email})  # a professional here: changes role
    team_client.post(url, {"email": outsider.email})  # facilitator elsewhere: a new membership
    with every_gemeente():
        roles = dict(
            Lidmaatschap.objects.filter(gemeente=gemeente_a).values_list("user__email", "role")
        )
    assert roles[member.email] == roles[outsider.email] == Rol.FACILITATOR
    assert ("lidmaatschap", "change") in audit_actions(gemeente_a)
    assert ("lidmaatschap", "create") in audit_actions(gemeente_a)


def test_appointing_a_facilitator_twice_says_so(team_client, gemeente_a, facilitator):
    url = reverse("programma:gemeente", kwargs={"pk": gemeente_a.pk})
    response = team_client.post(url, {"email": facilitator.email})
    assert response.status_code == 400
    assert response.context["form"].errors["email"]


def test_a_removed_facilitator_loses_access_at_once_in_an_open_session(
    client, team_client, gemeente_a, facilitator
):
    from django.test import Client

    own = Client()
    own.force_login(facilitator)
    detail = reverse("gemeenten:detail", kwargs={"gemeente_slug": gemeente_a.slug})
    assert own.get(detail).status_code == 200
    with every_gemeente():
        lid = Lidmaatschap.objects.get(user=facilitator)
    response = team_client.post(reverse("programma:facilitator_remove", kwargs={"pk": lid.pk}))
    assert response.status_code == 302
    assert own.get(detail).status_code == 404
    assert ("lidmaatschap", "delete") in audit_actions(gemeente_a)


def test_an_archived_proeftuin_is_read_only_out_of_the_lists_and_restorable(
    team_client, gemeente_a, proeftuin, facilitator
):
    from django.test import Client

    own = Client()
    own.force_login(facilitator)
    archive = reverse("programma:proeftuin_archive", kwargs={"pk": proeftuin.pk})
    assert team_client.post(archive).status_code == 302
    with every_gemeente():
        proeftuin.refresh_from_db()
    assert proeftuin.is_gearchiveerd
    assert "Proeftuin A" not in own.get(reverse("home")).content.decode()
    assert "Proeftuin A" not in own.get(reverse("overzicht")).content.decode()
    edit = reverse(
        "gemeenten:proeftuin_edit", kwargs={"gemeente_slug": gemeente_a.slug, "pk": proeftuin.pk}
    )
    data = {
        "naam": "Anders",
        "start": "2026-01-01",
        "eind": "2026-12-31",
        "version": proeftuin.version,
    }
    assert own.post(edit, data).status_code == 403
    detail = reverse(
        "gemeenten:proeftuin", kwargs={"gemeente_slug": gemeente_a.slug, "pk": proeftuin.pk}
    )
    assert own.get(detail).status_code == 200  # still readable

    assert team_client.post(archive).status_code == 302  # restore
    with every_gemeente():
        proeftuin.refresh_from_db()
    assert not proeftuin.is_gearchiveerd
    assert "Proeftuin A" in own.get(reverse("home")).content.decode()
    assert own.post(edit, {**data, "version": proeftuin.version}).status_code == 302
    assert audit_actions(gemeente_a).count(("proeftuin", "change")) == 2


def test_rows_of_an_archived_proeftuin_cannot_be_written(gemeente_a, proeftuin, facilitator):
    from kern import writes

    with every_gemeente():
        bijeenkomst = factories_bijeenkomst(gemeente_a, proeftuin)
        Proeftuin.objects.filter(pk=proeftuin.pk).update(gearchiveerd_op=timezone.now())
        bijeenkomst.titel = "Anders"
        with pytest.raises(writes.ReadOnly):
            writes.save(bijeenkomst, by=facilitator)
        with pytest.raises(writes.ReadOnly):
            writes.delete(bijeenkomst, by=facilitator)


def factories_bijeenkomst(gemeente, proeftuin):
    from tests.bijeenkomsten.factories import BijeenkomstFactory

    return BijeenkomstFactory(gemeente=gemeente, proeftuin=proeftuin)


def test_a_test_proeftuin_is_deleted_only_after_its_export_and_its_name(
    team_client, gemeente_a, proeftuin
):
    url = reverse("programma:proeftuin_delete", kwargs={"pk": proeftuin.pk})
    response = team_client.post(url, {"naam": "Proeftuin A"})
    assert response.status_code == 400  # no export yet
    with every_gemeente():
        assert Proeftuin.objects.filter(pk=proeftuin.pk).exists()

    export = team_client.get(reverse("programma:proeftuin_export", kwargs={"pk": proeftuin.pk}))
    assert export.status_code == 200 and export["Content-Type"] == "application/zip"
    assert team_client.post(url, {"naam": "proeftuin a"}).status_code == 400  # not its name
    with every_gemeente():
        assert Proeftuin.objects.filter(pk=proeftuin.pk).exists()

    assert team_client.post(url, {"naam": " Proeftuin A "}).status_code == 302
    with every_gemeente():
        assert not Proeftuin.objects.filter(pk=proeftuin.pk).exists()
    actions = audit_actions(gemeente_a)
    assert ("proeftuin", "export") in actions and ("proeftuin", "delete") in actions


def test_members_of_a_gemeente_cannot_open_the_programme_pages(client, facilitator, gemeente_a):
    client.force_login(facilitator)
    assert client.get(reverse("programma:overzicht")).status_code == 403
    assert new_gemeente(client).status_code == 403
    assert not Gemeente.objects.filter(naam="Test-Oost").exists()


def test_the_home_page_leads_the_programme_team_to_its_pages(team_client):
    body = team_client.get(reverse("home")).content.decode()
    assert reverse("programma:overzicht") in body


def test_the_programme_team_needs_a_second_factor_when_required(team_client, settings):
    settings.MFA_REQUIRED_FOR_FACILITATORS = True
    response = team_client.get(reverse("programma:overzicht"))
    assert response.status_code == 302 and response["Location"] == reverse("mfa_activate_totp")


def test_a_programme_role_taken_away_ends_access_at_once(team_client, programmateam):
    programmateam.programma_rol = ""
    programmateam.save()
    assert team_client.get(reverse("programma:overzicht")).status_code == 403


def test_audit_of_a_gemeente_shows_the_programme_team(team_client, programmateam):
    new_gemeente(team_client)
    gemeente = Gemeente.objects.get(gemeentecode="GM9001")
    with every_gemeente():
        users = set(AuditRegel.objects.filter(gemeente=gemeente).values_list("user", flat=True))
    assert users == {programmateam.pk}


def test_the_facilitator_removal_page_warns_for_the_last_one(team_client, facilitator):
    with every_gemeente():
        lid = Lidmaatschap.objects.get(user=facilitator)
    response = team_client.get(reverse("programma:facilitator_remove", kwargs={"pk": lid.pk}))
    assert response.status_code == 200 and response.context["laatste"]


def test_a_gemeente_with_a_facilitator_at_once(team_client, facilitator):
    new_gemeente(team_client, facilitator=facilitator.email)
    gemeente = Gemeente.objects.get(gemeentecode="GM9001")
    with every_gemeente():
        assert Lidmaatschap.objects.get(gemeente=gemeente, user=facilitator).role == Rol.FACILITATOR


def test_uses_factories_module():
    assert factories.GemeenteFactory
