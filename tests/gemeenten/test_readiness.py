"""The readiness check: the facilitator marks the ten ingredients; the app proposes where it can."""

import pytest
from django.urls import reverse

from gemeenten import readiness
from gemeenten.models import Commitment, Ingredient, Ingredientbeoordeling, Kengetal, Proeftuin
from kern.tenancy import gemeente_scope
from tests.factories import CommitmentFactory, IngredientbeoordelingFactory, KengetalFactory
from tests.scopes import every_gemeente


def page_url(proeftuin, gemeente):
    return reverse(
        "gemeenten:proeftuin_ingredienten",
        kwargs={"gemeente_slug": gemeente.slug, "pk": proeftuin.pk},
    )


def voorstel(proeftuin, gemeente, ingredient):
    with gemeente_scope(gemeente):
        return readiness.voorstel(Proeftuin.objects.get(pk=proeftuin.pk), ingredient)


def marks(gemeente):
    with gemeente_scope(gemeente):
        return {
            b.ingredient: (b.oordeel, b.opmerking, b.by)
            for b in Ingredientbeoordeling.objects.all()
        }


def test_the_trekker_proposal_follows_whether_one_is_named(proeftuin, gemeente_a):
    assert voorstel(proeftuin, gemeente_a, Ingredient.TREKKER).oordeel == "ontbreekt"
    with every_gemeente():
        Proeftuin.objects.filter(pk=proeftuin.pk).update(trekker="Tineke")
    proposal = voorstel(proeftuin, gemeente_a, Ingredient.TREKKER)
    assert (proposal.oordeel, proposal.reden) == ("in_orde", "trekker benoemd")


def test_the_gemeenteprofiel_proposes_gegronde_redenen(proeftuin, gemeente_a):
    assert voorstel(proeftuin, gemeente_a, Ingredient.REDENEN).oordeel == "ontbreekt"
    with every_gemeente():
        KengetalFactory(gemeente=gemeente_a, soort=Kengetal.Soort.INWONERS)
    assert voorstel(proeftuin, gemeente_a, Ingredient.REDENEN).oordeel == "aandacht"
    with every_gemeente():
        for soort in ["plus75", "overlijdens", "palliatief"]:
            KengetalFactory(gemeente=gemeente_a, soort=soort)
    assert voorstel(proeftuin, gemeente_a, Ingredient.REDENEN).oordeel == "in_orde"


def test_a_recorded_mandate_proposes_stevige_wortels(proeftuin, gemeente_a):
    assert voorstel(proeftuin, gemeente_a, Ingredient.WORTELS).oordeel == "ontbreekt"
    with every_gemeente():
        CommitmentFactory(
            gemeente=gemeente_a,
            proeftuin=proeftuin,
            soort=Commitment.Soort.MANDAAT,
            mandaat_door="Wethouder W.",
        )
    assert voorstel(proeftuin, gemeente_a, Ingredient.WORTELS).oordeel == "in_orde"


@pytest.mark.parametrize(
    "ingredient", [Ingredient.TEELTPLAN, Ingredient.MONITORING, Ingredient.VERHALEN]
)
def test_what_the_app_cannot_know_yet_has_no_proposal(ingredient, proeftuin, gemeente_a):
    assert voorstel(proeftuin, gemeente_a, ingredient) is None


def test_the_page_shows_the_proposal_next_to_the_mark(client, member, proeftuin, gemeente_a):
    with every_gemeente():
        IngredientbeoordelingFactory(
            gemeente=gemeente_a, proeftuin=proeftuin, oordeel="aandacht", opmerking="Wie?"
        )
    client.force_login(member)
    page = client.get(page_url(proeftuin, gemeente_a))
    assert page.status_code == 200
    assert page.text.count('class="ingredient panel"') == 10
    assert "Verhalen in het zonnetje" in page.text
    assert "Voorstel: ontbreekt — geen trekker benoemd" in page.text
    assert "Voorstel: nog niet bekend" in page.text
    assert "Wie?" in page.text
    assert 'name="oordeel"' not in page.text  # reading only


@pytest.mark.parametrize("who", ["member", "readonly_member", "beleidsadviseur"])
def test_only_a_facilitator_marks(who, request, client, proeftuin, gemeente_a):
    client.force_login(request.getfixturevalue(who))
    data = {"ingredient": "trekker", "oordeel": "in_orde"}
    assert client.post(page_url(proeftuin, gemeente_a), data).status_code == 403
    assert marks(gemeente_a) == {}


def test_a_facilitator_marks_an_ingredient_with_a_remark(
    client, facilitator, proeftuin, gemeente_a
):
    client.force_login(facilitator)
    data = {"ingredient": "verhalen", "oordeel": "aandacht", "opmerking": "Meer casussen"}
    response = client.post(page_url(proeftuin, gemeente_a), data)
    assert response.status_code == 302
    assert response["Location"].endswith("#ingredient-verhalen")
    assert marks(gemeente_a) == {"verhalen": ("aandacht", "Meer casussen", facilitator)}
    client.post(page_url(proeftuin, gemeente_a), {**data, "oordeel": "in_orde"})
    assert marks(gemeente_a)["verhalen"][0] == "in_orde"


def test_one_click_accepts_the_proposal(client, facilitator, proeftuin, gemeente_a):
    client.force_login(facilitator)
    data = {"ingredient": "trekker", "oordeel": "", "accept": "1"}
    client.post(page_url(proeftuin, gemeente_a), data)
    assert marks(gemeente_a)["trekker"][0] == "ontbreekt"


def test_accepting_where_there_is_no_proposal_is_refused(
    client, facilitator, proeftuin, gemeente_a
):
    client.force_login(facilitator)
    data = {"ingredient": "monitoring", "accept": "1"}
    response = client.post(page_url(proeftuin, gemeente_a), data)
    assert response.status_code == 400
    assert marks(gemeente_a) == {}


def test_a_mark_must_be_chosen(client, facilitator, proeftuin, gemeente_a):
    client.force_login(facilitator)
    response = client.post(
        page_url(proeftuin, gemeente_a), {"ingredient": "delen", "opmerking": "Bewaard"}
    )
    assert response.status_code == 400
    assert "Kies een oordeel." in response.text
    assert "Bewaard</textarea>" in response.text
    assert marks(gemeente_a) == {}


def test_an_unknown_ingredient_is_a_bad_request(client, facilitator, proeftuin, gemeente_a):
    client.force_login(facilitator)
    response = client.post(
        page_url(proeftuin, gemeente_a), {"ingredient": "kunstmest", "oordeel": "in_orde"}
    )
    assert response.status_code == 400


def test_with_htmx_only_the_ingredient_comes_back(client, facilitator, proeftuin, gemeente_a):
    client.force_login(facilitator)
    response = client.post(
        page_url(proeftuin, gemeente_a),
        {"ingredient": "wortels", "accept": "1"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert response.text.strip().startswith('<li id="ingredient-wortels"')
    assert "Opgeslagen" in response.text
    assert marks(gemeente_a)["wortels"][0] == "ontbreekt"


def test_the_proeftuin_page_sums_up_the_marks(client, member, proeftuin, gemeente_a):
    with every_gemeente():
        IngredientbeoordelingFactory(gemeente=gemeente_a, proeftuin=proeftuin, oordeel="in_orde")
    client.force_login(member)
    page = client.get(reverse("gemeenten:proeftuin", args=[gemeente_a.slug, proeftuin.pk]))
    summary = page.context["readiness"]
    assert {o.value: n for o, n in summary["per_oordeel"]}["in_orde"] == 1
    assert summary["niet_beoordeeld"] == 9
