"""An htmx swap applies no inline style: a textarea the person resized (the browser writes its
size into a style attribute) is swapped without htmx copying that attribute onto the new
element, which the Content-Security-Policy (style-src 'self') refuses."""

import pytest
from playwright.sync_api import expect

from gemeenten.models import Commitment
from tests.factories import PASSWORD, CommitmentFactory
from tests.scopes import every_gemeente
from tests.urls import url

from .test_journeys import log_in

pytestmark = pytest.mark.browser


def test_a_status_swap_after_resizing_the_reason_field_breaks_no_csp(
    transactional_db, browsing, beleidsadviseur, gemeente_a, proeftuin
):
    with every_gemeente():
        commitment = CommitmentFactory(gemeente=gemeente_a, proeftuin=proeftuin)
    page = browsing.new_page()
    log_in(browsing, page, beleidsadviseur.email, PASSWORD)
    browsing.goto(page, url("commitment", gemeente_a, pk=commitment.pk))

    reason = page.locator(f"#status-{commitment.pk}-reden_ingetrokken")
    # What dragging the resize handle does: the browser sets the size as an inline style.
    reason.evaluate("element => { element.style.height = '12rem'; }")
    expect(reason).to_have_attribute("style", "height: 12rem;")
    page.locator(f"#status-{commitment.pk}-status").select_option("geleverd")
    page.get_by_role("button", name="Status opslaan").click()
    expect(page.locator("#status-en-historie .status-ok")).to_be_visible()
    with every_gemeente():
        assert Commitment.objects.get(pk=commitment.pk).status == "geleverd"
    expect(reason).not_to_have_attribute("style", "height: 12rem;")
    browsing.finish()


def test_a_refused_htmx_form_comes_back_with_its_errors_and_the_input(
    transactional_db, browsing, facilitator, gemeente_a, proeftuin
):
    """A form error answers 400: htmx 2 would leave the page as it was, so the person would see
    nothing happen; the configuration swaps 400, 409 and 422 in."""
    from bijeenkomsten.models import Agendapunt
    from tests.bijeenkomsten.factories import BijeenkomstFactory

    with every_gemeente():
        bijeenkomst = BijeenkomstFactory(gemeente=gemeente_a, proeftuin=proeftuin)
    page = browsing.new_page()
    log_in(browsing, page, facilitator.email, PASSWORD)
    browsing.goto(page, bijeenkomst.get_absolute_url())
    agenda = page.locator("#agenda")
    agenda.locator("[name=duur_minuten]").fill("25")
    agenda.get_by_role("button", name="Op de agenda zetten").click()
    expect(page.locator("#agenda .errorlist")).to_be_visible()
    expect(page.locator("#agenda [name=duur_minuten]")).to_have_value("25")
    with every_gemeente():
        assert not Agendapunt.objects.exists()
    browsing.finish()
