"""The programme team's journey: from the demo's programme account, a new gemeente "Test-Oost"
with its proeftuin from the template and a facilitator; the template edited; every page checked
by axe, and at 390 px none scrolls sideways. Then the facilitator finds the new gemeente."""

import pytest
from playwright.sync_api import expect

from bijeenkomsten.models import Bijeenkomst
from gemeenten.models import Gemeente, Lidmaatschap
from programma.demo import PROGRAMMA_ACCOUNT
from tests.scopes import every_gemeente

from .test_journeys import FACILITATOR, log_in, log_out
from .test_phone import PHONE

pytestmark = pytest.mark.browser

PAGES = ["/programma/", "/programma/gemeenten/nieuw/", "/programma/sjabloon/"]


def test_the_programme_team_starts_a_proeftuin_with_a_facilitator(browsing, demo):
    page = browsing.new_page()
    log_in(browsing, page, PROGRAMMA_ACCOUNT[0])
    browsing.submit(page, page.get_by_role("main").locator("a[href='/programma/']"))
    rows = page.get_by_role("main").locator("table tbody tr")
    expect(rows).to_have_count(4)  # the four demo proeftuinen

    browsing.submit(page, page.locator("a[href='/programma/gemeenten/nieuw/']").first)
    form = page.get_by_role("main").locator("form")
    form.locator("[name=naam]").fill("Test-Oost")
    form.locator("[name=gemeentecode]").fill("GM1509")  # Oude IJsselstreek's: taken
    form.locator("[name=provincie]").select_option("gelderland")
    form.locator("[name=start]").fill("2027-02-01")
    form.locator("[name=facilitator]").fill(FACILITATOR)
    browsing.submit(page, form.get_by_role("button"), status=400)
    expect(page.locator("#id_gemeentecode_error, .errorlist").first).to_be_visible()
    assert not Gemeente.objects.filter(naam="Test-Oost").exists()

    form = page.get_by_role("main").locator("form")
    expect(form.locator("[name=naam]")).to_have_value("Test-Oost")  # the input is kept
    form.locator("[name=gemeentecode]").fill("GM9901")
    browsing.submit(page, form.get_by_role("button"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Test-Oost")
    gemeente = Gemeente.objects.get(naam="Test-Oost")
    with every_gemeente():
        assert Lidmaatschap.objects.get(gemeente=gemeente, user__email=FACILITATOR)
        assert Bijeenkomst.objects.filter(gemeente=gemeente).count() == 9

    form = page.locator("form").filter(has=page.locator("input[name=email]"))
    form.locator("[name=email]").fill("nieuwe.facilitator@example.org")
    browsing.submit(page, form.get_by_role("button"))
    expect(page.get_by_role("main")).to_contain_text("nieuwe.facilitator@example.org")

    for path in PAGES:
        page.set_viewport_size(PHONE)
        browsing.goto(page, path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{path} is {width} px wide"
    page.set_viewport_size({"width": 1280, "height": 800})
    log_out(browsing, page)

    log_in(browsing, page, FACILITATOR)
    expect(page.get_by_role("main")).to_contain_text("Test-Oost")
    browsing.finish()
