"""Fixtures for the browser journeys: Debian's Chromium, driven by Playwright, against live_server.

Every page a journey visits goes through axe-core, and every page's Content-Security-Policy and
console are watched: a journey fails on a serious or critical accessibility violation, on a
missing CSP or one that allows 'unsafe-inline', and on any CSP violation the browser reports.
"""

import os
import re
from pathlib import Path

import pytest

# Playwright's sync API runs an asyncio event loop in the test thread; without this Django
# refuses every ORM call made there (fixtures, assertions on the database).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 800}
BLOCKING_IMPACTS = ("serious", "critical")

# Reports CSP violations on the console, where the page's own listener cannot be stopped by CSP
# (init scripts are injected by the browser, not by the page).
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(
    "CSP violation: " + event.violatedDirective + " blocked " + (event.blockedURI || "inline")
    + " at " + event.documentURI
  );
});
"""
CSP_CONSOLE = re.compile(r"Content.Security.Policy|CSP violation", re.IGNORECASE)
# Chromium logs every 4xx document as an error; the journeys assert those statuses themselves.
EXPECTED_CONSOLE = re.compile(r"^Failed to load resource: the server responded with a status of 4")


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing (apt install chromium)"
        if "CI" in os.environ:
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


class Browsing:
    """Pages in fresh browser contexts, with every visited page checked by axe and for CSP."""

    def __init__(self, browser, base_url):
        from axe_playwright_python.sync_playwright import Axe

        self.browser = browser
        self.base_url = base_url
        self.axe = Axe()
        self.contexts = []
        self.problems = []  # CSP headers and violations, console errors, uncaught exceptions
        self.visited = []  # every URL a page's main frame navigated to
        self.checked = set()  # URLs axe has run on

    def new_page(self):
        """A page in a new context: no cookies, Dutch, 1280×800."""
        context = self.browser.new_context(
            base_url=self.base_url, locale="nl-NL", viewport=VIEWPORT
        )
        context.add_init_script(CSP_LISTENER)
        self.contexts.append(context)
        page = context.new_page()
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.problems.append(f"uncaught error: {error}"))
        page.on("response", self._on_response)
        page.on("framenavigated", lambda frame: self._on_navigated(page, frame))
        return page

    def goto(self, page, path, *, status=200):
        """Open a path, assert the status, and check the page."""
        response = page.goto(path)
        assert response is not None, path
        assert response.status == status, f"{path}: {response.status}, expected {status}"
        self.check(page)
        return response

    def submit(self, page, button, *, status=200):
        """Click a button that leads to a new page (via redirects), assert its status, check it."""
        with page.expect_navigation() as navigation:
            button.click()
        response = navigation.value
        assert response is not None
        assert response.status == status, f"{response.url}: {response.status}, expected {status}"
        self.check(page)
        return response

    def check(self, page):
        """Run axe on the page as it is now; fail on serious or critical violations."""
        page.wait_for_load_state("load")
        results = self.axe.run(page)
        self.checked.add(page.url)
        blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
        if blocking:
            pytest.fail(
                f"axe found {len(blocking)} serious or critical violation(s) on {page.url}:\n"
                + "\n".join(_describe(v) for v in blocking),
                pytrace=False,
            )

    def finish(self):
        """Assert what the listeners saw: no CSP trouble, no errors, no page left unchecked."""
        unchecked = [url for url in self.visited if url not in self.checked]
        assert not unchecked, f"pages visited without an axe check: {unchecked}"
        assert not self.problems, "problems during the journey:\n" + "\n".join(self.problems)

    def close(self):
        for context in self.contexts:
            context.close()

    def _on_console(self, message):
        if message.type != "error":
            return
        text = message.text
        if CSP_CONSOLE.search(text):
            self.problems.append(f"CSP violation on {message.location.get('url')}: {text}")
        elif not EXPECTED_CONSOLE.search(text):
            self.problems.append(f"console error on {message.location.get('url')}: {text}")

    def _on_response(self, response):
        if response.request.resource_type != "document" or 300 <= response.status < 400:
            return
        csp = response.headers.get("content-security-policy")
        if not csp:
            self.problems.append(f"no Content-Security-Policy on {response.url}")
        elif "'unsafe-inline'" in csp or "'unsafe-eval'" in csp:
            self.problems.append(f"unsafe Content-Security-Policy on {response.url}: {csp}")

    def _on_navigated(self, page, frame):
        if frame == page.main_frame and frame.url.startswith(self.base_url):
            self.visited.append(frame.url)


def _describe(violation):
    nodes = "\n".join(
        f"      {', '.join(map(str, node['target']))}: {node['html'][:200]}"
        for node in violation["nodes"]
    )
    return (
        f"  - {violation['id']} ({violation['impact']}): {violation['help']}\n"
        f"    {violation['helpUrl']}\n{nodes}"
    )


@pytest.fixture
def browsing(chromium, live_server):
    session = Browsing(chromium, live_server.url)
    yield session
    session.close()


@pytest.fixture
def demo(transactional_db):
    """The demo data of `make run`: four gemeenten and the demo accounts."""
    from demo.loader import load_demo

    return load_demo()


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # The demo hashes five passwords and every journey logs in: PBKDF2 would dominate the run.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
