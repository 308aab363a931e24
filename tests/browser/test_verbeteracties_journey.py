"""The verbeteracties journey: a professional proposes an action from an inzicht, adds an
indicator, posts two updates and three metingen and sees the run chart; the facilitator sees
the board, moves an action to afgerond in place (keyboard), and exports."""

import re

import pytest
from playwright.sync_api import expect

from casussen.models import Inzicht
from gemeenten.models import Proeftuin
from tests.casussen.factories import InzichtFactory
from tests.scopes import every_gemeente
from verbeteracties.models import Meting, Verbeteractie, Voortgang

from .test_journeys import FACILITATOR, log_in, log_out

pytestmark = pytest.mark.browser

WIJKVERPLEGING = "wijkverpleging@zundert.demo.nl"


@pytest.fixture
def inzicht(demo):
    with every_gemeente():
        proeftuin = Proeftuin.objects.get(gemeente__slug="zundert")
        return InzichtFactory(
            gemeente=proeftuin.gemeente,
            casus__proeftuin=proeftuin,
            casus__status="besproken",
            titel="Wmo-consulent hoorde pas laat van de situatie",
            knelpunt_categorieen=["informatie_uitwisseling"],
        )


@pytest.fixture
def casus_url(inzicht):
    with every_gemeente():
        return inzicht.casus.get_absolute_url()


def test_a_professional_proposes_and_monitors_and_the_facilitator_closes(
    browsing, inzicht, casus_url
):
    page = browsing.new_page()
    log_in(browsing, page, WIJKVERPLEGING)
    main = page.get_by_role("main")

    # From the inzicht on the casus page: the casus, the inzicht and its category come along.
    browsing.goto(page, casus_url)
    browsing.submit(page, main.locator(f"a[href$='?inzicht={inzicht.pk}']"))
    expect(page.locator(f"input[name=inzichten][value='{inzicht.pk}']")).to_be_checked()
    expect(
        page.locator("input[name=knelpunt_categorieen][value=informatie_uitwisseling]")
    ).to_be_checked()
    page.locator("input[name=titel]").fill("Wmo-consulent schuift aan bij het MDO")
    browsing.submit(page, main.locator("form button[type=submit]"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Wmo-consulent schuift aan bij het MDO"
    )
    expect(main.locator(".verhaal")).to_contain_text(inzicht.titel)
    with every_gemeente():
        actie = Verbeteractie.objects.get(titel="Wmo-consulent schuift aan bij het MDO")
        assert list(actie.inzichten.all()) == [Inzicht.objects.get(pk=inzicht.pk)]
    detail = actie_url = page.url

    # An indicator, then two updates and three metingen.
    browsing.submit(page, main.locator("a[href$='/indicatoren/nieuw/']"))
    page.locator("input[name=naam]").fill("Casussen besproken in het zesweekse MDO")
    page.locator("input[name=eenheid]").fill("casussen")
    page.locator("input[name=nulmeting]").fill("2")
    page.locator("input[name=streefwaarde]").fill("8")
    browsing.submit(page, main.locator("form button[type=submit]"))
    for licht, tekst in (
        ("op_koers", "Eerste MDO met de Wmo-consulent."),
        ("aandacht", "Tijdstip past slecht."),
    ):
        form = main.locator("form[action$='/voortgang/']")
        form.locator(f"input[name=licht][value={licht}]").check()
        form.locator("textarea[name=tekst]").fill(tekst)
        browsing.submit(page, form.get_by_role("button"))
    with every_gemeente():
        assert Voortgang.objects.filter(actie=actie).count() == 2
        start = Verbeteractie.objects.get(pk=actie.pk).start
    for month, waarde in ((1, "3"), (2, "4,5"), (3, "6")):
        form = main.locator("form[action$='/metingen/']")
        datum = start.replace(day=1).replace(month=start.month + month)
        form.locator("input[name=datum]").fill(datum.isoformat())
        form.locator("input[name=waarde]").fill(waarde)
        browsing.submit(page, form.get_by_role("button"))
    with every_gemeente():
        assert Meting.objects.filter(indicator__actie=actie).count() == 3
    chart = main.locator(".runchart")
    expect(chart.locator("svg polyline")).to_have_count(1)
    expect(chart.locator("svg circle")).to_have_count(3)
    chart.locator("summary").click()
    expect(chart.locator("tbody tr")).to_have_count(3)
    expect(chart).to_contain_text(re.compile("mediaan|median"))

    # A value in the wrong unit is refused at the field, the input kept.
    form = main.locator("form[action$='/metingen/']")
    form.locator("input[name=datum]").fill(
        start.replace(day=1).replace(month=start.month + 4).isoformat()
    )
    form.locator("input[name=waarde]").fill("7")
    form.locator("input[name=eenheid]").fill("procent")
    browsing.submit(page, form.get_by_role("button"), status=400)
    expect(page.locator("input[name=eenheid][aria-invalid=true]")).to_have_value("procent")
    log_out(browsing, page)

    # The facilitator: the board, an action moved to afgerond in place, with the keyboard.
    log_in(browsing, page, FACILITATOR)
    browsing.goto(page, "/g/zundert/verbeteracties/")
    with every_gemeente():
        mdo = Verbeteractie.objects.get(titel="Zesweeks MDO palliatieve zorg in de wijk")
    card = page.locator(f"#kaart-{mdo.pk}")
    visited = len(browsing.visited)
    card.locator("select[name=status]").select_option("afgerond")
    card.get_by_role("button").focus()
    page.keyboard.press("Enter")
    moved = page.locator(f"#kolom-sectie-afgerond #kaart-{mdo.pk}")
    expect(moved.get_by_role("status")).to_have_text(re.compile("Verplaatst naar|Moved to"))
    expect(page.locator(f"#kaart-{mdo.pk}")).to_have_count(1)  # gone from its old column
    expect(moved.get_by_role("button")).to_be_focused()
    assert len(browsing.visited) == visited, "htmx moves the card in place"
    browsing.check(page)
    with every_gemeente():
        assert Verbeteractie.objects.get(pk=mdo.pk).status == "afgerond"

    # A jump (idee → geborgd) asks first.
    with every_gemeente():
        nieuw = Verbeteractie.objects.get(pk=actie.pk)
    card = page.locator(f"#kaart-{nieuw.pk}")
    card.locator("select[name=status]").select_option("geborgd")
    card.get_by_role("button").click()
    expect(page.locator(f"#kaart-{nieuw.pk}").get_by_role("alert")).to_be_visible()
    page.locator(f"#kaart-{nieuw.pk}").locator("button[type=submit]").click()
    expect(page.locator(f"#kaart-{nieuw.pk}").get_by_role("status")).to_be_visible()
    with every_gemeente():
        assert Verbeteractie.objects.get(pk=actie.pk).status == "geborgd"

    with page.expect_download() as download:
        main.locator("a[href$='acties.csv']").click()
    assert download.value.suggested_filename.endswith(".csv")
    with page.expect_download() as download:
        main.locator("a[href$='metingen.xlsx']").click()
    assert download.value.suggested_filename.endswith(".xlsx")

    # The other pages, for axe.
    for path in ("lijst/", "tijdlijn/", "stand/", "prullenbak/"):
        browsing.goto(page, f"/g/zundert/verbeteracties/{path}")
    browsing.goto(page, detail)
    browsing.goto(page, actie_url + "metingen/upload/")
    browsing.finish()
