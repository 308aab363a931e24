"""The private calendar feed: a token yields exactly its user's meetings across their gemeenten,
never another user's or another gemeente's; a new token kills the old one; revoked gives 404."""

import re

import icalendar
from django.test import Client
from django.urls import reverse

from bijeenkomsten.models import AgendaToken
from gemeenten.models import Lidmaatschap
from kern.permissions import Rol
from tests.factories import LidmaatschapFactory
from tests.scopes import every_gemeente

from .factories import BijeenkomstFactory, DeelnameFactory


def lid(user, gemeente):
    with every_gemeente():
        return Lidmaatschap.objects.get(user=user, gemeente=gemeente)


def summaries(response):
    cal = icalendar.Calendar.from_ical(response.content)
    return sorted(str(e["SUMMARY"]) for e in cal.walk("VEVENT"))


def feed(token):
    return Client().get(reverse("agenda_feed", kwargs={"token": token}))


def test_a_token_yields_its_users_meetings_in_all_their_gemeenten_and_nothing_else(
    gemeente_a, gemeente_b, member, facilitator, outsider
):
    with every_gemeente():
        LidmaatschapFactory(gemeente=gemeente_b, user=member, role=Rol.PROFESSIONAL)
        a1 = BijeenkomstFactory(gemeente=gemeente_a, titel="A uitgenodigd")
        a2 = BijeenkomstFactory(gemeente=gemeente_a, titel="A afgemeld")
        BijeenkomstFactory(gemeente=gemeente_a, titel="A niet uitgenodigd")
        b1 = BijeenkomstFactory(gemeente=gemeente_b, titel="B aangemeld")
        b2 = BijeenkomstFactory(gemeente=gemeente_b, titel="B alleen voor de buitenstaander")
        DeelnameFactory(gemeente=gemeente_a, bijeenkomst=a1, lidmaatschap=lid(member, gemeente_a))
        DeelnameFactory(
            gemeente=gemeente_a,
            bijeenkomst=a2,
            lidmaatschap=lid(member, gemeente_a),
            antwoord="nee",
        )
        DeelnameFactory(
            gemeente=gemeente_b,
            bijeenkomst=b1,
            lidmaatschap=lid(member, gemeente_b),
            antwoord="ja",
        )
        DeelnameFactory(gemeente=gemeente_b, bijeenkomst=b2, lidmaatschap=lid(outsider, gemeente_b))
        DeelnameFactory(
            gemeente=gemeente_a, bijeenkomst=a2, lidmaatschap=lid(facilitator, gemeente_a)
        )
    mine = AgendaToken.objects.create(user=member)
    theirs = AgendaToken.objects.create(user=outsider)
    response = feed(mine.token)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert summaries(response) == ["A uitgenodigd", "B aangemeld"]
    assert summaries(feed(theirs.token)) == ["B alleen voor de buitenstaander"]


def test_a_user_who_left_a_gemeente_no_longer_sees_its_meetings(gemeente_a, member):
    with every_gemeente():
        b = BijeenkomstFactory(gemeente=gemeente_a, titel="A")
        DeelnameFactory(gemeente=gemeente_a, bijeenkomst=b, lidmaatschap=lid(member, gemeente_a))
    token = AgendaToken.objects.create(user=member).token
    assert summaries(feed(token)) == ["A"]
    with every_gemeente():
        Lidmaatschap.objects.filter(user=member).delete()
    assert summaries(feed(token)) == []


def test_a_new_address_kills_the_old_one_and_revoking_gives_404(client, member):
    client.force_login(member)
    client.post(reverse("agenda_token_new"))
    first = AgendaToken.objects.get(user=member).token
    assert feed(first).status_code == 200
    client.post(reverse("agenda_token_new"))
    second = AgendaToken.objects.get(user=member).token
    assert second != first
    assert feed(first).status_code == 404
    client.post(reverse("agenda_token_revoke"))
    assert feed(second).status_code == 404
    assert feed("x" * 43).status_code == 404


def test_the_feed_page_needs_a_login_and_shows_the_address(client, member):
    assert client.get(reverse("agenda")).status_code == 302
    client.force_login(member)
    client.post(reverse("agenda_token_new"))
    token = AgendaToken.objects.get(user=member).token
    assert token in client.get(reverse("agenda")).content.decode()


def test_reminder_preferences_are_saved_per_user(client, member):
    from bijeenkomsten.models import Herinneringsvoorkeur

    client.force_login(member)
    client.post(reverse("agenda"), {"casus_deadline": "on", "actiepunten": "on"})
    voorkeur = Herinneringsvoorkeur.objects.get(user=member)
    assert (voorkeur.casus_deadline, voorkeur.dag_ervoor, voorkeur.actiepunten) == (
        True,
        False,
        True,
    )


def _checks(body):
    """(input, label for, label text) of every checkbox set beside its label."""
    box, label = r'<input type="checkbox"[^>]*>', r'<label for="([^"]+)">([^<]*)</label>'
    return re.findall(rf'<div class="check">({box}) {label}</div>', body)


def test_each_reminder_checkbox_sits_before_its_own_label_in_a_group_with_a_legend(client, member):
    client.force_login(member)
    body = client.get(reverse("agenda")).content.decode()
    (group,) = re.findall(r"<fieldset>\s*<legend>[^<]+</legend>(.*?)</fieldset>", body, re.S)
    checks = _checks(group)
    assert [re.search(r'name="([^"]+)"', box)[1] for box, _for, _text in checks] == [
        "casus_deadline",
        "dag_ervoor",
        "actiepunten",
    ]
    for box, label_for, text in checks:
        assert f'id="{label_for}"' in box  # the label is the box's own
        assert text.strip() and not text.strip().endswith(":")
    assert body.count('type="checkbox"') == 3  # no box outside the group


def test_the_link_is_labelled_explained_and_can_be_renewed_or_withdrawn(client, member):
    client.force_login(member)
    body = client.get(reverse("agenda")).content.decode()
    assert 'id="feed-url"' not in body  # no link yet: a button to make one
    assert f'action="{reverse("agenda_token_new")}"' in body
    client.post(reverse("agenda_token_new"))
    body = client.get(reverse("agenda")).content.decode()
    assert '<label for="feed-url">' in body
    (described_by,) = re.findall(r'<input id="feed-url"[^>]*aria-describedby="([^"]+)"', body)
    assert f'id="{described_by}"' in body
    assert f'action="{reverse("agenda_token_new")}"' in body
    assert f'action="{reverse("agenda_token_revoke")}"' in body
    assert "<h3>" in body  # what to do when the link was shared or is no longer needed
