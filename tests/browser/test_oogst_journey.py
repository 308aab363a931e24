"""The oogst journey: the facilitator of Oude IJsselstreek writes the foreword, records a lesson
with a success factor (after the gate replaced a phone number), a story with consent and a
borging; the huisarts then sees the consented story and not the one without consent."""

import pytest
from playwright.sync_api import expect

from oogst.inhoud.models import Borging, Les, Oogst, Verhaal
from tests.scopes import every_gemeente

from .test_journeys import FACILITATOR, HUISARTS, log_in, log_out

pytestmark = pytest.mark.browser

OOGST = "/g/oude-ijsselstreek/oogst/"
ZONDER_TOESTEMMING = "Op tijd afscheid nemen"


def test_the_facilitator_gathers_the_oogst_and_a_professional_reads_it(browsing, demo):
    page = browsing.new_page()
    log_in(browsing, page, FACILITATOR)
    main = page.get_by_role("main")

    # The oogst is in the gemeente's navigation.
    browsing.goto(page, "/g/oude-ijsselstreek/")
    browsing.submit(page, page.locator(f".gemeente-nav a[href='{OOGST}']"))
    expect(page.locator(f".gemeente-nav a[href='{OOGST}']")).to_have_attribute(
        "aria-current", "page"
    )
    expect(main).to_contain_text(ZONDER_TOESTEMMING)  # the facilitator sees every story

    # The foreword.
    browsing.submit(page, main.locator("a[href*='/oogst/teksten/']"))
    page.locator("textarea[name=voorwoord]").fill("Een jaar waarin we elkaar echt leerden kennen.")
    browsing.submit(page, main.locator("form button[type=submit]"))
    expect(main.locator("#teksten")).to_contain_text("elkaar echt leerden kennen")

    # A lesson: refused with a phone number in it, replaced in one click, then saved.
    browsing.submit(page, main.locator("a[href*='/oogst/lessen/nieuw/']"))
    page.locator("input[name=titel]").fill("Bellen in plaats van mailen")
    page.locator("textarea[name=tekst]").fill(
        "Het wijkteam is bereikbaar op 06-12345678; bellen werkt sneller dan mailen."
    )
    page.locator("input[name=succesfactoren]").first.check()
    browsing.submit(page, main.locator("form button[type=submit]").last, status=400)
    expect(main.locator(".poort__resultaat mark")).to_have_text("06-12345678")
    expect(page.locator("input[name=titel]")).to_have_value("Bellen in plaats van mailen")
    browsing.submit(page, main.locator("button[name=vervang_alles]"))
    expect(page.locator("textarea[name=tekst]")).to_contain_text("[telefoonnummer]")
    browsing.submit(page, main.locator("form button[type=submit]").last)
    # The oogst page shows the first lessen; the demo has six already, so the new one is on the
    # page of all of them.
    expect(main.locator("#lessen")).to_contain_text("(7)")
    browsing.goto(page, OOGST + "lessen/")
    expect(page.get_by_role("main")).to_contain_text("Bellen in plaats van mailen")
    browsing.goto(page, OOGST)
    with every_gemeente():
        les = Les.objects.get(titel="Bellen in plaats van mailen")
        assert les.succesfactoren.count() == 1
        assert "06-" not in les.tekst

    # A story with consent.
    browsing.submit(page, main.locator("a[href*='/oogst/verhalen/nieuw/']"))
    page.locator("input[name=soort][value=citaat]").check()
    page.locator("textarea[name=tekst]").fill("Eindelijk weet ik wie ik kan bellen.")
    page.locator("input[name=wie]").fill("sociaal werker, Welzijn De Brug")
    page.locator("input[name=toestemming]").check()
    page.locator("input[name=toestemming_hoe]").fill("Mondeling na de oogstbijeenkomst")
    browsing.submit(page, main.locator("form button[type=submit]").last)
    expect(main.locator("#verhalen")).to_contain_text("Eindelijk weet ik wie ik kan bellen.")

    # The borging of the inloopspreekuur: now fully embedded.
    with every_gemeente():
        borging = Borging.objects.get(verbeteractie__titel__startswith="Inloopspreekuur")
    browsing.submit(page, main.locator(f"a[href$='/oogst/borging/{borging.verbeteractie_id}/']"))
    page.locator("input[name=stand][value=geborgd]").check()
    page.locator("textarea[name=waarom_niet]").fill("")
    page.locator("input[name=werkproces]").fill("Het wekelijkse spreekuur van het steunpunt.")
    browsing.submit(page, main.locator("form button[type=submit]").last)
    expect(main.locator("#borging")).to_contain_text("Het wekelijkse spreekuur van het steunpunt.")
    with every_gemeente():
        assert Borging.objects.get(pk=borging.pk).stand == "geborgd"
        assert Oogst.objects.get().voorwoord.startswith("Een jaar waarin")
        assert Verhaal.objects.get(tekst__startswith="Eindelijk").toestemming_op is not None
    log_out(browsing, page)

    # The huisarts reads the oogst: the consented story, not the one without consent.
    log_in(browsing, page, HUISARTS)
    browsing.goto(page, OOGST)
    expect(main.locator("#verhalen")).to_contain_text("Eindelijk weet ik wie ik kan bellen.")
    expect(main).not_to_contain_text(ZONDER_TOESTEMMING)
    expect(main.locator("a[href*='/oogst/verhalen/nieuw/']")).to_have_count(0)
    expect(main.locator("a[href*='/oogst/lessen/nieuw/']")).to_have_count(1)
    browsing.finish()
