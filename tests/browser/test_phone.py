"""At 390 px no page scrolls sideways: a meeting page with an agenda (three buttons a row), a
long casus title in the agenda's select and a long kind of meeting in its heading."""

import pytest

from casussen.models import Casus
from tests.bijeenkomsten.factories import AgendapuntFactory, BijeenkomstFactory
from tests.casussen.factories import CasusFactory
from tests.factories import PASSWORD
from tests.scopes import every_gemeente

from .test_journeys import log_in

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def test_the_meeting_page_of_a_facilitator_fits_a_phone(
    transactional_db, browsing, facilitator, gemeente_a, proeftuin
):
    with every_gemeente():
        bijeenkomst = BijeenkomstFactory(
            gemeente=gemeente_a, proeftuin=proeftuin, soort="inventarisatie"
        )
        for n, titel in enumerate(("Opening en kennismaking", "Terugblik", "Afspraken")):
            AgendapuntFactory(gemeente=gemeente_a, bijeenkomst=bijeenkomst, titel=titel, volgorde=n)
        CasusFactory(
            gemeente=gemeente_a,
            proeftuin=proeftuin,
            status=Casus.Status.INGEDIEND,
            titel="Een man met hartfalen en een dochter die ver weg woont en elke week belt",
        )
    page = browsing.new_page()
    page.set_viewport_size(PHONE)
    log_in(browsing, page, facilitator.email, PASSWORD)
    browsing.goto(page, bijeenkomst.get_absolute_url())
    assert page.locator("#agenda select[name=casus] option").count() >= 2
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page is {width} px wide"
    browsing.finish()
