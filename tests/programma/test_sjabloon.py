"""The proeftuin template: its default content is what the apps seed today, the programme team
edits it, and each proeftuin keeps its own copy."""

import datetime

from django.urls import reverse
from django.utils import timezone

from bijeenkomsten.models import Bijeenkomst
from casussen.models import Succesfactor
from casussen.models.taxonomie import SUCCESFACTOREN
from gemeenten.models import Fase, Gemeente, Proeftuin
from programma import sjabloon
from tests.scopes import every_gemeente

from .test_programma import new_gemeente


def post_template(client, succesfactoren, bijeenkomsten):
    data = {
        "succesfactoren": "\n".join(succesfactoren),
        "punten_startbijeenkomst": "Mandaat",
        "punten_inventarisatie": "",
        "punten_verbeteren": "",
        "punten_verankering": "",
        "bijeenkomsten-TOTAL_FORMS": str(len(bijeenkomsten)),
        "bijeenkomsten-INITIAL_FORMS": "0",
        "bijeenkomsten-MIN_NUM_FORMS": "0",
        "bijeenkomsten-MAX_NUM_FORMS": "1000",
    }
    for n, item in enumerate(bijeenkomsten):
        for key, value in item.items():
            data[f"bijeenkomsten-{n}-{key}"] = value
    return client.post(reverse("programma:sjabloon"), data)


def test_the_default_template_is_what_the_apps_seed(db):
    content = sjabloon.current().content()
    from django.utils.translation import override

    with override("nl"):
        assert [f["naam"] for f in content["succesfactoren"]] == [str(n) for n in SUCCESFACTOREN]
    assert [b["soort"] for b in content["bijeenkomsten"]] == [
        "startbijeenkomst",
        "inventarisatie",
        "inventarisatie",
        "zesweeks",
        "oogst",
    ]
    assert set(content["fase_punten"]) == set(Fase.values)


def test_meetings_are_dated_from_the_start():
    start = datetime.date(2027, 3, 1)
    rows = sjabloon.planned_dates(start, [{"week": 2, "titel": "x"}, {"week": 0, "titel": "y"}])
    assert [r["titel"] for r in rows] == ["y", "x"]
    local = timezone.localtime(rows[1]["begin"])
    assert (local.date(), local.hour) == (datetime.date(2027, 3, 15), 14)


def test_a_template_edit_does_not_change_a_running_proeftuin(team_client):
    new_gemeente(team_client)
    first = Gemeente.objects.get(naam="Test-Oost")
    with every_gemeente():
        copy_before = Proeftuin.objects.get(gemeente=first).sjabloon
        factoren_before = list(
            Succesfactor.objects.filter(gemeente=first).values_list("naam", "actief")
        )
        meetings_before = Bijeenkomst.objects.filter(gemeente=first).count()

    response = post_template(
        team_client,
        ["Elkaar kennen", "Samen leren"],
        [
            {
                "soort": "startbijeenkomst",
                "titel": "Aftrap",
                "week": "1",
                "duur_minuten": "120",
                "herhalen": "0",
                "interval_weken": "6",
            }
        ],
    )
    assert response.status_code == 302

    with every_gemeente():
        assert Proeftuin.objects.get(gemeente=first).sjabloon == copy_before
        assert (
            list(Succesfactor.objects.filter(gemeente=first).values_list("naam", "actief"))
            == factoren_before
        )
        assert Bijeenkomst.objects.filter(gemeente=first).count() == meetings_before

    new_gemeente(team_client, naam="Test-West", gemeentecode="GM9002")
    second = Gemeente.objects.get(naam="Test-West")
    with every_gemeente():
        proeftuin = Proeftuin.objects.get(gemeente=second)
        assert proeftuin.programma_punten == ["Mandaat"]
        assert list(
            Succesfactor.objects.filter(gemeente=second).values_list("naam", flat=True)
        ) == [
            "Elkaar kennen",
            "Samen leren",
        ]
        assert list(
            Bijeenkomst.objects.filter(gemeente=second).values_list("titel", flat=True)
        ) == ["Aftrap"]


def test_a_refused_template_comes_back_with_the_input(team_client):
    response = post_template(
        team_client,
        [],
        [
            {
                "soort": "oogst",
                "titel": "Oogst",
                "week": "200",
                "duur_minuten": "90",
                "herhalen": "0",
                "interval_weken": "6",
            }
        ],
    )
    assert response.status_code == 400
    assert response.context["form"].errors["succesfactoren"]
    assert response.context["formset"].errors[0]["week"]
    assert 'value="Oogst"' in response.content.decode()
    assert sjabloon.current().bijeenkomsten[0]["titel"] != "Oogst"


def test_meetings_whose_date_passed_are_left_out(team_client):
    start = timezone.localdate() - datetime.timedelta(weeks=12)
    new_gemeente(team_client, start=start.isoformat())
    gemeente = Gemeente.objects.get(naam="Test-Oost")
    with every_gemeente():
        begins = list(Bijeenkomst.objects.filter(gemeente=gemeente).values_list("begin", flat=True))
    assert begins and min(begins) > timezone.now()


def test_a_proeftuin_a_facilitator_makes_starts_from_the_template(
    client, facilitator, gemeente_a, proeftuin
):
    """The facilitator picks the start date; the gemeente ran a proeftuin before, so a factor
    the template leaves out is retired, not deleted."""
    with every_gemeente():
        Succesfactor.objects.create(gemeente=gemeente_a, naam="Eigen factor", volgorde=9)
    client.force_login(facilitator)
    start = timezone.localdate() + datetime.timedelta(days=30)
    response = client.post(
        reverse("gemeenten:proeftuin_create", kwargs={"gemeente_slug": gemeente_a.slug}),
        {
            "naam": "Tweede ronde",
            "start": start.isoformat(),
            "eind": (start + datetime.timedelta(days=365)).isoformat(),
        },
    )
    assert response.status_code == 302
    with every_gemeente():
        nieuw = Proeftuin.objects.get(naam="Tweede ronde")
        first = Bijeenkomst.objects.filter(proeftuin=nieuw).order_by("begin").first()
        eigen = Succesfactor.objects.get(gemeente=gemeente_a, naam="Eigen factor")
    assert nieuw.sjabloon["bijeenkomsten"]
    assert timezone.localtime(first.begin).date() == start + datetime.timedelta(weeks=2)
    assert not eigen.actief
