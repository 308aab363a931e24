"""The agenda: add, reorder and remove in place with htmx (and as plain forms), duplicates
refused, the total checked against the meeting's length."""

from bijeenkomsten.models import Agendapunt
from tests.casussen.factories import CasusFactory
from tests.scopes import every_gemeente

from .conftest import burl
from .factories import AgendapuntFactory


def titels():
    with every_gemeente():
        return list(Agendapunt.objects.order_by("volgorde", "pk").values_list("titel", flat=True))


def test_items_are_added_in_order_and_the_fragment_comes_back(
    client, facilitator, gemeente_a, bijeenkomst
):
    client.force_login(facilitator)
    url = burl("agendapunt_add", gemeente_a, pk=bijeenkomst.pk)
    client.post(url, {"titel": "Opening", "duur_minuten": "15"}, HTTP_HX_REQUEST="true")
    response = client.post(
        url, {"titel": "Casus  van de\twijk", "duur_minuten": "45"}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<section id="agenda"') and "<html" not in body
    assert titels() == ["Opening", "Casus van de wijk"]
    assert "60" in body and "120" in body  # together 60 of the 120 minutes


def test_a_duplicate_item_is_refused_and_the_input_stays(
    client, facilitator, gemeente_a, bijeenkomst
):
    with every_gemeente():
        AgendapuntFactory(gemeente=gemeente_a, bijeenkomst=bijeenkomst, titel="Opening")
    client.force_login(facilitator)
    response = client.post(
        burl("agendapunt_add", gemeente_a, pk=bijeenkomst.pk),
        {"titel": " opening ", "duur_minuten": "10"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "already on the agenda" in body or "staat al op de agenda" in body
    assert 'value=" opening "' in body
    assert titels() == ["Opening"]


def test_a_longer_agenda_than_the_meeting_is_flagged(client, facilitator, gemeente_a, bijeenkomst):
    with every_gemeente():
        AgendapuntFactory(gemeente=gemeente_a, bijeenkomst=bijeenkomst, duur_minuten=100)
        AgendapuntFactory(gemeente=gemeente_a, bijeenkomst=bijeenkomst, duur_minuten=30)
    client.force_login(facilitator)
    html = client.get(bijeenkomst.get_absolute_url()).content.decode()
    assert "Samen 130 van de 120 minuten van de bijeenkomst." in html  # it lasts 120 minutes
    assert "De agenda is langer dan de bijeenkomst." in html


def test_items_move_up_and_down_and_are_removed(client, facilitator, gemeente_a, bijeenkomst):
    with every_gemeente():
        a, b, c = (
            AgendapuntFactory(gemeente=gemeente_a, bijeenkomst=bijeenkomst, titel=t, volgorde=n)
            for n, t in enumerate("ABC")
        )
    client.force_login(facilitator)
    client.post(burl("agendapunt_up", gemeente_a, pk=c.pk), HTTP_HX_REQUEST="true")
    assert titels() == ["A", "C", "B"]
    response = client.post(burl("agendapunt_down", gemeente_a, pk=a.pk))
    assert response.status_code == 302  # without JavaScript: back to the page
    assert titels() == ["C", "A", "B"]
    client.post(burl("agendapunt_up", gemeente_a, pk=c.pk), HTTP_HX_REQUEST="true")
    assert titels() == ["C", "A", "B"]  # the first stays first
    client.post(burl("agendapunt_remove", gemeente_a, pk=a.pk), HTTP_HX_REQUEST="true")
    assert titels() == ["C", "B"]


def test_a_member_cannot_change_the_agenda(client, member, gemeente_a, bijeenkomst):
    with every_gemeente():
        punt = AgendapuntFactory(gemeente=gemeente_a, bijeenkomst=bijeenkomst)
    client.force_login(member)
    url = burl("agendapunt_add", gemeente_a, pk=bijeenkomst.pk)
    assert client.post(url, {"titel": "X", "duur_minuten": "5"}).status_code == 403
    assert client.post(burl("agendapunt_remove", gemeente_a, pk=punt.pk)).status_code == 403
    assert len(titels()) == 1


def test_the_casus_choice_offers_the_submitted_casussen_by_number_and_title(
    client, facilitator, gemeente_a, bijeenkomst
):
    with every_gemeente():
        ingediend = CasusFactory(
            gemeente=gemeente_a,
            proeftuin=bijeenkomst.proeftuin,
            status="ingediend",
            titel='Meneer "K" <thuis> & alleen',
        )
        CasusFactory(gemeente=gemeente_a, proeftuin=bijeenkomst.proeftuin, titel="Een concept")
    client.force_login(facilitator)
    body = client.get(burl("detail", gemeente_a, pk=bijeenkomst.pk)).content.decode()
    assert (
        f'<option value="{ingediend.pk}">#{ingediend.pk} Meneer &quot;K&quot; &lt;thuis&gt;'
        " &amp; alleen</option>"
    ) in body
    assert "Een concept" not in body
    # Chosen twice, it comes back with the choice kept and the error said.
    url = burl("agendapunt_add", gemeente_a, pk=bijeenkomst.pk)
    client.post(url, {"casus": ingediend.pk, "duur_minuten": "30"})
    response = client.post(url, {"casus": ingediend.pk, "duur_minuten": "30"})
    assert response.status_code == 400
    assert f'<option value="{ingediend.pk}" selected>' in response.content.decode()
