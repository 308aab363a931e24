"""What the anonymisation gate finds in the texts already stored: every row of every model with
shared texts (found through their ``shared_text_fields``/``shared_name_fields`` declarations, so
a model added later is scanned too), per field and kind, so old text can be fixed. Used by the
``scan_teksten`` command and the facilitator's page.

A result holds model labels, row ids, field names, kinds and offsets, never text: it may be kept
in the shared cache. An excerpt is made when shown, masked (``masked_excerpt``)."""

import re
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType

from kern import data_version
from kern.tenancy import TenantModel
from kern.writes import gated_fields

from . import gate
from .models import Casus, GemarkeerdeVondst

CACHE_NAME = "teksten-scan"
EXCERPT_CHARS = 30


@dataclass(frozen=True)
class Hit:
    """One finding in a stored text: where (model, row, field), what kind, and its offsets."""

    model: str  # app_label.ModelName
    pk: int
    field: str
    kind: str
    start: int
    end: int


def gated_models() -> list:
    """Every tenant model with a shared text, in the order of the apps."""
    return [m for m in apps.get_models() if issubclass(m, TenantModel) and gated_fields(m)]


def _stored_marks(gemeente) -> dict[tuple[int, int], set[str]]:
    marks: dict[tuple[int, int], set[str]] = {}
    rows = GemarkeerdeVondst.objects.filter(gemeente=gemeente).values_list(
        "content_type_id", "object_id", "soort", "vondst_hash"
    )
    for content_type_id, object_id, soort, vondst_hash in rows:
        marks.setdefault((content_type_id, object_id), set()).add(f"{soort}:{vondst_hash}")
    return marks


def _chunks(text: str):
    """(offset, part) of a text in parts the gate checks whole (``gate.MAX_TEXT``), cut at a
    space: a text stored before the forms capped its length is scanned all the same."""
    start = 0
    while start < len(text):
        end = min(len(text), start + gate.MAX_TEXT)
        if end < len(text):
            space = text.rfind(" ", start + gate.MAX_TEXT // 2, end)
            end = space if space > start else end
        yield start, text[start:end]
        start = end


def scan_rows(gemeente) -> list[Hit]:
    """Every finding of the gate in the stored texts of ``gemeente`` (inside its scope), except
    those marked as not identifying for their row (an inzicht or knelpunt: its casus's too)."""
    marks = _stored_marks(gemeente)
    casus_type = ContentType.objects.get_for_model(Casus).pk
    hits = []
    for model in gated_models():
        names = gated_fields(model)
        content_type = ContentType.objects.get_for_model(model).pk
        has_casus = any(f.name == "casus" for f in model._meta.concrete_fields)
        columns = ["pk", *names, *(["casus_id"] if has_casus else [])]
        rows = model.objects.filter(gemeente=gemeente).order_by("pk").values(*columns)
        for row in rows.iterator(chunk_size=500):
            allowed = marks.get((content_type, row["pk"]), set())
            if has_casus:
                allowed = allowed | marks.get((casus_type, row["casus_id"]), set())
            hits += _row_hits(model, row, names, frozenset(allowed))
    return hits


def _row_hits(model, row, names, allowed) -> list[Hit]:
    hits = []
    named = frozenset(getattr(model, "shared_name_fields", ()))
    for name in names:
        text = row[name] or ""
        for offset, part in _chunks(text):
            texts = {name: ("", part)}
            for v in gate.check(texts, allowed, names_allowed=named):
                start, end = offset + v.finding.start, offset + v.finding.end
                hits.append(Hit(model._meta.label, row["pk"], name, v.kind, start, end))
    return hits


def scan(gemeente) -> list[Hit]:
    """``scan_rows``, kept under the gemeente's data stamp (kern.data_version): the page is
    computed again only once something of the gemeente changed (or after 15 minutes)."""
    return data_version.cached(gemeente.pk, CACHE_NAME, lambda: scan_rows(gemeente))


def mask(text: str) -> str:
    """The first character of each word, the rest dotted: enough to find it, not to read it."""
    return re.sub(r"(?<=\w)\w", "•", text)


def masked_excerpt(text: str, hit: Hit, others=()) -> str:
    """The words around a finding, the finding masked, the other findings in view replaced by
    their placeholder (``[naam]``…)."""
    start = max(0, hit.start - EXCERPT_CHARS)
    end = min(len(text), hit.end + EXCERPT_CHARS)
    pieces, at = [], start
    spans = sorted(
        {(o.start, o.end, o.kind) for o in others if o.start < end and start < o.end}
        | {(hit.start, hit.end, hit.kind)}
    )
    for s, e, kind in spans:
        s, e = max(s, at), min(e, end)
        if s < at:
            continue
        pieces.append(text[at:s])
        if (s, e) == (hit.start, hit.end):
            pieces.append(mask(text[s:e]))
        else:
            pieces.append(gate.replacement(kind))
        at = e
    pieces.append(text[at:end])
    excerpt = " ".join("".join(pieces).split())
    return ("…" if start > 0 else "") + excerpt + ("…" if end < len(text) else "")


def edit_url(obj, depth=3, methods=("get_edit_url", "get_absolute_url")) -> str:
    """Where ``obj`` is changed: its model's ``get_edit_url()``, else its page, else (a child row
    changed on its parent's page: a voortgang, an agenda item) its parent's page."""
    for method in methods:
        if hasattr(obj, method):
            return getattr(obj, method)()
    if depth == 0:
        return ""
    for field in obj._meta.concrete_fields:
        model = field.related_model
        if field.many_to_one and model is not None and issubclass(model, TenantModel):
            parent = getattr(obj, field.name)
            if parent is not None:
                return edit_url(parent, depth - 1, ("get_absolute_url", "get_edit_url"))
    return ""


@dataclass
class Row:
    """One object with findings, as the page and the command show it."""

    obj: object
    model_label: str
    hits: list
    url: str = ""

    @property
    def model_name(self):
        return self.obj._meta.verbose_name

    def findings(self):
        """(field label, kind label, masked excerpt) of each finding."""
        meta = self.obj._meta
        named = getattr(self.obj, "shared_name_fields", ())
        for hit in self.hits:
            text = getattr(self.obj, hit.field) or ""
            if hit.field in named:  # the words around it are a name, by purpose: left out
                excerpt = mask(text[hit.start : hit.end])
            else:
                same_field = [h for h in self.hits if h.field == hit.field]
                excerpt = masked_excerpt(text, hit, same_field)
            yield meta.get_field(hit.field).verbose_name, _kind_label(hit.kind), excerpt


def _kind_label(kind):
    try:
        return gate.Soort(kind).label
    except ValueError:
        return kind


def rows(hits) -> list[Row]:
    """The hits per object, the objects loaded in one query per model."""
    by_model: dict[str, dict[int, list[Hit]]] = {}
    for hit in hits:
        by_model.setdefault(hit.model, {}).setdefault(hit.pk, []).append(hit)
    found = []
    for label, per_pk in by_model.items():
        model = apps.get_model(label)
        for obj in model.objects.filter(pk__in=list(per_pk)).order_by("pk"):
            found.append(Row(obj, label, per_pk[obj.pk]))
    return found
