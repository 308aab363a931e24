"""Journeys through the privacy pages in Chromium: the statements, one's own data, the sessions,
the audit log and the logout confirmation, each checked by axe and for CSP."""

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .test_journeys import FACILITATOR, log_in

pytestmark = pytest.mark.browser


def test_the_privacy_and_accessibility_statements_are_open_to_everyone(browsing, db):
    page = browsing.new_page()
    browsing.goto(page, "/privacy/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    browsing.goto(page, "/toegankelijkheid/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    browsing.finish()


def test_the_facilitator_sees_her_own_data_sessions_and_the_audit_log(browsing, demo):
    page = browsing.new_page()
    log_in(browsing, page, FACILITATOR)

    browsing.goto(page, "/account/gegevens/")
    with page.expect_download() as download:
        page.locator("a[href='/account/gegevens.json']").click()
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert FACILITATOR in json.dumps(data)

    browsing.goto(page, "/accounts/sessions/")
    expect(page.locator("main")).to_contain_text("Chrom")

    browsing.goto(page, "/g/oude-ijsselstreek/audit/")
    expect(page.locator("main table, main p").first).to_be_visible()

    # A GET of the logout URL only asks; the session stays until the form is posted.
    browsing.goto(page, "/accounts/logout/")
    browsing.goto(page, "/account/gegevens/")
    expect(page).to_have_url(browsing.base_url + "/account/gegevens/")
    browsing.finish()
