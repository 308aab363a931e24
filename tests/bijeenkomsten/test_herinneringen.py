"""Reminders: who gets which one, each once, and opting out."""

import datetime

from django.utils import timezone

from bijeenkomsten import herinneringen
from bijeenkomsten.models import Herinneringsvoorkeur, VerzondenHerinnering
from bijeenkomsten.tasks import herinneringen as herinneringen_task
from gemeenten.models import Lidmaatschap
from tests.scopes import every_gemeente

from .factories import ActiepuntFactory, BijeenkomstFactory, DeelnameFactory

NOW = timezone.make_aware(datetime.datetime(2026, 12, 1, 10, 0))


def at(day, hour):
    return timezone.make_aware(datetime.datetime(2026, 12, day, hour, 0))


def lid(user):
    with every_gemeente():
        return Lidmaatschap.objects.get(user=user)


def test_the_day_before_goes_to_invitees_and_yes_sayers_not_to_those_who_said_no(
    gemeente_a, facilitator, member, readonly_member, beleidsadviseur, mailbox
):
    with every_gemeente():
        morgen = BijeenkomstFactory(gemeente=gemeente_a, begin=at(2, 19), eind=at(2, 21))
        overmorgen = BijeenkomstFactory(gemeente=gemeente_a, begin=at(3, 9), eind=at(3, 11))
        DeelnameFactory(
            gemeente=gemeente_a, bijeenkomst=morgen, lidmaatschap=lid(member), uitgenodigd_at=NOW
        )
        DeelnameFactory(
            gemeente=gemeente_a,
            bijeenkomst=morgen,
            lidmaatschap=lid(readonly_member),
            uitgenodigd_at=NOW,
            antwoord="nee",
        )
        DeelnameFactory(
            gemeente=gemeente_a,
            bijeenkomst=morgen,
            lidmaatschap=lid(beleidsadviseur),
            antwoord="misschien",
        )
        DeelnameFactory(
            gemeente=gemeente_a,
            bijeenkomst=overmorgen,
            lidmaatschap=lid(facilitator),
            uitgenodigd_at=NOW,
        )
    with every_gemeente():
        due = herinneringen.due(NOW)
    assert sorted((h.soort, h.user.email) for h in due) == [
        ("dag_ervoor", beleidsadviseur.email),
        ("dag_ervoor", member.email),
    ]


def test_overdue_action_items_remind_their_owner_once(gemeente_a, member, facilitator, mailbox):
    with every_gemeente():
        b = BijeenkomstFactory(gemeente=gemeente_a, begin=at(1, 8), eind=at(1, 9))
        te_laat = ActiepuntFactory(
            gemeente=gemeente_a,
            bijeenkomst=b,
            eigenaar=lid(member),
            deadline=datetime.date(2026, 11, 30),
        )
        ActiepuntFactory(  # done
            gemeente=gemeente_a,
            bijeenkomst=b,
            eigenaar=lid(member),
            deadline=datetime.date(2026, 11, 30),
            gedaan_at=NOW,
        )
        ActiepuntFactory(  # deadline today: not yet past
            gemeente=gemeente_a,
            bijeenkomst=b,
            eigenaar=lid(facilitator),
            deadline=datetime.date(2026, 12, 1),
        )
    from kern.tenancy import gemeente_scope

    with gemeente_scope(gemeente_a):
        assert herinneringen.send_due(NOW) == 1
        assert herinneringen.send_due(NOW) == 0  # once
    assert [m.to for m in mailbox] == [[member.email]]
    assert "Actiepunt" in mailbox[0].body
    with every_gemeente():
        (sent,) = VerzondenHerinnering.objects.all()
        assert (sent.soort, sent.object_id, sent.user) == ("actiepunten", te_laat.pk, member)


def test_someone_who_opted_out_gets_none(gemeente_a, member, mailbox):
    Herinneringsvoorkeur.objects.create(user=member, dag_ervoor=False)
    with every_gemeente():
        morgen = BijeenkomstFactory(gemeente=gemeente_a, begin=at(2, 10), eind=at(2, 12))
        DeelnameFactory(
            gemeente=gemeente_a, bijeenkomst=morgen, lidmaatschap=lid(member), uitgenodigd_at=NOW
        )
        assert herinneringen.due(NOW) == []


def test_the_beat_task_sends_each_gemeente_its_own_and_nothing_twice(
    gemeente_a, gemeente_b, member, outsider, mailbox, monkeypatch
):
    monkeypatch.setattr(herinneringen.timezone, "now", lambda: NOW)
    with every_gemeente():
        for gemeente, user in ((gemeente_a, member), (gemeente_b, outsider)):
            b = BijeenkomstFactory(gemeente=gemeente, begin=at(2, 10), eind=at(2, 12))
            DeelnameFactory(
                gemeente=gemeente, bijeenkomst=b, lidmaatschap=lid(user), uitgenodigd_at=NOW
            )
    herinneringen_task.delay()
    herinneringen_task.delay()
    assert sorted(m.to[0] for m in mailbox) == sorted([member.email, outsider.email])


def test_the_reminders_are_on_the_beat_schedule():
    from proeftuin.celery import app

    entry = app.conf.beat_schedule["bijeenkomsten-herinneringen"]
    assert entry["task"] == "bijeenkomsten.tasks.herinneringen"
