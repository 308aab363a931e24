"""Answers, attendance, the agenda, casussen brought and the meetings of a series are written
through the write path: each leaves a change in the history, by the person who made it."""

import datetime
from unittest import mock

from django.db.models import QuerySet
from django.utils import timezone

from bijeenkomsten import services
from bijeenkomsten.models import Agendapunt, Bijeenkomst, Deelname
from gemeenten.models import Lidmaatschap, Wijziging
from tests.scopes import every_gemeente

from .conftest import burl

FIRST = QuerySet.first


def history(model, *, by=None):
    with every_gemeente():
        rows = Wijziging.objects.filter(content_type__model=model._meta.model_name)
        if by is not None:
            rows = rows.filter(by=by)
        return list(rows.order_by("pk").values_list("actie", flat=True))


def test_an_answer_and_its_change_are_in_the_history_by_the_member(
    client, member, gemeente_a, bijeenkomst
):
    client.force_login(member)
    url = burl("aanmelden", gemeente_a, pk=bijeenkomst.pk)
    client.post(url, {"antwoord": "ja"}, HTTP_HX_REQUEST="true")
    client.post(url, {"antwoord": "nee"}, HTTP_HX_REQUEST="true")
    assert history(Deelname, by=member) == ["aangemaakt", "gewijzigd"]
    with every_gemeente():
        assert Deelname.objects.get().antwoord == "nee"


def test_a_second_answer_at_the_same_moment_lands_on_the_same_row(member, gemeente_a, bijeenkomst):
    """A double click can make the row between one request's look and its save: the answer
    goes onto the row the other made, not into a refusal."""
    with every_gemeente():
        lid = Lidmaatschap.objects.get(user=member)
        earlier = services.aanmelden(bijeenkomst=bijeenkomst, lidmaatschap=lid, antwoord="ja")
        looked = []

        def first_missing_once(queryset):  # the other request's row, not there yet
            if queryset.model is Deelname and not looked:
                looked.append(queryset)
                return None
            return FIRST(queryset)

        with mock.patch.object(QuerySet, "first", first_missing_once):
            deelname = services.aanmelden(bijeenkomst=bijeenkomst, lidmaatschap=lid, antwoord="nee")
        assert looked
        assert deelname.pk == earlier.pk and Deelname.objects.get().antwoord == "nee"


def test_attendance_and_the_agenda_leave_changes_by_the_facilitator(
    client, facilitator, member, gemeente_a, bijeenkomst
):
    with every_gemeente():
        lid = Lidmaatschap.objects.get(user=member)
        services.aanwezigheid_save(bijeenkomst=bijeenkomst, aanwezig=[lid], by=facilitator)
        services.aanwezigheid_save(bijeenkomst=bijeenkomst, aanwezig=[], by=facilitator)
    assert history(Deelname, by=facilitator) == ["aangemaakt", "gewijzigd"]

    client.force_login(facilitator)
    add = burl("agendapunt_add", gemeente_a, pk=bijeenkomst.pk)
    client.post(add, {"titel": "Opening", "duur_minuten": "15"})
    client.post(add, {"titel": "Rondvraag", "duur_minuten": "10"})
    with every_gemeente():
        rondvraag = Agendapunt.objects.get(titel="Rondvraag")
    client.post(burl("agendapunt_up", gemeente_a, pk=rondvraag.pk))
    client.post(burl("agendapunt_remove", gemeente_a, pk=rondvraag.pk))
    assert history(Agendapunt, by=facilitator) == [
        "aangemaakt",
        "aangemaakt",
        "gewijzigd",  # Rondvraag up
        "gewijzigd",  # Opening down
        "verwijderd",
    ]


def test_every_meeting_of_a_series_is_in_the_history(facilitator, gemeente_a, bijeenkomst):
    with every_gemeente():
        begin = timezone.now() + datetime.timedelta(days=30)
        first = Bijeenkomst(
            gemeente=gemeente_a,
            proeftuin=bijeenkomst.proeftuin,
            titel="Werkgroep",
            begin=begin,
            eind=begin + datetime.timedelta(hours=2),
            casus_deadline=begin - datetime.timedelta(days=7),
        )
        planned = services.bijeenkomst_plan(bijeenkomst=first, by=facilitator, herhalen=2)
    assert len(planned) == 3
    assert history(Bijeenkomst, by=facilitator) == ["aangemaakt"] * 3
