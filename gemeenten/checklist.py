"""What each phase normally produces: a small registry of checks that apps fill in.

A check is a function ``func(proeftuin) -> list[Item]`` registered for the phase whose products
it checks, from the app that knows about them (later apps register theirs in their
``AppConfig.ready()``)::

    @checklist.register(Fase.INVENTARISATIE, prefetch=["bijeenkomsten"])
    def twee_bijeenkomsten(proeftuin):
        return [checklist.Item(_("Two inventory meetings held"), done=..., hint=..., link=...)]

``prefetch`` names the lookups (relative to Proeftuin) the check reads, so a page listing many
proeftuinen loads them in a constant number of queries; a check reads related rows through
``.all()`` and filters in Python, which then hits the prefetched rows. A lookup that needs a
queryset (a ``Prefetch``) is given as a function returning it, because a scoped queryset can
only be built inside the request's scope.

A check that needs only a yes/no or a count per proeftuin may name ``annotate`` instead: a dict
of annotation name to a function returning the expression (an ``Exists``, a ``Subquery``). The
pages load them with the proeftuin itself (``annotated()``, and ``for_proeftuinen``), so such a
check costs no query at all; it reads ``getattr(proeftuin, name, None)`` and asks the database
itself when the proeftuin was loaded without them (None).

The same pattern holds the points that need attention now (``register_attention``), whatever the
phase: a partner without a contact person, an overdue commitment.

The open items are warnings, never blocks: the facilitator may move on anyway, and the open
items are recorded with the step.
"""

from collections.abc import Callable
from dataclasses import asdict, dataclass

from django.db.models import prefetch_related_objects
from django.urls import NoReverseMatch, reverse

from kern import data_version

from .models import Fase, Proeftuin

Check = Callable[[Proeftuin], list["Item"]]


@dataclass(frozen=True)
class Item:
    label: str
    done: bool
    hint: str = ""
    link: str = ""

    def as_record(self):
        """The item as stored with a phase transition (plain strings, no lazy translations)."""
        return {key: str(value) for key, value in asdict(self).items() if key != "done"}


_checks: dict[str, list[Check]] = {fase: [] for fase in Fase.values}
_attention: list[Check] = []
_prefetch: list = []
# The lookups per phase (and None: the attention checks), for a page that shows one proeftuin.
_prefetch_of: dict = {}
_annotations: dict = {}


def _remember_prefetch(lookups, fase=None):
    for lookup in lookups:
        if lookup not in _prefetch:
            _prefetch.append(lookup)
        if lookup not in _prefetch_of.setdefault(fase, []):
            _prefetch_of[fase].append(lookup)


def register(fase, *, prefetch=(), annotate=None):
    """Register ``func(proeftuin) -> list[Item]`` as a check of what ``fase`` produces."""

    def decorator(func):
        if func not in _checks[Fase(fase)]:
            _checks[Fase(fase)].append(func)
        _remember_prefetch(prefetch, Fase(fase))
        _annotations.update(annotate or {})
        return func

    return decorator


def register_attention(*, prefetch=()):
    """Register ``func(proeftuin) -> list[Item]`` listing what needs attention now (done=False)."""

    def decorator(func):
        if func not in _attention:
            _attention.append(func)
        _remember_prefetch(prefetch)
        return func

    return decorator


def prefetch_lookups():
    """Everything the registered checks read, for ``prefetch_related`` on a proeftuin list."""
    return [_evaluated(lookup) for lookup in _prefetch]


def _evaluated(lookup):
    return lookup() if callable(lookup) else lookup


def prefetch_current(proeftuin):
    """Load at once what ``items(proeftuin)`` and ``attention(proeftuin)`` read (the current
    phase's checks only), so a page that shows one proeftuin makes no query per row."""
    prefetch_current_many([proeftuin])
    return proeftuin


def annotated(queryset):
    """A proeftuin queryset with the values the checks read as annotations (no extra query)."""
    return queryset.annotate(**{name: make() for name, make in _annotations.items()})


def annotation(proeftuin, name, ask):
    """The annotation ``name`` of a proeftuin, or ``ask()`` when it was loaded without it."""
    value = getattr(proeftuin, name, None)
    return ask() if value is None else value


def prefetch_current_many(proeftuinen):
    """The same for a list of proeftuinen in different phases (the facilitator's cockpit): each
    proeftuin gets the lookups of its own phase's checks plus those of the attention checks, in
    one query per lookup. Loading every phase's rows for every proeftuin built thousands of
    objects at landelijk scale that no check of the page read (issue 9)."""
    proeftuinen = list(proeftuinen)
    # Lookups grouped by the phases that read them (None: the attention checks, every phase),
    # in registration order, so a nested lookup follows its parent.
    groups: dict[frozenset, list] = {}
    for lookup in _prefetch:
        fases = frozenset(fase for fase, lookups in _prefetch_of.items() if lookup in lookups)
        groups.setdefault(fases, []).append(lookup)
    for fases, lookups in groups.items():
        needing = [p for p in proeftuinen if None in fases or Fase(p.fase) in fases]
        if needing:
            prefetch_related_objects(needing, *(_evaluated(lookup) for lookup in lookups))
    return proeftuinen


def for_proeftuinen(queryset):
    """A proeftuin queryset with what the checks read, for pages that list many of them."""
    return annotated(queryset.select_related("gemeente")).prefetch_related(*prefetch_lookups())


def items(proeftuin, fase=None) -> list[Item]:
    """The checklist of ``fase`` (the current phase by default)."""
    fase = Fase(fase or proeftuin.fase)
    return [item for check in _checks[fase] for item in check(proeftuin)]


def summaries(proeftuinen) -> dict[int, tuple[list[Item], list[Item]]]:
    """``(items(p), attention(p))`` of each proeftuin by pk, for the cockpit: from the cache
    while the proeftuin's gemeente has no new data (``kern.data_version``) and the day and
    the language are the same, the others computed (``computed``). The proeftuinen themselves
    may be loaded without the checklist's annotations and prefetches: on a hit nothing more is
    read, which at landelijk scale saved the cockpit ~1,000 model instances a request (issue 9)."""
    return data_version.cached_many(
        {p.pk: (p.gemeente_id, f"checklist:{p.pk}") for p in proeftuinen}, computed
    )


def computed(pks) -> dict[int, tuple[list[Item], list[Item]]]:
    """``(items(p), attention(p))`` of the proeftuinen ``pks``, loaded with what their checks
    read, with the labels made strings (to be cached)."""
    loaded = prefetch_current_many(
        annotated(Proeftuin.objects.filter(pk__in=pks).select_related("gemeente"))
    )
    return {p.pk: (_plain(items(p)), _plain(attention(p))) for p in loaded}


def _plain(found):
    return [Item(str(i.label), i.done, str(i.hint), str(i.link)) for i in found]


def open_items(proeftuin, fase=None) -> list[Item]:
    return [item for item in items(proeftuin, fase) if not item.done]


def attention(proeftuin) -> list[Item]:
    return [item for check in _attention for item in check(proeftuin) if not item.done]


def gemeente_url(proeftuin, name, **kwargs):
    """A link into the proeftuin's gemeente, or "" while the page does not exist (yet)."""
    try:
        return reverse(name, kwargs={"gemeente_slug": proeftuin.gemeente.slug, **kwargs})
    except NoReverseMatch:
        return ""
