"""The gemeenteprofiel: four figures entered by hand with source and year, in one form that saves
all or nothing and reads numbers as Dutch people type them; everyone reads them."""

import re

import pytest
from django.urls import reverse
from django.utils.translation import gettext

from gemeenten.models import Kengetal, Wijziging
from kern.tenancy import gemeente_scope
from tests.factories import KengetalFactory
from tests.scopes import every_gemeente


def profiel_url(gemeente):
    return reverse("gemeenten:profiel", kwargs={"gemeente_slug": gemeente.slug})


def figure(soort, waarde="41200", bron="CBS StatLine", jaar="2025", version=None):
    data = {
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
    assert "38.123" in page.text  # written the Dutch way
    assert 'id="profiel-form"' not in page.text
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
    assert response["Location"] == profiel_url(gemeente_a)
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
    form = response.context["form"].forms["overlijdens"]
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


def test_the_page_has_one_form_with_every_figure_and_one_button(client, facilitator, gemeente_a):
    with every_gemeente():
        KengetalFactory(gemeente=gemeente_a, soort="inwoners", waarde=58_700)
    client.force_login(facilitator)
    page = client.get(profiel_url(gemeente_a)).text
    (form,) = re.findall(r'<form[^>]*id="profiel-form".*?</form>', page, re.S)
    for soort in Kengetal.Soort.values:
        assert f'name="{soort}-waarde"' in form
        assert f'<fieldset id="kengetal-{soort}">' in form
    assert form.count('type="submit"') == 1
    assert 'name="inwoners-waarde" value="58700"' in form
    assert 'type="number"' not in re.search(r'<input[^>]*name="inwoners-waarde"[^>]*>', form)[0]


def test_all_figures_are_saved_together_in_one_post(client, facilitator, gemeente_a):
    client.force_login(facilitator)
    data = {
        **figure("inwoners", waarde="58.700"),
        **figure("plus75", waarde="7 250"),
        **figure("overlijdens", waarde="520"),
        **figure("palliatief", waarde="", bron="", jaar=""),  # not known yet: stays empty
    }
    response = client.post(profiel_url(gemeente_a), data)
    assert response.status_code == 302
    assert {k: v.waarde for k, v in kengetallen(gemeente_a).items()} == {
        "inwoners": 58_700,
        "plus75": 7_250,
        "overlijdens": 520,
    }


def test_one_mistake_saves_nothing_and_keeps_everything_typed(client, facilitator, gemeente_a):
    with every_gemeente():
        KengetalFactory(gemeente=gemeente_a, soort="inwoners", waarde=40_000)
    client.force_login(facilitator)
    data = {
        **figure("inwoners", waarde="41.200", version=1),
        **figure("plus75", waarde="5.100"),
        **figure("overlijdens", waarde="veel"),
    }
    response = client.post(profiel_url(gemeente_a), data)
    assert response.status_code == 400
    forms = response.context["form"].forms
    assert {soort: list(f.errors) for soort, f in forms.items() if f.errors} == {
        "overlijdens": ["waarde"]
    }
    assert 'value="41.200"' in response.text and 'value="5.100"' in response.text
    assert 'value="veel"' in response.text
    assert {k: v.waarde for k, v in kengetallen(gemeente_a).items()} == {"inwoners": 40_000}


def test_a_refused_form_leaves_the_table_and_estimate_at_what_is_stored(
    client, facilitator, gemeente_a
):
    with every_gemeente():
        KengetalFactory(gemeente=gemeente_a, soort="inwoners", waarde=40_000)
    client.force_login(facilitator)
    data = {**figure("inwoners", waarde="58.700", version=1), **figure("plus75", waarde="veel")}
    response = client.post(profiel_url(gemeente_a), data)
    assert response.status_code == 400
    assert response.context["rows"][0]["kengetal"].waarde == 40_000
    assert response.context["schatting"]["uit_inwoners"] == 400
    assert '<td class="num">40.000</td>' in response.text  # in the Dutch form
    assert 'value="58.700"' in response.text  # the typed value stays in its field


def test_a_stale_figure_saves_none_of_the_others_either(client, facilitator, gemeente_a):
    with every_gemeente():
        kengetal = KengetalFactory(gemeente=gemeente_a, soort="overlijdens", waarde=400)
        Kengetal.objects.filter(pk=kengetal.pk).update(waarde=410, version=2)
    client.force_login(facilitator)
    data = {**figure("inwoners"), **figure("overlijdens", waarde="420", version=1)}
    response = client.post(profiel_url(gemeente_a), data)
    assert response.status_code == 400
    assert {k: v.waarde for k, v in kengetallen(gemeente_a).items()} == {"overlijdens": 410}


def test_only_a_changed_figure_gets_a_line_in_the_history(client, facilitator, gemeente_a):
    with every_gemeente():
        inwoners = KengetalFactory(gemeente=gemeente_a, soort="inwoners", waarde=58_700)
    client.force_login(facilitator)
    data = {
        **figure("inwoners", waarde="58.700", bron=inwoners.bron, jaar=str(inwoners.jaar)),
        "inwoners-version": 1,
        **figure("plus75", waarde="5100"),
    }
    assert client.post(profiel_url(gemeente_a), data).status_code == 302
    with gemeente_scope(gemeente_a):
        assert not Wijziging.objects.of(inwoners).exists()
        assert Wijziging.objects.of(kengetallen(gemeente_a)["plus75"]).count() == 1


def test_an_unchanged_form_saves_nothing_and_says_so(client, facilitator, gemeente_a):
    client.force_login(facilitator)
    response = client.post(profiel_url(gemeente_a), {}, follow=True)
    assert response.status_code == 200
    assert kengetallen(gemeente_a) == {}
    assert [str(m) for m in response.context["messages"]] == [gettext("No figure was changed.")]


@pytest.mark.parametrize("typed", ["58.700", "58 700", "58\u00a0700", "58700", " 58.700 "])
def test_a_figure_is_read_as_dutch_people_type_it(typed, client, facilitator, gemeente_a):
    client.force_login(facilitator)
    response = client.post(profiel_url(gemeente_a), figure("inwoners", waarde=typed))
    assert response.status_code == 302
    assert kengetallen(gemeente_a)["inwoners"].waarde == 58_700


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("veel", "invalid"),
        ("58.70.0", "invalid"),
        ("58,700.5", "invalid"),
        ("1e5", "invalid"),
        ("5 87 00", "invalid"),
        ("1,5", "whole"),  # a number, but a figure counts people
        ("-5", "min_value"),
    ],
)
def test_a_figure_that_is_no_count_is_refused_with_a_clear_message(
    typed, code, client, facilitator, gemeente_a
):
    client.force_login(facilitator)
    response = client.post(profiel_url(gemeente_a), figure("inwoners", waarde=typed))
    assert response.status_code == 400
    errors = response.context["form"].forms["inwoners"].errors.as_data()
    assert [e.code for e in errors["waarde"]] == [code]
    assert f'value="{typed}"' in response.text
    assert kengetallen(gemeente_a) == {}


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
