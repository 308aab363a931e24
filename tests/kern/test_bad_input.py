"""Bad input everywhere: every form of the app, found by walking the URL resolver and reading the
pages, gets generated values (hypothesis): long strings, control characters, unicode, huge
numbers, impossible dates, ids of another gemeente, random files. No answer may be a server
error, and nothing of gemeente B may change.

A new page or form is covered without editing this file: each /g/ URL pattern is one test,
which opens the page as the facilitator of gemeente A (int parameters filled with the ids of
A's rows) and fuzzes every form on it whose target is the page itself or a URL that is not a
page of its own (POST-only endpoints such as the status change of a commitment).
"""

import hashlib
import string
from dataclasses import dataclass, field
from html.parser import HTMLParser
from types import SimpleNamespace
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.test import Client
from django.urls import Resolver404, resolve, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gemeenten.models import Gemeente
from kern.models import User
from tests import factories
from tests.scopes import every_gemeente
from tests.urlwalk import gemeente_urls, int_params, make_rows, tenant_models

A_ID_BASE = 5_000_000
B_ID_BASE = 10_000_000
MAX_EXAMPLES = 10
SWEEP_ROUNDS = 20
FUZZ = settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
OUTSIDE_G = ["uitnodiging_accept"]
# Every form of the app, fuzzed: minutes of its own, so `make test` runs it, `make test-fast` not.
pytestmark = pytest.mark.slow

# --- the forms on a page -------------------------------------------------------------------


@dataclass
class Field:
    kind: str  # input type, "select" or "textarea"
    value: str = ""
    options: list = field(default_factory=list)
    multiple: bool = False


@dataclass
class Form:
    method: str
    action: str
    htmx: bool
    fields: dict = field(default_factory=dict)


class FormParser(HTMLParser):
    """The forms of a page with their fields: enough to know what a browser could send."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self.form, self.select = [], None, None

    def handle_starttag(self, tag, attrs):
        a = {k: v if v is not None else "" for k, v in attrs}
        if tag == "form":
            self.form = Form(
                method=a.get("method", "get").lower(),
                action=a.get("action", ""),
                htmx="hx-post" in a or "hx-get" in a,
            )
            self.forms.append(self.form)
            return
        if self.form is None or not a.get("name"):
            if tag == "option" and self.select is not None:
                self.select.options.append(a.get("value", ""))
            return
        name = a["name"]
        if tag == "input":
            kind = a.get("type", "text").lower()
            if kind in ("checkbox", "radio"):
                f = self.form.fields.setdefault(name, Field(kind, multiple=kind == "checkbox"))
                f.options.append(a.get("value", "on"))
            else:
                self.form.fields[name] = Field(kind, a.get("value", ""))
        elif tag == "button" and a.get("type", "submit") == "submit":
            self.form.fields[name] = Field("submit", a.get("value", ""))
        elif tag == "select":
            self.select = self.form.fields[name] = Field("select", multiple="multiple" in a)
        elif tag == "textarea":
            self.form.fields[name] = Field("textarea")

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "select":
            self.select = None


def forms_of(html):
    parser = FormParser()
    parser.feed(html)
    return parser.forms


# --- what goes into the fields --------------------------------------------------------------

SPECIAL_TEXT = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\r\n\t\x0b\x0c\x1b[31m",
    "\u202eRTL-override\u202c",
    "مرحبا بالعالم",
    "שלום",
    "👩🏽‍⚕️🏳️‍🌈",
    "\ufeff\u200b\u200d",
    "Zoë Ĳsselmeer ß ﬁ",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "%s %(x)s {{ x }} {% now %}",
    '=HYPERLINK("http://x")',
    "../../etc/passwd",
]
NUMBER_TEXT = [
    "0",
    "-1",
    "-0",
    "1.5",
    "1,5",
    "1e309",
    "-1e309",
    "1e-309",
    "NaN",
    "nan",
    "inf",
    "-Infinity",
    "0x10",
    "１２３",
    "²",
    "٣",
    "2147483648",
    "9223372036854775808",
    "1" * 400,
    "99999999999999999999.999999999",
    "0.0000000000000000000001",
]
DATE_TEXT = [
    "0001-01-01",
    "9999-12-31",
    "2026-02-30",
    "2026-13-01",
    "0000-00-00",
    "10000-01-01",
    "-2026-01-01",
    "2026-1-1",
    "1-1-2026",
    "31/12/2026",
    "2026-02-29",
    "2024-02-29",
    "today",
    "２０２６-０１-０１",
]
TINY_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
FILE_NAMES = [
    "mandaat.pdf",
    "plaatje.pdf",
    "../../../etc/passwd.pdf",
    'a"b\r\nContent-Type: text/html; x=".pdf',
    "x" * 300 + ".pdf",
    "😀 مرحبا.pdf",
    ".pdf",
    "mandaat.pdf.exe",
    "CON.pdf",
]


def long_text():
    return st.builds(
        lambda s, n: (s * n)[:10_000], st.text(min_size=1, max_size=8), st.integers(100, 2_000)
    )


TEXT = st.one_of(st.sampled_from(SPECIAL_TEXT), st.text(max_size=60), long_text())
NUMBER = st.one_of(
    st.sampled_from(NUMBER_TEXT),
    st.integers(-(10**40), 10**40).map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
)
DATE = st.one_of(st.sampled_from(DATE_TEXT), st.dates().map(lambda d: d.isoformat()), TEXT)
CONTENT = st.one_of(
    st.just(TINY_PDF),
    st.just(PNG),
    st.just(b""),
    st.just(b"%PDF-1.7\n" + b"\x00" * 100),  # a header, no end
    st.binary(max_size=3_000),
    st.binary(max_size=300).map(lambda b: b"%PDF-1.4\n" + b + b"\n%%EOF"),
    st.just(b"%PDF-" + b"x" * (1024 * 1024 + 1) + b"%%EOF"),  # over the (test) limit
)
FILE = st.builds(
    lambda name, content, content_type: ("file", name, content, content_type),
    st.one_of(
        st.sampled_from(FILE_NAMES), st.text(min_size=1, max_size=40).map(lambda t: t + ".pdf")
    ),
    CONTENT,
    st.sampled_from(["application/pdf", "image/png", "text/html", "application/octet-stream"]),
)
OMIT = object()
# "1" * 5000: more digits than int() converts (ValueError, not a 404).
ID_TEXT = [
    *("²", "٣", "-1", "0", "1.5", "1e3", str(2**31), str(2**63), "1" * 400, "1" * 5000),
    *("\x00", "", "x"),
]
FILES = [
    ("file", name, content, content_type)
    for name, (content, content_type) in zip(
        FILE_NAMES,
        [
            (TINY_PDF, "application/pdf"),
            (PNG, "application/pdf"),  # a PNG named .pdf
            (TINY_PDF, "application/pdf"),
            (TINY_PDF, "text/html"),
            (b"", "application/pdf"),
            (TINY_PDF, "application/pdf"),
            (b"%PDF-1.7\n" + b"\x00" * 100, "application/pdf"),
            (bytes(range(256)), "application/octet-stream"),
            (TINY_PDF, "application/pdf"),
        ],
        strict=True,
    )
]


def specials_for(f, wrong_ids):
    """The hand-picked bad values for a field of this kind: the sweep goes through them all."""
    ids = [str(i) for i in wrong_ids]
    if f.kind in ("number", "range"):
        return NUMBER_TEXT + SPECIAL_TEXT[:4]
    if f.kind in ("date", "datetime-local", "month", "week", "time"):
        return DATE_TEXT + SPECIAL_TEXT[:4]
    if f.kind == "file":
        return FILES
    if f.kind in ("select", "radio", "checkbox", "hidden", "submit"):
        return ID_TEXT + ids[:4] + SPECIAL_TEXT[2:4]
    return SPECIAL_TEXT + ["x" * 10_000, "é" * 5_000 + "\x00", "\r\n" * 2_000]


def baseline(f):
    """What the page itself would send: so that one bad field among good ones gets deep."""
    if f.kind in ("select", "radio"):
        return next((o for o in f.options if o), f.options[0] if f.options else "")
    if f.kind == "checkbox":
        return f.options[:1]
    if f.kind == "file":
        return OMIT
    return f.value


def values_for(f, wrong_ids):
    """A strategy for what one field may carry, by the field's kind; sometimes it is left out."""
    bad = st.one_of(TEXT, NUMBER, DATE)
    ids = st.sampled_from(wrong_ids).map(str)
    if f.kind == "hidden" or f.kind == "submit":
        strategy = st.one_of(ids, bad)
    elif f.kind in ("number", "range"):
        strategy = st.one_of(NUMBER, TEXT)
    elif f.kind in ("date", "datetime-local", "month", "week", "time"):
        strategy = DATE
    elif f.kind == "file":
        strategy = FILE
    elif f.kind in ("select", "radio") and not f.multiple:
        strategy = st.one_of(st.sampled_from(f.options or [""]), ids, bad)
    elif f.kind in ("select", "checkbox"):
        item = st.one_of(st.sampled_from(f.options or ["on"]), ids, bad)
        strategy = st.lists(item, max_size=len(f.options) + 2)
    else:  # text, email, password, search, url, tel, textarea …
        strategy = TEXT
    specials = st.sampled_from([*specials_for(f, wrong_ids), OMIT])
    return st.one_of(st.just(baseline(f)), specials, strategy)


def as_data(values):
    data = {}
    for name, value in values.items():
        if value is OMIT:
            continue
        if isinstance(value, tuple) and value[0] == "file":
            _, file_name, content, content_type = value
            value = SimpleUploadedFile(file_name, content, content_type)
        data[name] = value
    return data


def payload(draw, form, wrong_ids):
    return as_data({name: draw(values_for(f, wrong_ids)) for name, f in form.fields.items()})


def sweep(form, wrong_ids):
    """Payloads that together put every special value into every field (rotated per field)."""
    lists = {name: specials_for(f, wrong_ids) for name, f in form.fields.items()}
    rounds = min(SWEEP_ROUNDS, max((len(v) for v in lists.values()), default=0))
    for i in range(rounds):
        yield as_data(
            {name: values[(i + j) % len(values)] for j, (name, values) in enumerate(lists.items())}
        )


def shown(data):
    """The payload for a failure message, long values shortened."""
    short = {}
    for k, v in data.items():
        if isinstance(v, SimpleUploadedFile):
            v = f"<file {v.name[:60]!r} {v.size} bytes>"
        elif isinstance(v, str) and len(v) > 80:
            v = f"{v[:60]!r}… ({len(v)} chars)"
        short[k] = v
    return short


# --- gemeente B must not change -------------------------------------------------------------


def snapshot(gemeente):
    """Counts of B's rows per tenant model and a checksum over all their values."""
    with every_gemeente():
        rows = {
            model._meta.label: [
                sorted(r.items())
                for r in model.objects.filter(gemeente=gemeente).order_by("pk").values()
            ]
            for model in tenant_models()
        }
        rows["gemeente"] = list(Gemeente.objects.filter(pk=gemeente.pk).values())
        member_ids = [dict(r)["user_id"] for r in rows.get("gemeenten.Lidmaatschap", [])]
        rows["users"] = list(User.objects.filter(pk__in=member_ids).order_by("pk").values())
    counts = {label: len(r) for label, r in rows.items()}
    checksum = hashlib.sha256(repr(rows).encode()).hexdigest()
    return counts, checksum


def rows_written():
    """How many rows this connection has inserted, changed or deleted so far (rolled back or
    not): equal before and after a submission means it wrote nothing, so it cannot have
    changed gemeente B and the snapshot need not be read again."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        return connection.connection.total_changes
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) "
            "FROM pg_stat_xact_user_tables"
        )
        return cursor.fetchone()[0]


# --- the world: A with one row of everything, B likewise ------------------------------------


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """The world has a handful of accounts; hashing their passwords properly takes seconds."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(gemeente_a, gemeente_b, facilitator, outsider, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MANDAAT_MAX_UPLOAD_MB = 1
    with every_gemeente():
        a_ids = make_rows(gemeente_a, A_ID_BASE)
        b_ids = make_rows(gemeente_b, B_ID_BASE, text="Geheim-B")
        # An open invitation of A, for the accept form outside /g/.
        uitnodiging = factories.UitnodigingFactory(gemeente=gemeente_a, email="nieuw@example.org")
        token = uitnodiging.make_token()
    wrong_ids = [*b_ids, *a_ids, 0, -1, 2**31, 2**63, 10**30]  # B's first: the sweep takes a few
    return SimpleNamespace(
        a_ids=a_ids, b_ids=b_ids, wrong_ids=wrong_ids, token=token, gemeente_b=gemeente_b
    )


def page_urls(page, world, slug):
    if page in OUTSIDE_G:
        return [reverse(page, kwargs={"token": world.token})]
    converters = dict(gemeente_urls())[page]
    params = int_params(page, converters)
    if not params:
        return [reverse(page, kwargs={"gemeente_slug": slug})]
    return [
        reverse(page, kwargs={"gemeente_slug": slug, **dict.fromkeys(params, object_id)})
        for object_id in world.a_ids
    ]


def target_of(url, form):
    """(path, query, url name) the form sends to, or None if it leaves the app's own forms."""
    parts = urlsplit(urljoin(url, form.action or url))
    try:
        match = resolve(parts.path)
    except Resolver404:
        return None
    if "gemeente_slug" not in match.kwargs and match.url_name not in OUTSIDE_G:
        return None  # allauth's forms (log out), not this app's
    return parts.path, parts.query, match.view_name


def discover(client, page, world, slug):
    """The forms to fuzz for this page: (page url, form, target path, query)."""
    found, seen = [], set()
    for url in page_urls(page, world, slug):
        response = client.get(url)
        assert response.status_code < 500, f"GET {url}: {response.status_code}"
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        for form in forms_of(response.content.decode()):
            target = target_of(url, form)
            if target is None:
                continue
            path, query, name = target
            if name != page and client.get(path).status_code == 200:
                continue  # that page's own test fuzzes it
            key = (form.method, path, tuple(sorted(form.fields)))
            if key not in seen:
                seen.add(key)
                found.append((url, form, path, query))
    return found


def fuzz_form(client, form, path, query, world):
    url = f"{path}?{query}" if query else path
    before = snapshot(world.gemeente_b)

    def send(values, htmx=False):
        headers = {"HX-Request": "true"} if htmx else {}
        # Every submission starts from the same data: its changes are rolled back after the check.
        with transaction.atomic():
            written = rows_written()
            if form.method == "post":
                response = client.post(url, values, headers=headers)
            else:
                response = client.get(url, values, headers=headers)
            exc_info = getattr(response, "exc_info", None)
            assert exc_info is None and response.status_code < 500, (
                f"{form.method.upper()} {url} answered {response.status_code} for "
                f"{shown(values)}: {exc_info[1] if exc_info else ''}"
            )
            assert rows_written() == written or snapshot(world.gemeente_b) == before, (
                f"{form.method.upper()} {url} changed gemeente B with {shown(values)}"
            )
            transaction.set_rollback(True)

    for n, values in enumerate(sweep(form, world.wrong_ids)):
        send(values, htmx=form.htmx and n % 2 == 1)

    @FUZZ
    @given(st.data())
    def submit(data):
        values = payload(data.draw, form, world.wrong_ids)
        send(values, htmx=form.htmx and data.draw(st.booleans(), label="htmx"))

    submit()


PAGES = [name for name, _ in gemeente_urls()] + OUTSIDE_G


@pytest.mark.parametrize("page", PAGES)
def test_no_form_answers_bad_input_with_a_server_error(page, world, gemeente_a, facilitator):
    client = Client(raise_request_exception=False)
    if page not in OUTSIDE_G:
        client.force_login(facilitator)  # the invitation is accepted by someone new
    for _url, form, path, query in discover(client, page, world, gemeente_a.slug):
        fuzz_form(client, form, path, query, world)


def test_the_walk_finds_the_forms(world, gemeente_a, facilitator):
    """The discovery itself: the forms it must see are seen (else the fuzzing proves nothing)."""
    client = Client()
    client.force_login(facilitator)
    targets = set()
    for page in PAGES:
        if page in OUTSIDE_G:
            continue
        for _url, form, _path, _query in discover(client, page, world, gemeente_a.slug):
            targets.add((resolve(_path).url_name, form.method, *sorted(form.fields)))
    names = {t[0] for t in targets}
    assert {
        "partner_new",
        "partner_edit",
        "kerngroeplid_add",
        "commitment_new",
        "commitment_edit",
        "commitment_status",
        "leden",
        "lid_rol",
        "proeftuin_create",
        "proeftuin_edit",
        "proeftuin_ingredienten",
        "profiel",
    } <= names, names
    commitment_form = next(t for t in targets if t[0] == "commitment_new")
    assert "document" in commitment_form and "toegezegd_op" in commitment_form


def test_the_invitation_form_is_found(world):
    client = Client()
    (found,) = discover(client, "uitnodiging_accept", world, None)
    assert {"name", "password1", "password2"} <= set(found[1].fields)


def test_field_parser_reads_kinds_and_options():
    html = """<form method="post" action="/x/" hx-post="/x/">
      <input type="hidden" name="version" value="3"><input name="naam">
      <input type="checkbox" name="b" value="1"><input type="checkbox" name="b" value="2">
      <select name="s"><option value="">-</option><option value="7">z</option></select>
      <textarea name="t">x</textarea><input type="file" name="f"><input type="date" name="d">
    </form><form><input name="q"></form>"""
    post, get = forms_of(html)
    assert (post.method, post.action, post.htmx, get.method) == ("post", "/x/", True, "get")
    assert post.fields["version"] == Field("hidden", "3")
    assert post.fields["b"].options == ["1", "2"] and post.fields["b"].multiple
    assert post.fields["s"].options == ["", "7"]
    assert [post.fields[n].kind for n in "tfd"] == ["textarea", "file", "date"]
    assert set(string.ascii_lowercase) >= set(get.fields)


def test_the_write_counter_sees_a_write_even_when_it_is_rolled_back(gemeente_b):
    """The sweep skips the snapshot of B after a submission that wrote nothing: the counter
    must see every write, or a change of B could pass unseen."""
    before = rows_written()
    with every_gemeente(), transaction.atomic():
        factories.OrganisatieFactory(gemeente=gemeente_b, naam="Nieuw in B")
        transaction.set_rollback(True)
    assert rows_written() > before
    unchanged = rows_written()
    with every_gemeente():
        list(Gemeente.objects.all())
    assert rows_written() == unchanged
