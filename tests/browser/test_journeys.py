"""Journeys through the real app in Chromium: logging in, tenancy, inviting and roles.

Selectors go by role, form field name and URL rather than by text, because the Dutch catalogue
changes the words; where text must match, both the English msgid and the Dutch are accepted.
"""

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core import mail
from playwright.sync_api import expect

from gemeenten.demo import DEMO_PASSWORD
from gemeenten.models import Lidmaatschap
from kern.models import User
from kern.permissions import Rol
from tests.scopes import every_gemeente

pytestmark = pytest.mark.browser

FACILITATOR = "facilitator@demo.nl"
HUISARTS = "huisarts@oude-ijsselstreek.demo.nl"
DEMO_GEMEENTEN = ["Oude IJsselstreek", "Roermond", "Stichtse Vecht (Maarssen)", "Zundert"]
SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshot.png"
HEADER_GREEN = "rgb(29, 90, 60)"  # --groen in proeftuin.css: the stylesheet was applied


def log_in(browsing, page, email, password=DEMO_PASSWORD):
    """Log in through the allauth form and land on the home page."""
    browsing.goto(page, "/accounts/login/")
    form = page.get_by_role("main").locator("form").filter(has=page.locator("[name=password]"))
    form.locator("input[name=login]").fill(email)
    form.locator("input[name=password]").fill(password)
    browsing.submit(page, form.get_by_role("button"))
    expect(page).to_have_url(browsing.base_url + "/")


def log_out(browsing, page):
    """The logout button is the only button in the header (a POST form)."""
    browsing.submit(page, page.get_by_role("banner").get_by_role("button"))
    expect(page.get_by_role("banner").get_by_role("button")).to_have_count(0)


def contrast(*colours):
    """WCAG contrast ratio of two computed colours such as ``rgb(29, 90, 60)``."""

    def luminance(colour):
        channels = [int(c) / 255 for c in re.findall(r"\d+", colour)[:3]]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted(map(luminance, colours), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def gemeenten_on_home(page):
    """The names of the gemeenten on the home page, one card (h2) each."""
    return sorted(page.get_by_role("main").get_by_role("heading", level=2).all_inner_texts())


def test_a_professional_sees_only_her_gemeente_and_gets_404_elsewhere(browsing, demo):
    page = browsing.new_page()

    response = browsing.goto(page, "/g/oude-ijsselstreek/")
    assert urlsplit(page.url).path == "/accounts/login/", "anonymous visitors must log in first"
    csp = response.headers["content-security-policy"]
    assert "'unsafe-inline'" not in csp
    assert "script-src 'self'" in csp
    assert "style-src 'self'" in csp

    log_in(browsing, page, HUISARTS)
    assert gemeenten_on_home(page) == ["Oude IJsselstreek"]

    # By keyboard: the first Tab shows the skip link, the next one a visible ring in the header.
    page.keyboard.press("Tab")
    skip_link = page.locator("a[href='#inhoud']")
    expect(skip_link).to_be_focused()
    assert skip_link.bounding_box()["y"] >= 0
    page.keyboard.press("Tab")
    brand = page.get_by_role("banner").get_by_role("link").first
    expect(brand).to_be_focused()
    outline = brand.evaluate(
        "el => { const s = getComputedStyle(el); return [s.outlineStyle, s.outlineColor]; }"
    )
    assert outline[0] != "none"
    assert contrast(outline[1], HEADER_GREEN) >= 3, f"focus ring {outline[1]} on the header"

    browsing.submit(page, page.get_by_role("main").get_by_role("link", name="Oude IJsselstreek"))
    expect(page).to_have_url(browsing.base_url + "/g/oude-ijsselstreek/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Oude IJsselstreek")

    browsing.goto(page, "/g/zundert/", status=404)
    # The house-style 404: the site's header and stylesheet, a heading, a way back home, and
    # not a word about Zundert (no hint that the gemeente exists).
    expect(page.get_by_role("banner").get_by_role("link").first).to_have_attribute("href", "/")
    header = page.get_by_role("banner")
    assert header.evaluate("el => getComputedStyle(el).backgroundColor") == HEADER_GREEN
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    expect(page.get_by_role("main").locator("a[href='/']")).to_have_count(1)
    expect(page.locator("body")).not_to_contain_text("Zundert")

    browsing.finish()


def test_the_facilitator_sees_her_four_gemeenten(browsing, demo):
    page = browsing.new_page()

    log_in(browsing, page, FACILITATOR)

    assert gemeenten_on_home(page) == DEMO_GEMEENTEN
    if os.environ.get("PROEFTUIN_SCREENSHOT"):
        browsing.goto(page, "/")  # once more, without the "logged in" message
        SCREENSHOT.parent.mkdir(exist_ok=True)
        page.screenshot(path=SCREENSHOT)
    browsing.finish()


def test_an_invited_person_makes_an_account_and_sees_only_that_gemeente(browsing, demo):
    email = "wijkverpleegkundige@nieuw.example.org"
    page = browsing.new_page()
    log_in(browsing, page, FACILITATOR)

    browsing.goto(page, "/g/oude-ijsselstreek/leden/")
    form = page.locator("form").filter(has=page.locator("input[name=email]"))
    form.locator("input[name=email]").fill(email)
    form.locator("select[name=role]").select_option(Rol.PROFESSIONAL.value)
    browsing.submit(page, form.get_by_role("button"))
    expect(page).to_have_url(browsing.base_url + "/g/oude-ijsselstreek/leden/")
    expect(page.get_by_role("main").get_by_role("cell", name=email, exact=True)).to_be_visible()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [email]
    link = re.search(r"https?://\S+/uitnodiging/\S+/", message.body).group(0)
    assert link.startswith(settings.SITE_URL.rstrip("/") + "/")
    link = browsing.base_url + urlsplit(link).path

    log_out(browsing, page)

    newcomer = browsing.new_page()
    browsing.goto(newcomer, link)
    form = newcomer.get_by_role("main").locator("form")
    form.locator("input[name=name]").fill("Nina Nieuw")
    form.locator("input[name=password1]").fill("Zonnebloem-Achterhoek-2026")
    form.locator("input[name=password2]").fill("Zonnebloem-Achterhoek-2026")
    browsing.submit(newcomer, form.get_by_role("button"))

    expect(newcomer).to_have_url(browsing.base_url + "/g/oude-ijsselstreek/")
    expect(newcomer.get_by_role("heading", level=1)).to_have_text("Oude IJsselstreek")
    expect(newcomer.get_by_role("banner").get_by_role("button")).to_have_count(1)  # log out
    with every_gemeente():
        user = User.objects.get(email=email)
        assert user.name == "Nina Nieuw"
        lidmaatschappen = list(Lidmaatschap.objects.filter(user=user))
    assert [(m.gemeente.slug, m.role) for m in lidmaatschappen] == [
        ("oude-ijsselstreek", Rol.PROFESSIONAL)
    ]

    browsing.goto(newcomer, "/")
    assert gemeenten_on_home(newcomer) == ["Oude IJsselstreek"]
    browsing.goto(newcomer, "/g/zundert/", status=404)

    browsing.finish()


def test_the_facilitator_changes_a_role_in_place(browsing, demo):
    with every_gemeente():
        huisarts = Lidmaatschap.objects.get(user__email=HUISARTS)
        facilitator = Lidmaatschap.objects.get(
            user__email=FACILITATOR, gemeente__slug="oude-ijsselstreek"
        )
    page = browsing.new_page()
    log_in(browsing, page, FACILITATOR)
    browsing.goto(page, "/g/oude-ijsselstreek/leden/")
    visited = len(browsing.visited)

    row = page.locator(f"#lid-{huisarts.pk}")
    row.get_by_role("combobox").select_option(Rol.BELEIDSADVISEUR.value)
    row.get_by_role("button").click()

    # htmx swapped the row: a status inside it, and no navigation happened.
    expect(row.get_by_role("status")).to_have_text(re.compile(r"Saved|Opgeslagen"))
    assert len(browsing.visited) == visited
    expect(row.get_by_role("combobox")).to_have_value(Rol.BELEIDSADVISEUR.value)
    browsing.check(page)
    with every_gemeente():  # row-level security: no tenant row outside a scope
        huisarts.refresh_from_db()
    assert huisarts.role == Rol.BELEIDSADVISEUR

    # The only facilitator cannot demote herself: the row says why and keeps the role.
    own_row = page.locator(f"#lid-{facilitator.pk}")
    own_row.get_by_role("combobox").select_option(Rol.PROFESSIONAL.value)
    own_row.get_by_role("button").click()
    expect(own_row.get_by_role("alert")).to_be_visible()
    expect(own_row.get_by_role("combobox")).to_have_value(Rol.FACILITATOR.value)
    browsing.check(page)
    with every_gemeente():
        facilitator.refresh_from_db()
    assert facilitator.role == Rol.FACILITATOR

    browsing.goto(page, "/g/oude-ijsselstreek/leden/")
    expect(page.locator(f"#lid-{huisarts.pk}").get_by_role("combobox")).to_have_value(
        Rol.BELEIDSADVISEUR.value
    )

    browsing.finish()
