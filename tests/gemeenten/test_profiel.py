"""The gemeenteprofiel: four figures entered by hand with source and year; everyone reads them."""

import pytest
from django.urls import reverse

from gemeenten.models import Kengetal, Wijziging
from kern.tenancy import gemeente_scope
from tests.factories import KengetalFactory
from tests.scopes import every_gemeente


def profiel_url(gemeente):
    return reverse("gemeenten:profiel", kwargs={"gemeente_slug": gemeente.slug})


def figure(soort, waarde="41200", bron="CBS StatLine", jaar="2025", version=None):
    data = {
        "soort": soort,
        f"{soort}-waarde": waarde,
        f"{soort}-bron": bron,
        f"{soort}-jaar": jaar,
    }
    if version is not None:
        data[f"{soort}-version"] = version
    return data


def kengetallen(gemeente):
    with gemeente_scope(gemeente):
        return {k.soort: k for k in Kengetal.objects.all()}


@pytest.mark.parametrize("who", ["member", "readonly_member"])
def test_professionals_and_bestuurders_read_but_cannot_enter(who, request, client, gemeente_a):
    with every_gemeente():
        KengetalFactory(gemeente=gemeente_a, waarde=38_123)
    client.force_login(request.getfixturevalue(who))
    page = client.get(profiel_url(gemeente_a))
    assert page.status_code == 200
    assert "38123" in page.text
    assert 'name="soort"' not in page.text
    assert client.post(profiel_url(gemeente_a), figure("plus75")).status_code == 403
    assert "plus75" not in kengetallen(gemeente_a)


@pytest.mark.parametrize("who", ["facilitator", "beleidsadviseur"])
def test_a_facilitator_or_beleidsadviseur_enters_a_figure_with_history(
    who, request, client, gemeente_a
):
    user = request.getfixturevalue(who)
    client.force_login(user)
    response = client.post(profiel_url(gemeente_a), figure("inwoners"))
    assert response.status_code == 302
    assert response["Location"].endswith("#kengetal-inwoners")
    kengetal = kengetallen(gemeente_a)["inwoners"]
    assert (kengetal.waarde, kengetal.bron, kengetal.jaar) == (41200, "CBS StatLine", 2025)
    with gemeente_scope(gemeente_a):
        wijziging = Wijziging.objects.of(kengetal).get()
    assert wijziging.by == user and wijziging.actie == Wijziging.Actie.AANGEMAAKT


def test_correcting_a_figure_records_old_and_new(client, facilitator, gemeente_a):
    with every_gemeente():
        kengetal = KengetalFactory(gemeente=gemeente_a, waarde=40_000)
    client.force_login(facilitator)
    client.post(profiel_url(gemeente_a), figure("inwoners", waarde="40100", version=1))
    assert kengetallen(gemeente_a)["inwoners"].waarde == 40_100
    with gemeente_scope(gemeente_a):
        changes = Wijziging.objects.of(kengetal).get().rows
    assert "40000" in [old for _label, old, _new in changes]
    assert "40100" in [new for _label, _old, new in changes]


@pytest.mark.parametrize(
    ("field", "value"),
    [("waarde", "-5"), ("waarde", "veel"), ("jaar", "1850"), ("jaar", "2999"), ("bron", "")],
)
def test_bad_input_is_refused_at_the_field_with_the_input_kept(
    field, value, client, facilitator, gemeente_a
):
    client.force_login(facilitator)
    data = figure("overlijdens")
    data[f"overlijdens-{field}"] = value
    response = client.post(profiel_url(gemeente_a), data)
    assert response.status_code == 400
    form = next(r["form"] for r in response.context["rows"] if r["soort"] == "overlijdens")
    assert list(form.errors) == [field]
    assert f'name="overlijdens-{field}"' in response.text
    if value:
        assert f'value="{value}"' in response.text
    assert 'aria-invalid="true"' in response.text
    assert kengetallen(gemeente_a) == {}


def test_a_stale_figure_is_refused_and_the_input_kept(client, facilitator, gemeente_a):
    with every_gemeente():
        kengetal = KengetalFactory(gemeente=gemeente_a, waarde=40_000)
        Kengetal.objects.filter(pk=kengetal.pk).update(waarde=40_500, version=2)
    client.force_login(facilitator)
    response = client.post(profiel_url(gemeente_a), figure("inwoners", waarde="39999", version=1))
    assert response.status_code == 400
    assert 'value="39999"' in response.text
    assert 'role="alert"' in response.text
    assert kengetallen(gemeente_a)["inwoners"].waarde == 40_500


def test_a_figure_entered_by_someone_else_meanwhile_is_not_doubled(client, facilitator, gemeente_a):
    client.force_login(facilitator)
    with every_gemeente():
        KengetalFactory(gemeente=gemeente_a, soort="plus75", waarde=5000)
    # This form was opened before the figure existed: it carries no version.
    response = client.post(profiel_url(gemeente_a), figure("plus75", waarde="5100"))
    assert response.status_code == 400
    assert kengetallen(gemeente_a)["plus75"].waarde == 5000


def test_an_unknown_kind_of_figure_is_a_bad_request(client, facilitator, gemeente_a):
    client.force_login(facilitator)
    assert client.post(profiel_url(gemeente_a), figure("koeien")).status_code == 400


def test_the_palliative_estimate_follows_the_rules_of_thumb(client, member, gemeente_a):
    with every_gemeente():
        KengetalFactory(gemeente=gemeente_a, soort="inwoners", waarde=41_200)
        KengetalFactory(gemeente=gemeente_a, soort="overlijdens", waarde=400)
    client.force_login(member)
    page = client.get(profiel_url(gemeente_a))
    assert page.context["schatting"] == {"uit_inwoners": 412, "uit_overlijdens": (240, 280)}
    assert "ongeveer 412 mensen" in page.text
    assert "ongeveer 240 tot 280" in page.text
    assert "schatting" in page.text.lower()


def test_without_figures_the_estimate_asks_for_them(client, member, gemeente_a):
    client.force_login(member)
    page = client.get(profiel_url(gemeente_a))
    assert page.context["schatting"] == {"uit_inwoners": None, "uit_overlijdens": None}
    assert page.text.count("Nog niet ingevuld") == 4
