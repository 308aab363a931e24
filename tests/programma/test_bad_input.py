"""Bad input on the programme team's forms: every form on every programme page, found by walking
the ``programma`` URLs and reading the pages, gets the generated values of the app-wide bad-input
test (long strings, control characters, impossible dates, huge numbers, ids of another
gemeente). No answer may be a server error; gemeente B may change only where the page is about
B itself, which none of these pages is when opened for A."""

from urllib.parse import urljoin, urlsplit

import pytest
from django.urls import Resolver404, resolve

from tests.kern.test_bad_input import _fast_passwords, forms_of, fuzz_form, world  # noqa: F401
from tests.programma.test_isolation import walk
from tests.scopes import every_gemeente

pytestmark = pytest.mark.slow


def programme_forms(client, ids):
    found, seen = [], set()
    for _name, url in walk(ids):
        response = client.get(url)
        assert response.status_code < 500, f"GET {url}: {response.status_code}"
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        for form in forms_of(response.content.decode()):
            parts = urlsplit(urljoin(url, form.action or url))
            try:
                match = resolve(parts.path)
            except Resolver404:
                continue
            if match.namespace != "programma":
                continue  # the logout form of the header
            key = (form.method, parts.path, tuple(sorted(form.fields)))
            if key not in seen:
                seen.add(key)
                found.append((form, parts.path, parts.query))
    return found


def test_no_programme_form_answers_bad_input_with_a_server_error(
    proeftuin,
    gemeente_a,
    facilitator,
    world,  # noqa: F811 - the fixture imported above
    team_client,
):
    with every_gemeente():
        lid = gemeente_a.lidmaatschap_set.get(user=facilitator)
    found = programme_forms(team_client, [gemeente_a.pk, proeftuin.pk, lid.pk])
    paths = {path for _form, path, _query in found}
    assert any(p.endswith("/gemeenten/nieuw/") for p in paths), paths
    assert any(p.endswith("/sjabloon/") for p in paths), paths
    for form, path, query in found:
        if (
            path.endswith("/archiveren/")
            or path.endswith("/verwijderen/")
            and "naam" not in form.fields
        ):
            continue  # one button, no input: archiving or removing A's rows is what it does
        fuzz_form(team_client, form, path, query, world)
