"""Form input that is not UTF-8 is refused with a clear page that shows what was received, and
nothing is stored (Django itself would have stored U+FFFD in its place)."""

from urllib.parse import quote_from_bytes

import pytest
from django.utils import translation

from gemeenten.models import Organisatie
from kern.tenancy import gemeente_scope
from tests.urls import url

FIELDS = {
    "soort": Organisatie.Soort.WIJKVERPLEGING,
    "domein": "zorg",
    "contactpersoon": "",
    "contactpersoon_naam": "Tineke Terpstra",
    "contactpersoon_email": "tineke@example.org",
}


def urlencoded(naam: bytes) -> bytes:
    rest = "&".join(f"{key}={quote_from_bytes(str(val).encode())}" for key, val in FIELDS.items())
    return b"naam=" + naam + b"&" + rest.encode()


def multipart(naam: bytes) -> tuple[bytes, str]:
    boundary = "grens-0123456789"
    parts = [(b"naam", naam)] + [(k.encode(), str(v).encode()) for k, v in FIELDS.items()]
    body = b"".join(
        b"--" + boundary.encode() + b"\r\n"
        b'Content-Disposition: form-data; name="' + key + b'"\r\n\r\n' + value + b"\r\n"
        for key, value in parts
    )
    return body + b"--" + boundary.encode() + b"--\r\n", f"multipart/form-data; boundary={boundary}"


def partner_names(gemeente):
    with gemeente_scope(gemeente):
        return set(Organisatie.objects.values_list("naam", flat=True))


def assert_refused(response, gemeente):
    assert response.status_code == 400
    with translation.override("nl"):
        title = translation.gettext("Text could not be read")
    assert f"<h1>{title}</h1>" in response.text
    assert "UTF-8" in response.text
    # What was typed comes back to copy, the unreadable bytes shown as U+FFFD.
    assert "Thuiszorg \ufffdost" in response.text
    assert "Tineke Terpstra" in response.text
    assert partner_names(gemeente) == {"Welzijn A"}


@pytest.mark.parametrize(
    "naam", [b"Thuiszorg \xffost", b"Thuiszorg %FFost"], ids=["raw", "escaped"]
)
def test_a_urlencoded_form_with_invalid_utf8_is_refused_and_nothing_is_stored(
    client, beleidsadviseur, gemeente_a, naam
):
    client.force_login(beleidsadviseur)
    response = client.post(
        url("partner_new", gemeente_a),
        data=urlencoded(naam),
        content_type="application/x-www-form-urlencoded",
        headers={"accept-language": "nl"},
    )
    assert_refused(response, gemeente_a)


def test_a_multipart_form_with_invalid_utf8_is_refused_and_nothing_is_stored(
    client, beleidsadviseur, gemeente_a
):
    client.force_login(beleidsadviseur)
    body, content_type = multipart(b"Thuiszorg \xffost")
    response = client.post(
        url("partner_new", gemeente_a),
        data=body,
        content_type=content_type,
        headers={"accept-language": "nl"},
    )
    assert_refused(response, gemeente_a)


def test_the_page_links_back_to_the_form_it_came_from(client, beleidsadviseur, gemeente_a):
    client.force_login(beleidsadviseur)
    form = url("partner_new", gemeente_a)
    response = client.post(
        form,
        data=urlencoded(b"\xc3("),
        content_type="application/x-www-form-urlencoded",
        headers={"referer": f"http://testserver{form}"},
    )
    assert response.status_code == 400
    assert f'href="http://testserver{form}"' in response.text


@pytest.mark.parametrize("encode", [urlencoded, multipart], ids=["urlencoded", "multipart"])
def test_valid_utf8_with_accents_is_stored_as_sent(client, beleidsadviseur, gemeente_a, encode):
    client.force_login(beleidsadviseur)
    encoded = encode("Thuiszorg Oöst – Zuid".encode())
    body, content_type = (
        encoded if isinstance(encoded, tuple) else (encoded, "application/x-www-form-urlencoded")
    )
    response = client.post(url("partner_new", gemeente_a), data=body, content_type=content_type)
    assert response.status_code == 302
    assert "Thuiszorg Oöst – Zuid" in partner_names(gemeente_a)


def test_a_password_sent_with_invalid_utf8_is_never_shown_back(client, db):
    response = client.post(
        "/accounts/login/",
        data=b"login=iemand%40example.org&password=geheim-wachtwoord-%FF",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    assert "iemand@example.org" in response.text
    assert "geheim-wachtwoord" not in response.text
