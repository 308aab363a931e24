"""Security headers on every page: a Content-Security-Policy without 'unsafe-inline', HSTS,
nosniff and a referrer policy, under production-like settings. Walks every URL pattern that
takes no parameters, and every /g/<slug>/ page without an object id as a member."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.kern.test_isolation import gemeente_urls


def parameterless_urls():
    """Paths of every named URL pattern outside /g/ that takes no parameters."""
    found = []

    def walk(patterns, prefix, namespace):
        for p in patterns:
            if p.pattern.converters or "(?P<" in str(p.pattern) or "<" in str(p.pattern):
                continue
            if isinstance(p, URLResolver):
                ns = f"{namespace}:{p.namespace}" if namespace and p.namespace else p.namespace
                walk(p.url_patterns, prefix, ns or namespace)
            elif isinstance(p, URLPattern) and p.name:
                found.append(reverse(f"{namespace}:{p.name}" if namespace else p.name))

    walk(get_resolver().url_patterns, "", None)
    return sorted(set(found))


@pytest.fixture
def production_headers(settings):
    settings.SECURE_SSL_REDIRECT = False  # the test client speaks http; the headers still count
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True


def assert_secure_headers(response, url):
    csp = response.headers.get("Content-Security-Policy")
    assert csp, f"{url} has no Content-Security-Policy"
    assert "unsafe-inline" not in csp, f"{url}: {csp}"
    assert "unsafe-eval" not in csp, f"{url}: {csp}"
    assert "frame-ancestors 'none'" in csp, f"{url}: {csp}"
    assert response.headers.get("X-Content-Type-Options") == "nosniff", url
    assert response.headers.get("Referrer-Policy") == "same-origin", url
    assert response.headers.get("X-Frame-Options") == "DENY", url
    assert "max-age=31536000" in response.headers.get("Strict-Transport-Security", ""), url


def test_the_walk_finds_the_pages_outside_a_gemeente():
    urls = parameterless_urls()
    assert {reverse("home"), reverse("account_login"), reverse("health")} <= set(urls)


@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_every_page_sends_the_security_headers(who, production_headers, client, facilitator):
    if who == "member":
        client.force_login(facilitator)
    for url in parameterless_urls():
        if url == reverse("account_logout"):
            continue  # GET shows a confirmation; checked below without logging the client out
        response = client.get(url, secure=True)
        assert_secure_headers(response, url)
    assert_secure_headers(client.get(reverse("account_logout"), secure=True), "logout")


def test_every_gemeente_page_sends_the_security_headers(
    production_headers, client, facilitator, gemeente_a
):
    client.force_login(facilitator)
    for name, converters in gemeente_urls():
        if set(converters) != {"gemeente_slug"}:
            continue
        url = reverse(name, kwargs={"gemeente_slug": gemeente_a.slug})
        response = client.get(url, secure=True)
        assert response.status_code in (200, 302, 405), f"{url}: {response.status_code}"
        assert_secure_headers(response, url)
