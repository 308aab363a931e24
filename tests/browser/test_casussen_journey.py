"""The casussen journey in Chromium: a professional writes a casus with a name, a phone number
and a birth date; the live check and the refused save highlight them; one click
replaces one, another the rest, and the casus is submitted. The facilitator records two
inzichten with succesfactoren and finds them in the overview; a bestuurder sees counts, no text.
"""

import pytest
from allauth.account.models import EmailAddress
from playwright.sync_api import expect

from casussen.models import Casus, Inzicht
from gemeenten.demo import DEMO_PASSWORD
from gemeenten.models import Gemeente, Lidmaatschap
from kern.models import User
from kern.permissions import Rol
from tests.scopes import every_gemeente

from .test_journeys import log_in, log_out

pytestmark = pytest.mark.browser

HUISARTS = "huisarts@oude-ijsselstreek.demo.nl"
FACILITATOR = "facilitator@demo.nl"
BESTUURDER = "wethouder-casussen@oude-ijsselstreek.demo.nl"
G = "/g/oude-ijsselstreek"
TITEL = "Mevrouw met kanker die thuis wilde blijven"
NAME, PHONE, DATE = "Jansen", "06-12345678", "12-03-1941"
VERLOOP = (
    f"Mevrouw {NAME} woonde alleen; de huisarts belde haar op {PHONE}. Zij is geboren op {DATE}."
)


def a_bestuurder():
    with every_gemeente():
        user = User.objects.create_user(email=BESTUURDER, password=DEMO_PASSWORD, name="Wendy")
        EmailAddress.objects.create(user=user, email=BESTUURDER, verified=True, primary=True)
        Lidmaatschap.objects.create(
            gemeente=Gemeente.objects.get(slug="oude-ijsselstreek"),
            user=user,
            role=Rol.BESTUURDER,
        )


def test_a_casus_through_the_gate_discussed_and_counted(browsing, demo):
    a_bestuurder()
    page = browsing.new_page()
    log_in(browsing, page, HUISARTS)
    browsing.goto(page, f"{G}/casussen/")
    browsing.submit(page, page.locator(f"a[href^='{G}/casussen/nieuw/']"))
    form = page.locator("#casus-formulier")
    form.locator("[name=titel]").fill(TITEL)
    form.locator("[name=verloop]").fill(VERLOOP)

    # The live check, while typing: findings appear, nothing is stored.
    expect(page.locator("#poort mark")).to_have_count(3, timeout=10_000)
    assert page.locator("#poort").get_attribute("aria-live") == "polite"
    with every_gemeente():
        assert not Casus.objects.filter(titel=TITEL).exists()

    # Saving is refused, with the three highlighted and the text kept. Wait for the refusal
    # itself: the live check's findings look the same, and a click on the form that is about
    # to be swapped out would go nowhere.
    with page.expect_response(lambda r: r.request.method == "POST" and "/casussen/nieuw/" in r.url):
        form.locator("button[name=opslaan]").click()
    expect(page.locator("#casus-formulier.htmx-request")).to_have_count(0)
    expect(page.locator("#poort mark")).to_have_count(3)
    expect(page.locator("#poort mark")).to_have_text([NAME, PHONE, DATE])
    expect(page.locator("[name=verloop]")).to_have_value(VERLOOP)
    browsing.check(page)
    with every_gemeente():
        assert not Casus.objects.filter(titel=TITEL).exists()

    # One click replaces the name; "replace all" the rest; then submit.
    page.locator("#poort button[name=vervang]").first.click()
    expect(page.locator("[name=verloop]")).not_to_have_value(VERLOOP)
    verloop = page.locator("[name=verloop]").input_value()
    assert NAME not in verloop and "[naam]" in verloop and PHONE in verloop
    page.locator("#poort button[name=vervang_alles]").click()
    expect(page.locator("[name=verloop]")).to_have_value(
        "Mevrouw [naam] woonde alleen; de huisarts belde haar op [telefoonnummer]. "
        "Zij is geboren op [datum]."
    )
    browsing.check(page)
    with page.expect_navigation():
        page.locator("#casus-formulier button[name=indienen]").click()
    browsing.check(page)
    with every_gemeente():
        casus = Casus.objects.get(titel=TITEL)
    assert casus.status == Casus.Status.INGEDIEND and PHONE not in casus.verloop
    log_out(browsing, page)

    # The facilitator records two inzichten with succesfactoren.
    log_in(browsing, page, FACILITATOR)
    for titel, factor in (
        ("De dochter eerder als naaste betrekken", 3),
        ("Afspraken delen met het hele netwerk", 2),
    ):
        browsing.goto(page, f"{G}/casussen/{casus.pk}/")
        browsing.submit(page, page.locator(f"a[href='{G}/casussen/{casus.pk}/inzichten/nieuw/']"))
        form = page.locator("#inzicht-formulier")
        form.locator("[name=titel]").fill(titel)
        form.locator("[name=succesfactoren]").nth(factor).check()
        form.locator("[name=knelpunt_categorieen][value=naasten_laat_betrokken]").check()
        with page.expect_navigation():
            form.locator("button[type=submit]").click()
        browsing.check(page)
        expect(page.locator("#inzichten")).to_contain_text(titel)
    with every_gemeente():
        assert Inzicht.objects.filter(casus=casus).count() == 2
    browsing.goto(page, f"{G}/casussen/overzicht/")
    expect(page.get_by_role("main")).to_contain_text("De dochter eerder als naaste betrekken")
    expect(page.locator("svg.chart__svg")).to_have_count(2)
    log_out(browsing, page)

    # The bestuurder sees counts and categories, no text, and cannot open the casus.
    log_in(browsing, page, BESTUURDER)
    browsing.goto(page, f"{G}/casussen/overzicht/")
    main = page.get_by_role("main")
    expect(main).not_to_contain_text("De dochter eerder als naaste betrekken")
    expect(main.locator("table.compact").first).to_be_visible()
    browsing.goto(page, f"{G}/casussen/")
    expect(page.get_by_role("main")).not_to_contain_text(TITEL)
    expect(page.get_by_role("main")).to_contain_text(f"{casus.pk}")
    browsing.goto(page, f"{G}/casussen/{casus.pk}/", status=403)
    browsing.finish()
