"""Nothing lost for inzichten either: the facilitator restores an earlier version of an
inzicht from the casus history, and a stale save of an inzicht shows both versions side by
side instead of overwriting."""

import pytest

from casussen.models import Inzicht, Succesfactor
from gemeenten.models import Wijziging
from tests.scopes import every_gemeente

from .conftest import curl


@pytest.fixture
def factoren(gemeente_a):
    with every_gemeente():
        return list(Succesfactor.objects.filter(gemeente=gemeente_a).order_by("volgorde"))


def _post(**overrides):
    data = {
        "titel": "Eerder de geestelijk verzorger inschakelen",
        "toelichting": "De huisarts kende de geestelijk verzorger niet.",
        "version": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def inzicht(client, ingediend, facilitator, gemeente_a, factoren):
    """An inzicht recorded and then changed through the pages, so its history is real."""
    client.force_login(facilitator)
    client.post(
        curl("inzicht_new", gemeente_a, pk=ingediend.pk),
        _post(succesfactoren=[factoren[0].pk], knelpunt_categorieen=["elkaar_niet_kennen"]),
    )
    with every_gemeente():
        made = Inzicht.objects.get()
    response = client.post(
        curl("inzicht_edit", gemeente_a, pk=made.pk),
        _post(
            titel="Geestelijk verzorger standaard in het MDO",
            toelichting="Afgesproken in de tweede bijeenkomst.",
            succesfactoren=[factoren[1].pk],
            knelpunt_categorieen=["financiering"],
            version=str(made.version),
        ),
    )
    assert response.status_code == 302
    with every_gemeente():
        return Inzicht.objects.get()


def _last_change(inzicht):
    with every_gemeente():
        return Wijziging.objects.of(inzicht).filter(actie="gewijzigd").first()


def test_the_facilitator_restores_an_earlier_version_of_an_inzicht(
    client, facilitator, gemeente_a, ingediend, inzicht, factoren
):
    wijziging = _last_change(inzicht)
    history = client.get(curl("historie", gemeente_a, pk=ingediend.pk)).content.decode()
    herstel = curl("inzicht_herstel", gemeente_a, pk=inzicht.pk, wijziging_pk=wijziging.pk)
    assert f'action="{herstel}"' in history

    response = client.post(herstel)
    assert response.status_code == 302
    assert response["Location"] == curl("historie", gemeente_a, pk=ingediend.pk)
    with every_gemeente():
        back = Inzicht.objects.get(pk=inzicht.pk)
        assert back.titel == "Eerder de geestelijk verzorger inschakelen"
        assert back.toelichting == "De huisarts kende de geestelijk verzorger niet."
        assert list(back.succesfactoren.all()) == [factoren[0]]
        assert back.knelpunt_categorieen == ["elkaar_niet_kennen"]
        # The restore is itself a change, so it can be undone the same way.
        assert Wijziging.objects.of(back).filter(actie="gewijzigd").count() == 2
    assert back.version == inzicht.version + 1


def test_undoing_the_restore_brings_the_later_version_back(
    client, facilitator, gemeente_a, inzicht, factoren
):
    first = _last_change(inzicht)
    client.post(curl("inzicht_herstel", gemeente_a, pk=inzicht.pk, wijziging_pk=first.pk))
    restore = _last_change(inzicht)
    client.post(curl("inzicht_herstel", gemeente_a, pk=inzicht.pk, wijziging_pk=restore.pk))
    with every_gemeente():
        again = Inzicht.objects.get(pk=inzicht.pk)
        assert again.titel == "Geestelijk verzorger standaard in het MDO"
        assert list(again.succesfactoren.all()) == [factoren[1]]
    assert again.knelpunt_categorieen == ["financiering"]


def test_only_the_facilitator_restores_an_inzicht(client, member, gemeente_a, ingediend, inzicht):
    wijziging = _last_change(inzicht)
    client.force_login(member)  # the author of the casus reads its history
    history = client.get(curl("historie", gemeente_a, pk=ingediend.pk))
    assert history.status_code == 200
    herstel = curl("inzicht_herstel", gemeente_a, pk=inzicht.pk, wijziging_pk=wijziging.pk)
    assert herstel not in history.content.decode()
    assert client.post(herstel).status_code == 403
    with every_gemeente():
        assert Inzicht.objects.get(pk=inzicht.pk).titel == inzicht.titel


def test_a_change_of_another_inzicht_or_gemeente_cannot_be_restored(
    client, facilitator, outsider, gemeente_a, ingediend, inzicht, casus_factory
):
    wijziging = _last_change(inzicht)
    with every_gemeente():
        other = Inzicht.objects.create(gemeente=gemeente_a, casus=ingediend, titel="Ander")
    response = client.post(
        curl("inzicht_herstel", gemeente_a, pk=other.pk, wijziging_pk=wijziging.pk)
    )
    assert response.status_code == 404
    client.force_login(outsider)
    response = client.post(
        curl("inzicht_herstel", gemeente_a, pk=inzicht.pk, wijziging_pk=wijziging.pk)
    )
    assert response.status_code == 404


def test_a_deleted_inzicht_is_brought_back_before_it_is_restored(
    client, facilitator, gemeente_a, ingediend, inzicht
):
    wijziging = _last_change(inzicht)
    client.post(curl("inzicht_delete", gemeente_a, pk=inzicht.pk))
    herstel = curl("inzicht_herstel", gemeente_a, pk=inzicht.pk, wijziging_pk=wijziging.pk)
    history = client.get(curl("historie", gemeente_a, pk=ingediend.pk)).content.decode()
    assert herstel not in history
    assert client.post(herstel).status_code == 404


def test_a_stale_inzicht_save_shows_both_versions_and_overwrites_nothing(
    client, facilitator, gemeente_a, inzicht, factoren
):
    opened = _post(
        titel=inzicht.titel,
        toelichting="Mijn aanvulling: ook de mantelzorger erbij.",
        succesfactoren=[factoren[1].pk],
        knelpunt_categorieen=["financiering"],
        version=str(inzicht.version),
    )
    # Someone else saves in the meantime.
    client.post(
        curl("inzicht_edit", gemeente_a, pk=inzicht.pk),
        _post(
            titel=inzicht.titel,
            toelichting="Hun versie van de toelichting.",
            succesfactoren=[factoren[1].pk, factoren[2].pk],
            knelpunt_categorieen=["financiering"],
            version=str(inzicht.version),
        ),
    )
    response = client.post(curl("inzicht_edit", gemeente_a, pk=inzicht.pk), opened)
    assert response.status_code == 400
    with every_gemeente():
        assert Inzicht.objects.get(pk=inzicht.pk).toelichting == "Hun versie van de toelichting."
    conflict = response.context["conflict"]
    rows = {str(row["label"]): row for row in conflict["rows"]}
    assert len(rows) == 2  # the explanation and the success factors differ, nothing else
    toelichting = next(r for r in conflict["rows"] if "aanvulling" in r["mine"])
    assert toelichting["theirs"] == "Hun versie van de toelichting."
    factors = next(r for r in conflict["rows"] if r is not toelichting)
    assert factors["mine"] == factoren[1].naam
    assert factors["theirs"] == ", ".join(sorted([factoren[1].naam, factoren[2].naam]))
    body = response.content.decode()
    assert "Hun versie van de toelichting." in body and "Mijn aanvulling" in body
    # "Take the saved version" reloads the form; "keep mine" saves over the current version.
    assert f'href="{curl("inzicht_edit", gemeente_a, pk=inzicht.pk)}"' in body
    assert str(response.context["form"]["version"].value()) == str(conflict["version"])
    again = dict(opened, version=str(conflict["version"]))
    assert client.post(curl("inzicht_edit", gemeente_a, pk=inzicht.pk), again).status_code == 302
    with every_gemeente():
        kept = Inzicht.objects.get(pk=inzicht.pk)
        assert kept.toelichting == "Mijn aanvulling: ook de mantelzorger erbij."
        assert list(kept.succesfactoren.all()) == [factoren[1]]


def test_a_stale_inzicht_save_with_htmx_shows_the_conflict_in_place(
    client, facilitator, gemeente_a, inzicht
):
    opened = _post(titel="Mijn titel", version=str(inzicht.version))
    client.post(
        curl("inzicht_edit", gemeente_a, pk=inzicht.pk),
        _post(titel="Hun titel", version=str(inzicht.version)),
    )
    response = client.post(
        curl("inzicht_edit", gemeente_a, pk=inzicht.pk), opened, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "<html" not in body and "Hun titel" in body and "Mijn titel" in body
