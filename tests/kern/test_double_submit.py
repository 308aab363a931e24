"""One object per intent: the same rendered form sent twice (a double click, a resent form)
creates one object, at once or one after the other; two people saving the same name at the
same moment get a form error, never a 500."""

import datetime
import re
import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from gemeenten.models import Commitment, Organisatie
from kern.models import Intent
from tests.gemeenten.test_commitments import mandaat_data
from tests.scopes import every_gemeente

INTENT = re.compile(r'name="intent" value="([0-9a-f]{32})"')


def url(name, gemeente):
    return reverse(f"gemeenten:{name}", kwargs={"gemeente_slug": gemeente.slug})


def intent_of(page) -> str:
    """The token the rendered form carries (every {% csrf_token %} writes one)."""
    tokens = INTENT.findall(page.content.decode())
    assert tokens, "the form has no intent token"
    return tokens[-1]


def test_every_form_gets_a_fresh_intent(client, beleidsadviseur, gemeente_a):
    client.force_login(beleidsadviseur)
    first = intent_of(client.get(url("commitment_new", gemeente_a)))
    second = intent_of(client.get(url("commitment_new", gemeente_a)))
    assert first != second


def test_the_same_form_sent_twice_makes_one_commitment(client, beleidsadviseur, proeftuin):
    gemeente = proeftuin.gemeente
    client.force_login(beleidsadviseur)
    data = {
        **mandaat_data(proeftuin),
        "intent": intent_of(client.get(url("commitment_new", gemeente))),
    }
    first = client.post(url("commitment_new", gemeente), data)
    second = client.post(url("commitment_new", gemeente), data)
    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"]  # the repeat lands where the first did
    with every_gemeente():
        assert Commitment.objects.count() == 1


def test_a_form_refused_once_can_be_sent_again_with_the_same_token(
    client, beleidsadviseur, proeftuin
):
    gemeente = proeftuin.gemeente
    client.force_login(beleidsadviseur)
    token = intent_of(client.get(url("commitment_new", gemeente)))
    refused = client.post(
        url("commitment_new", gemeente),
        {**mandaat_data(proeftuin, toegezegd_op="geen datum"), "intent": token},
    )
    assert refused.status_code == 400
    accepted = client.post(
        url("commitment_new", gemeente), {**mandaat_data(proeftuin), "intent": token}
    )
    assert accepted.status_code == 302
    with every_gemeente():
        assert Commitment.objects.count() == 1


def test_someone_elses_token_is_no_shortcut(client, beleidsadviseur, facilitator, proeftuin):
    gemeente = proeftuin.gemeente
    client.force_login(beleidsadviseur)
    data = {
        **mandaat_data(proeftuin),
        "intent": intent_of(client.get(url("commitment_new", gemeente))),
    }
    first = client.post(url("commitment_new", gemeente), data)
    assert first.status_code == 302
    other = Client()
    other.force_login(facilitator)
    assert other.post(url("commitment_new", gemeente), data).status_code == 302
    with every_gemeente():
        assert Commitment.objects.count() == 2
    # The first sender's claim is left as it was: their repeat still lands where it went.
    assert client.post(url("commitment_new", gemeente), data)["Location"] == first["Location"]
    with every_gemeente():
        assert Commitment.objects.count() == 2


def _at_once(count, send):
    """``send(i)`` in ``count`` threads released together; their responses."""
    barrier = threading.Barrier(count)
    responses = [None] * count

    def run(i):
        barrier.wait()
        try:
            responses[i] = send(i)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return responses


needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite locks the whole database for a write"
)


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_double_click_sent_at_once_makes_one_commitment(beleidsadviseur, proeftuin):
    gemeente = proeftuin.gemeente
    clients = [Client(), Client()]
    for each in clients:
        each.force_login(beleidsadviseur)
    data = {
        **mandaat_data(proeftuin),
        "intent": intent_of(clients[0].get(url("commitment_new", gemeente))),
    }
    responses = _at_once(2, lambda i: clients[i].post(url("commitment_new", gemeente), data))
    assert [r.status_code for r in responses] == [302, 302]
    assert responses[0]["Location"] == responses[1]["Location"]
    with every_gemeente():
        assert Commitment.objects.count() == 1
    assert Intent.objects.filter(done=True).count() == 1


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_partners_with_one_name_at_once_give_a_form_error(facilitator, gemeente_a):
    clients = [Client(), Client()]
    for each in clients:
        each.force_login(facilitator)
    data = {"naam": "Thuiszorg Oost", "soort": "wijkverpleging", "domein": "zorg"}
    responses = _at_once(2, lambda i: clients[i].post(url("partner_new", gemeente_a), data))
    assert sorted(r.status_code for r in responses) == [302, 400]
    refused = next(r for r in responses if r.status_code == 400)
    assert "Thuiszorg Oost" in refused.content.decode()  # the input is still there
    with every_gemeente():
        assert Organisatie.objects.filter(naam="Thuiszorg Oost").count() == 1


def test_a_partner_name_taken_already_is_a_form_error(client, facilitator, gemeente_a):
    client.force_login(facilitator)
    data = {"naam": "Welzijn A", "soort": "welzijn", "domein": "sociaal"}  # made by the fixture
    response = client.post(url("partner_new", gemeente_a), data)
    assert response.status_code == 400
    with every_gemeente():
        assert Organisatie.objects.filter(naam="Welzijn A").count() == 1


def test_tokens_older_than_a_day_are_forgotten_by_the_hourly_task(beleidsadviseur):
    from celery import current_app

    from kern import intents, tasks

    fresh = Intent.objects.create(token="a" * 32, user_id=beleidsadviseur.pk)
    old = Intent.objects.create(token="b" * 32, user_id=beleidsadviseur.pk)
    Intent.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - intents.KEEP - datetime.timedelta(minutes=1)
    )
    assert tasks.forget_intents.apply().get() == 1
    assert list(Intent.objects.values_list("pk", flat=True)) == [fresh.pk]
    entry = current_app.conf.beat_schedule[tasks.BEAT_FORGET_INTENTS]
    assert entry["task"] == "kern.tasks.forget_intents"
