"""A meeting recorded afterwards (issue 23 point 7): a proeftuin that started before the tool
records its past meetings, marked as such, with attendance and nobody invited."""

import pytest
from django.core.exceptions import ValidationError

from bijeenkomsten import services
from bijeenkomsten.models import Bijeenkomst, Deelname
from gemeenten.models import Lidmaatschap
from tests.scopes import every_gemeente

from .conftest import burl
from .test_planning import local, plan_data


def _past(gemeente, **overrides):
    values = {"begin": local(-30, 14), "eind": local(-30, 16), "achteraf": "on", **overrides}
    return plan_data(gemeente, **values)


def test_a_past_meeting_is_refused_unless_it_is_recorded_afterwards(
    client, facilitator, gemeente_a
):
    client.force_login(facilitator)
    data = _past(gemeente_a)
    del data["achteraf"]
    response = client.post(burl("new", gemeente_a), data)
    assert response.status_code == 400
    # The error itself names the way past.
    assert "vink aan dat ze al gehouden is" in " ".join(response.context["form"].errors["begin"])
    with every_gemeente():
        assert not Bijeenkomst.objects.exists()


def test_a_meeting_recorded_afterwards_is_marked_and_takes_its_attendance(
    client, facilitator, member, gemeente_a
):
    client.force_login(facilitator)
    response = client.post(burl("new", gemeente_a), _past(gemeente_a))
    with every_gemeente():
        bijeenkomst = Bijeenkomst.objects.get()
        lid = Lidmaatschap.objects.get(user=member, gemeente=gemeente_a)
    assert response.status_code == 302
    assert bijeenkomst.achteraf_vastgelegd
    page = client.get(bijeenkomst.get_absolute_url()).content.decode()
    assert "Achteraf vastgelegd" in page
    assert burl("invite", gemeente_a, pk=bijeenkomst.pk) not in page
    assert burl("cancel", gemeente_a, pk=bijeenkomst.pk) not in page
    assert "achteraf vastgelegd" in client.get(burl("list", gemeente_a)).content.decode()
    response = client.post(
        burl("aanwezigheid", gemeente_a, pk=bijeenkomst.pk), {"aanwezig": [lid.pk]}
    )
    assert response.status_code == 302
    with every_gemeente():
        assert Deelname.objects.get(bijeenkomst=bijeenkomst, lidmaatschap=lid).aanwezig


@pytest.mark.parametrize(
    ("overrides", "field"),
    [({"eind": local(3, 16), "begin": local(-1, 14)}, "eind"), ({"herhalen": "2"}, "herhalen")],
)
def test_a_meeting_recorded_afterwards_has_ended_and_is_not_repeated(
    client, facilitator, gemeente_a, overrides, field
):
    client.force_login(facilitator)
    response = client.post(burl("new", gemeente_a), _past(gemeente_a, **overrides))
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    with every_gemeente():
        assert not Bijeenkomst.objects.exists()


def test_nobody_is_invited_to_a_meeting_that_took_place(bijeenkomst, facilitator, member):
    with every_gemeente():
        Bijeenkomst.objects.filter(pk=bijeenkomst.pk).update(
            begin=bijeenkomst.begin.replace(year=2025), eind=bijeenkomst.eind.replace(year=2025)
        )
        bijeenkomst.refresh_from_db()
        lid = Lidmaatschap.objects.get(user=member)
        with pytest.raises(ValidationError):
            services.bijeenkomst_invite(
                bijeenkomst=bijeenkomst, lidmaatschappen=[lid], by=facilitator
            )
        assert not Deelname.objects.filter(bijeenkomst=bijeenkomst).exists()
