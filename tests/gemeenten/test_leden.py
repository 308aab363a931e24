"""The members page: everyone in the gemeente reads it; only a facilitator changes or ends."""

from gemeenten.models import Lidmaatschap
from kern.permissions import Rol
from kern.tenancy import gemeente_scope
from tests.urls import url


def lidmaatschap(user, gemeente):
    with gemeente_scope(gemeente):
        return Lidmaatschap.objects.get(user=user)


def test_a_bestuurder_reads_the_members_but_cannot_change_them(
    client, readonly_member, member, gemeente_a
):
    client.force_login(readonly_member)
    page = client.get(url("leden", gemeente_a))
    assert page.status_code == 200
    assert member.email in page.text
    assert 'name="role"' not in page.text
    target = lidmaatschap(member, gemeente_a)
    assert (
        client.post(url("lid_rol", gemeente_a, pk=target.pk), {"role": "bestuurder"}).status_code
        == 403
    )
    assert client.post(url("lid_beeindigen", gemeente_a, pk=target.pk)).status_code == 403
    assert lidmaatschap(member, gemeente_a).role == Rol.PROFESSIONAL


def test_a_facilitator_changes_a_role(client, facilitator, member, gemeente_a):
    client.force_login(facilitator)
    target = lidmaatschap(member, gemeente_a)
    response = client.post(url("lid_rol", gemeente_a, pk=target.pk), {"role": "beleidsadviseur"})
    assert response.status_code == 302
    assert lidmaatschap(member, gemeente_a).role == Rol.BELEIDSADVISEUR


def test_with_htmx_only_the_row_comes_back(client, facilitator, member, gemeente_a):
    client.force_login(facilitator)
    target = lidmaatschap(member, gemeente_a)
    response = client.post(
        url("lid_rol", gemeente_a, pk=target.pk), {"role": "bestuurder"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert response.text.strip().startswith(f'<tr id="lid-{target.pk}"')
    assert "Opgeslagen" in response.text
    assert lidmaatschap(member, gemeente_a).role == Rol.BESTUURDER


def test_a_nonsense_role_is_refused(client, facilitator, member, gemeente_a):
    client.force_login(facilitator)
    target = lidmaatschap(member, gemeente_a)
    response = client.post(
        url("lid_rol", gemeente_a, pk=target.pk), {"role": "koning"}, follow=True
    )
    assert "Kies een van de rollen" in response.text
    assert lidmaatschap(member, gemeente_a).role == Rol.PROFESSIONAL


def test_ending_a_membership_asks_first_then_ends_it(client, facilitator, member, gemeente_a):
    client.force_login(facilitator)
    target = lidmaatschap(member, gemeente_a)
    confirm = client.get(url("lid_beeindigen", gemeente_a, pk=target.pk))
    assert confirm.status_code == 200 and "Ja, lidmaatschap beëindigen" in confirm.text
    assert lidmaatschap(member, gemeente_a)  # nothing happened on GET
    client.post(url("lid_beeindigen", gemeente_a, pk=target.pk))
    with gemeente_scope(gemeente_a):
        assert not Lidmaatschap.objects.filter(user=member).exists()
    client.force_login(member)
    assert client.get(url("detail", gemeente_a)).status_code == 404


def test_the_last_facilitator_cannot_be_removed_or_demoted(client, facilitator, gemeente_a):
    client.force_login(facilitator)
    own = lidmaatschap(facilitator, gemeente_a)
    response = client.post(
        url("lid_rol", gemeente_a, pk=own.pk), {"role": "professional"}, follow=True
    )
    assert "minstens één facilitator" in response.text
    client.post(url("lid_beeindigen", gemeente_a, pk=own.pk))
    assert lidmaatschap(facilitator, gemeente_a).role == Rol.FACILITATOR


def test_withdrawing_an_invitation_kills_its_link(
    client, facilitator, gemeente_a, uitnodiging_factory
):
    uitnodiging = uitnodiging_factory(gemeente=gemeente_a)
    link = uitnodiging.get_accept_url()
    client.force_login(facilitator)
    assert (
        client.get(url("uitnodiging_intrekken", gemeente_a, pk=uitnodiging.pk)).status_code == 200
    )
    client.post(url("uitnodiging_intrekken", gemeente_a, pk=uitnodiging.pk))
    client.logout()
    assert client.get(link).status_code == 400


def test_a_facilitator_who_hands_over_her_own_role_reloads_the_page_as_her_new_role(
    client, facilitator, member, gemeente_a
):
    with gemeente_scope(gemeente_a):
        Lidmaatschap.objects.filter(user=member).update(role=Rol.FACILITATOR)
    client.force_login(facilitator)
    own = lidmaatschap(facilitator, gemeente_a)
    response = client.post(
        url("lid_rol", gemeente_a, pk=own.pk), {"role": "professional"}, HTTP_HX_REQUEST="true"
    )
    assert response["HX-Redirect"] == url("leden", gemeente_a)
    page = client.get(url("leden", gemeente_a))
    assert 'name="role"' not in page.text
