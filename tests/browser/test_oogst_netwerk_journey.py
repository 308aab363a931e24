"""The netwerkpeiling and Kennisbank journey: a professional fills in the peiling at the oogst,
the facilitator sees the network before and after, publishes a les to the Kennisbank (replacing
an identifying detail first), and a member of another gemeente reads it there."""

import pytest
from playwright.sync_api import expect

from gemeenten.models import Organisatie, Proeftuin
from oogst.kennisbank.models import KennisbankItem
from oogst.netwerk.models import Netwerkpeiling
from tests.oogst.factories import LesFactory
from tests.scopes import every_gemeente

from .test_journeys import FACILITATOR, HUISARTS, log_in, log_out

pytestmark = pytest.mark.browser

WIJKVERPLEGING_ZUNDERT = "wijkverpleging@zundert.demo.nl"
NETWERK = "/g/oude-ijsselstreek/oogst/netwerk/"


@pytest.fixture
def les(demo):
    with every_gemeente():
        proeftuin = Proeftuin.objects.get(gemeente__slug="oude-ijsselstreek")
        return LesFactory(
            gemeente=proeftuin.gemeente,
            proeftuin=proeftuin,
            titel="Een vaste koffieochtend verbindt huisarts en welzijn",
            tekst=(
                "Elke eerste dinsdag drinken de huisarts en de sociaal werker koffie in het "
                "dorpshuis. Bel gerust 06-12345678 voor de afspraken."
            ),
        )


def test_a_peiling_a_network_before_and_after_and_a_les_shared_across_gemeenten(browsing, les):
    page = browsing.new_page()
    main = page.get_by_role("main")

    # The huisarts changes an answer of the oogst peiling (the demo answered already).
    log_in(browsing, page, HUISARTS)
    browsing.goto(page, NETWERK)
    expect(main.locator("svg.netwerk")).to_have_count(2)
    browsing.submit(page, main.locator("a[href$='/netwerk/invullen/']"))
    with every_gemeente():
        mantelzorg = Organisatie.objects.get(naam="Steunpunt Mantelzorg De Schakel")
    keuze = page.locator(f"input[name=org_{mantelzorg.pk}][value='3']")
    expect(page.locator(f"input[name=org_{mantelzorg.pk}][value='2']")).to_be_checked()
    keuze.check()
    browsing.submit(page, main.locator("form button[type=submit]"))
    expect(page).to_have_url(browsing.base_url + NETWERK)
    with every_gemeente():
        peiling = Netwerkpeiling.objects.get(
            respondent__user__email=HUISARTS, moment="oogst", proeftuin=les.proeftuin
        )
        assert peiling.antwoorden.get(organisatie=mantelzorg).niveau == 3
    log_out(browsing, page)

    # The facilitator sees before and after, as pictures and as a table, and who answered not.
    log_in(browsing, page, FACILITATOR)
    browsing.goto(page, NETWERK)
    expect(main.locator("figure svg.netwerk")).to_have_count(2)
    expect(main.locator("table").first).to_contain_text("20%")
    expect(main.locator("table").first).to_contain_text("60%")
    expect(main).to_contain_text("Huisartsenpraktijk De Linde")
    expect(main).not_to_contain_text("Hanna Huisarts")

    # She publishes the les: the phone number has to go first.
    browsing.goto(page, "/g/oude-ijsselstreek/oogst/kennisbank/")
    browsing.submit(page, main.get_by_role("link", name=les.titel))
    expect(main.locator(".poort__resultaat")).to_contain_text("06-12345678")
    browsing.submit(page, main.locator("button[name=publiceer]"), status=400)
    assert not KennisbankItem.objects.filter(titel=les.titel).exists()
    browsing.submit(page, main.locator("button[name=vervang_alles]"))
    expect(main.locator("textarea[name=tekst]")).to_have_value(
        "Elke eerste dinsdag drinken de huisarts en de sociaal werker koffie in het dorpshuis. "
        "Bel gerust [telefoonnummer] voor de afspraken."
    )
    browsing.submit(page, main.locator("button[name=publiceer]"))
    expect(page.get_by_role("heading", level=1)).to_have_text(les.titel)
    log_out(browsing, page)

    # A wijkverpleegkundige in Zundert finds it in the Kennisbank.
    log_in(browsing, page, WIJKVERPLEGING_ZUNDERT)
    browsing.submit(page, page.get_by_role("banner").get_by_role("link", name="Kennisbank"))
    page.locator("input[name=q]").fill("koffieochtend")
    browsing.submit(page, main.locator("form[role=search] button[type=submit]"))
    browsing.submit(page, main.get_by_role("link", name=les.titel))
    expect(main).to_contain_text("[telefoonnummer]")
    expect(main).to_contain_text("Proeftuin Oude IJsselstreek")
    expect(main.locator("a[href$='/intrekken/']")).to_have_count(0)  # not the publisher
    browsing.finish()
