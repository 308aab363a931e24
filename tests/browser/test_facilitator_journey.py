"""The facilitator's journey through the startbijeenkomst part: the overview across gemeenten,
a proeftuin moved on via its checklist, and one ingredient of the readiness check marked."""

import re

import pytest
from playwright.sync_api import expect

from gemeenten.demo_proeftuin import load_proeftuin_demo
from gemeenten.models import FaseOvergang, Ingredientbeoordeling, Proeftuin
from tests.scopes import every_gemeente

from .test_journeys import FACILITATOR, log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def zundert(demo):
    load_proeftuin_demo(demo)
    with every_gemeente():
        return Proeftuin.objects.get(gemeente__slug="zundert")


def test_the_facilitator_moves_a_proeftuin_on_and_marks_an_ingredient(browsing, zundert):
    page = browsing.new_page()
    log_in(browsing, page, FACILITATOR)

    browsing.submit(page, page.get_by_role("main").locator("a[href='/overzicht/']"))
    rows = page.get_by_role("main").get_by_role("row")
    expect(rows).to_have_count(5)  # a header and the four demo proeftuinen

    browsing.submit(page, page.locator(f"a[href='{zundert.get_absolute_url()}']"))
    expect(page.get_by_role("heading", level=1)).to_have_text(zundert.naam)
    expect(page.locator("[aria-current=step]")).to_contain_text(re.compile("Verbeteren|Improving"))

    fase_url = f"{zundert.get_absolute_url()}fase/"
    browsing.submit(page, page.get_by_role("main").locator(f"a[href='{fase_url}']"))
    confirm = page.get_by_role("main").locator("form").filter(has=page.locator("[name=van]"))
    browsing.submit(page, confirm.get_by_role("button"))

    expect(page).to_have_url(browsing.base_url + zundert.get_absolute_url())
    expect(page.locator("[aria-current=step]")).to_contain_text(re.compile("Verankering|Embedding"))
    history = page.locator(".phase-history > li")
    expect(history).to_have_count(4)
    expect(history.last).to_contain_text(re.compile("Van Verbeteren naar Verankering|From"))
    expect(history.last).to_contain_text("Fenna Facilitator")
    with every_gemeente():
        last = FaseOvergang.objects.filter(proeftuin=zundert).order_by("at").last()
    assert (last.van, last.naar) == ("verbeteren", "verankering")

    ingredienten = f"{zundert.get_absolute_url()}ingredienten/"
    browsing.submit(page, page.get_by_role("main").locator(f"a[href='{ingredienten}']"))
    visited = len(browsing.visited)
    block = page.locator("#ingredient-monitoring")
    block.get_by_role("combobox").select_option("aandacht")
    block.get_by_role("textbox").fill("Nog geen indicatoren gekozen")
    block.get_by_role("button").first.click()
    expect(block.get_by_role("status")).to_have_text(re.compile("Saved|Opgeslagen"))
    assert len(browsing.visited) == visited, "htmx saves in place, without a page load"
    browsing.check(page)
    with every_gemeente():
        mark = Ingredientbeoordeling.objects.get(proeftuin=zundert, ingredient="monitoring")
    assert (mark.oordeel, mark.opmerking) == ("aandacht", "Nog geen indicatoren gekozen")

    # The other pages of this part, for axe: the list, the edit form, the gemeenteprofiel.
    browsing.goto(page, "/g/zundert/proeftuinen/")
    browsing.goto(page, f"{zundert.get_absolute_url()}wijzigen/")
    browsing.goto(page, "/g/zundert/profiel/")
    form = page.locator("#profiel-form")
    form.locator("input[name=palliatief-waarde]").fill("-3")
    browsing.submit(page, form.get_by_role("button"), status=400)
    expect(page.locator("#kengetal-palliatief [aria-invalid=true]")).to_have_count(1)

    browsing.finish()
