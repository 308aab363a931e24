"""The beleidsadviseur's journey through the startbijeenkomst in Chromium: the mandate with its
signed PDF, hours and money with a beneficiary, kosten en baten, the CSV export; then a
bestuurder who reads the commitments without edit controls.

Selectors go by role, form field name and URL; numbers are compared in Dutch notation.
"""

import csv
import io
from decimal import Decimal

import pytest
from allauth.account.models import EmailAddress
from playwright.sync_api import expect

from gemeenten.demo import DEMO_PASSWORD
from gemeenten.kostenbaten import kosten_en_baten
from gemeenten.models import Commitment, Gemeente, Lidmaatschap, Organisatie, Proeftuin
from kern.models import User
from kern.permissions import Rol
from kern.tenancy import gemeente_scope
from tests.gemeenten.test_commitments import tiny_pdf
from tests.scopes import every_gemeente

from .test_journeys import log_in, log_out

pytestmark = pytest.mark.browser

BELEID = "beleid@oude-ijsselstreek.demo.nl"
BESTUURDER = "wethouder@oude-ijsselstreek.demo.nl"
G = "/g/oude-ijsselstreek"
THUISZORG = "Thuiszorg Achter de IJssel"
WMO = "Wmo-team Oude IJsselstreek"
MANTELZORG = "Steunpunt Mantelzorg De Schakel"


def dutch(number, places):
    """12345.5 -> '12.345,50' (places=2) or '12.345,5' (places=1, trailing zeros dropped)."""
    text = f"{Decimal(number):,.{places}f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    if places == 1 and text.endswith(",0"):
        text = text[:-2]
    return text


def kostenbaten_now():
    with gemeente_scope(Gemeente.objects.get(slug="oude-ijsselstreek")):
        proeftuin = Proeftuin.objects.order_by("-start").first()
        return {row.naam: row for row in kosten_en_baten(proeftuin)}


def new_commitment(browsing, page, soort):
    browsing.goto(page, f"{G}/toezeggingen/nieuw/")
    form = page.get_by_role("main").locator("form")
    form.locator("select[name=soort]").select_option(soort)
    return form


def test_a_beleidsadviseur_records_commitments_and_a_bestuurder_reads_them(browsing, demo):
    before = kostenbaten_now()
    page = browsing.new_page()
    log_in(browsing, page, BELEID)
    browsing.goto(page, f"{G}/toezeggingen/")

    # The mandate, with the signed statement as a PDF.
    form = new_commitment(browsing, page, Commitment.Soort.MANDAAT)
    form.locator("input[name=mandaat_door]").fill("Joke ten Hagen")
    form.locator("input[name=mandaat_functie]").fill("wethouder zorg en welzijn")
    form.locator("input[name=document]").set_input_files(
        {"name": "mandaat.pdf", "mimeType": "application/pdf", "buffer": tiny_pdf()}
    )
    browsing.submit(page, form.locator("button[type=submit]"))
    assert "/toezeggingen/" in page.url and "nieuw" not in page.url
    download_link = page.locator("a[href$='/verklaring.pdf']")
    expect(download_link).to_have_count(1)
    with page.expect_download() as pdf_download:
        download_link.click()
    assert pdf_download.value.suggested_filename.endswith(".pdf")
    with open(pdf_download.value.path(), "rb") as handle:
        assert handle.read() == tiny_pdf()

    # Hours for one partner.
    form = new_commitment(browsing, page, Commitment.Soort.UREN)
    form.locator("select[name=organisatie]").select_option(label=THUISZORG)
    form.locator("textarea[name=omschrijving]").fill("Een wijkverpleegkundige voor de kerngroep")
    form.locator("input[name=uren_per_jaar]").fill("100")
    browsing.submit(page, form.locator("button[type=submit]"))

    # Money from another, with a beneficiary; first a negative amount, refused at the field.
    form = new_commitment(browsing, page, Commitment.Soort.GELD)
    form.locator("select[name=organisatie]").select_option(label=WMO)
    form.locator("textarea[name=omschrijving]").fill("Budget voor mantelzorgondersteuning")
    form.locator("input[name=bedrag]").fill("-1")
    form.get_by_role("checkbox", name=MANTELZORG).check()
    browsing.submit(page, form.locator("button[type=submit]"), status=400)
    form = page.get_by_role("main").locator("form")
    expect(form.locator("input[name=bedrag]")).to_have_attribute("aria-invalid", "true")
    expect(form.get_by_role("checkbox", name=MANTELZORG)).to_be_checked()
    form.locator("input[name=bedrag]").fill("2500")
    browsing.submit(page, form.locator("button[type=submit]"))

    # Listed, with the right totals on kosten en baten.
    browsing.goto(page, f"{G}/toezeggingen/")
    main = page.get_by_role("main")
    expect(main).to_contain_text("Budget voor mantelzorgondersteuning")
    expect(main).to_contain_text("Joke ten Hagen")
    browsing.goto(page, f"{G}/kosten-en-baten/")
    table = page.locator("table.kostenbaten")

    def row(naam):
        return table.get_by_role("row").filter(has=page.get_by_role("rowheader", name=naam))

    thuiszorg = row(THUISZORG).get_by_role("cell")
    expect(thuiszorg.nth(1)).to_have_text(dutch(before[THUISZORG].uren + 100, 1))
    wmo = row(WMO).get_by_role("cell")
    expect(wmo.nth(2)).to_have_text(dutch(before[WMO].euro + 2500, 2))
    mantelzorg = row(MANTELZORG).get_by_role("cell")
    expect(mantelzorg.nth(4)).to_have_text(str(before[MANTELZORG].baten + 1))

    # The CSV export.
    browsing.goto(page, f"{G}/toezeggingen/")
    with page.expect_download() as csv_download:
        page.locator("a[href*='toezeggingen.csv']").click()
    assert csv_download.value.suggested_filename.endswith(".csv")
    with open(csv_download.value.path(), "rb") as handle:
        body = handle.read()
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    descriptions = {r[3]: r for r in rows[1:]}
    assert descriptions["Budget voor mantelzorgondersteuning"][5] == "2500,00"
    assert descriptions["Een wijkverpleegkundige voor de kerngroep"][4] == "100,0"

    # The partner, with its commitments and core group.
    browsing.goto(page, f"{G}/partners/")
    browsing.submit(page, page.get_by_role("main").get_by_role("link", name=THUISZORG))
    expect(page.get_by_role("main")).to_contain_text("Een wijkverpleegkundige voor de kerngroep")
    log_out(browsing, page)

    # A bestuurder reads, without edit controls.
    with every_gemeente():
        gemeente = Gemeente.objects.get(slug="oude-ijsselstreek")
        user = User.objects.create_user(BESTUURDER, DEMO_PASSWORD, name="Wim Wethouder")
        EmailAddress.objects.create(user=user, email=BESTUURDER, verified=True, primary=True)
        Lidmaatschap.objects.create(gemeente=gemeente, user=user, role=Rol.BESTUURDER)
        mandaat = Commitment.objects.get(gemeente=gemeente, mandaat_door="Joke ten Hagen")
        assert Organisatie.objects.filter(gemeente=gemeente, naam=MANTELZORG).exists()
    reader = browsing.new_page()
    log_in(browsing, reader, BESTUURDER)
    browsing.goto(reader, f"{G}/toezeggingen/")
    main = reader.get_by_role("main")
    expect(main).to_contain_text("Budget voor mantelzorgondersteuning")
    expect(main.locator("a[href$='/toezeggingen/nieuw/'], a[href*='nieuw/?']")).to_have_count(0)
    browsing.goto(reader, f"{G}/toezeggingen/{mandaat.pk}/")
    main = reader.get_by_role("main")
    expect(main.locator("form")).to_have_count(0)
    expect(main.locator("a[href$='/wijzigen/'], a[href$='/verwijderen/']")).to_have_count(0)
    expect(main.locator("a[href$='/verklaring.pdf']")).to_have_count(1)
    browsing.goto(reader, f"{G}/toezeggingen/{mandaat.pk}/wijzigen/", status=403)

    browsing.finish()
