"""From actiepunt to verbeteractie: on a meeting's page the facilitator makes an improvement
action of an actiepunt (prefilled), saves it, sees the meeting named in its story, and back on
the meeting the actiepunt leads to the action."""

import pytest
from playwright.sync_api import expect

from bijeenkomsten.models import Actiepunt
from tests.scopes import every_gemeente
from verbeteracties.models import Verbeteractie

from .test_journeys import FACILITATOR, log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def actiepunt(demo):
    with every_gemeente():
        return (
            Actiepunt.objects.select_related("bijeenkomst__gemeente")
            .filter(bijeenkomst__gemeente__slug="oude-ijsselstreek")
            .order_by("bijeenkomst__begin")
            .last()
        )


def test_the_facilitator_makes_an_action_of_an_actiepunt(browsing, actiepunt):
    page = browsing.new_page()
    log_in(browsing, page, FACILITATOR)
    main = page.get_by_role("main")
    with every_gemeente():
        meeting_url = actiepunt.bijeenkomst.get_absolute_url()
        meeting_title = actiepunt.bijeenkomst.titel

    browsing.goto(page, meeting_url)
    browsing.submit(page, main.locator(f"a[href$='?actiepunt={actiepunt.pk}']"))
    expect(page.locator("input[name=titel]")).to_have_value(actiepunt.omschrijving)
    expect(page.locator("select[name=bijeenkomst] option:checked")).to_contain_text(meeting_title)
    page.locator("input[name=titel]").fill("Sociale kaart in elk MDO")
    browsing.submit(page, main.locator("form button[type=submit]"))

    expect(page.get_by_role("heading", level=1)).to_have_text("Sociale kaart in elk MDO")
    story = main.locator(".verhaal")
    expect(story.get_by_role("link", name=meeting_title)).to_be_visible()
    expect(story).to_contain_text(actiepunt.omschrijving)
    with every_gemeente():
        actie = Verbeteractie.objects.get(titel="Sociale kaart in elk MDO")
        assert (actie.actiepunt_id, actie.bijeenkomst_id) == (
            actiepunt.pk,
            actiepunt.bijeenkomst_id,
        )

    browsing.goto(page, meeting_url)
    expect(main.get_by_role("link", name="Sociale kaart in elk MDO")).to_be_visible()
    expect(main.locator(f"a[href$='?actiepunt={actiepunt.pk}']")).to_have_count(0)
    browsing.finish()
