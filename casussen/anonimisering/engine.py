"""The one shared deduce object: built once per process that checks text, never by accident.

What deduce costs (DESIGN.md, "Anonymisation gate"): the very first construction on a machine
builds a lookup cache (~60 s), every later one takes seconds and about a gigabyte. So the cache is
built during set-up (``manage.py anonimisering_cache``, run by ``make migrate``/``make test``),
the web tier builds the object at import of ``proeftuin.wsgi`` (gunicorn preloads it before
forking, so the workers share it), and every other caller goes through ``get_deduce()``, which
builds it lazily, once, under a lock. deduce is safe to share across threads.
"""

import gc
import importlib.metadata
import logging
import threading
import warnings
from pathlib import Path

from django.conf import settings

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_deduce = None

# deduce's own cache file inside its cache_path (deduce.lookup_structs: cache/lookup_structs.pickle)
CACHE_FILE = Path("cache") / "lookup_structs.pickle"


def cache_dir() -> Path:
    return Path(settings.ANONIMISERING_CACHE_DIR)


# deduce rebuilds its cache when its version changes; our stamp tells set-up the same.
STAMP_FILE = Path("cache") / "deduce-version"


def _deduce_version() -> str:
    return importlib.metadata.version("deduce")


def cache_exists() -> bool:
    """Whether the lookup cache is there for the installed deduce (checked without importing it)."""
    path = cache_dir()
    if not (path / CACHE_FILE).is_file() or not (path / STAMP_FILE).is_file():
        return False
    return (path / STAMP_FILE).read_text(encoding="utf-8").strip() == _deduce_version()


def build_cache():
    """Build (or rebuild) the lookup cache and stamp it; the object built is thrown away."""
    build(build_cache=True)
    (cache_dir() / STAMP_FILE).write_text(_deduce_version() + "\n", encoding="utf-8")


def _import_deduce():
    """Import deduce and undo what importing it does to the process.

    ``deduce.deduce`` calls ``logging.basicConfig(stream=sys.stdout, level=logging.DEBUG)`` and
    its dependencies change the warnings filter; both would leak casus text into logs or hide
    warnings for the whole app.
    """
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    filters = warnings.filters[:]
    try:
        from deduce import Deduce
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
        warnings.filters[:] = filters
        warnings._filters_mutated()  # noqa: SLF001 - invalidate the per-module "once" caches
    return Deduce


def build(*, build_cache: bool = False):
    """Construct a new Deduce object with the app's cache path (rebuilding the cache if asked).

    The garbage collector is off meanwhile: construction creates millions of long-lived objects,
    and collections between them cost most of the time (measured: ~28 s → ~4 s on a busy 2-core
    machine) and leave freed holes in memory pages that forked workers would later fill, copying
    those pages (the advice of gc.freeze's documentation). Afterwards those objects (~4.6 million)
    move to the collector's permanent generation (``gc.freeze``), which it never walks: left in
    the oldest generation they made every full collection take ~4 s, and the first checks after
    construction each paid for one (gunicorn's ``pre_fork`` froze them too late for its master,
    and ``runserver`` and the tests never did).
    """
    deduce_class = _import_deduce()
    path = cache_dir()
    path.mkdir(parents=True, exist_ok=True)
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        deduce = deduce_class(cache_path=path, build_lookup_structs=build_cache)
        gc.freeze()
    finally:
        if was_enabled:
            gc.enable()
    # Both import deduce: only here, after _import_deduce undid its side effects.
    from . import patterns, tokens

    tokens.speed_up(deduce)
    patterns.speed_up(deduce)
    return deduce


def get_deduce():
    """The process's one Deduce object, built on first use (thread-safe)."""
    global _deduce  # noqa: PLW0603 - the per-process singleton
    if _deduce is None:
        with _lock:
            if _deduce is None:
                if not cache_exists():
                    logger.warning(
                        "The anonymisation lookup cache is missing (%s): building it now, "
                        "which takes a minute; run `manage.py anonimisering_cache` during set-up.",
                        cache_dir(),
                    )
                _deduce = build()
    return _deduce


def is_built() -> bool:
    return _deduce is not None
