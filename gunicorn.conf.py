"""Gunicorn settings for Proeftuin (read by `gunicorn -c gunicorn.conf.py proeftuin.wsgi`).

Everything can be overridden from the environment; the defaults suit a small VM or one container.
"""

import gc
import multiprocessing
import os


def _int(name, default):
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


# Where to listen: GUNICORN_BIND (or PORT, as set by most platforms), default all interfaces.
bind = os.environ.get("GUNICORN_BIND") or f"0.0.0.0:{os.environ.get('PORT', '8000')}"  # noqa: S104

# Workers: WEB_CONCURRENCY, else 2 × cores + 1, capped at 8. The app loads a large object
# (the anonymisation model) before forking, so more workers cost little memory, but more than
# the database and the cores can serve only queue up.
workers = _int("WEB_CONCURRENCY", min(2 * multiprocessing.cpu_count() + 1, 8))
threads = _int("GUNICORN_THREADS", 1)
timeout = _int("GUNICORN_TIMEOUT", 60)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)

# Load the app once in the master and fork: shared objects are shared copy-on-write.
preload_app = True

# Recycle workers now and then (memory growth), with jitter so they don't all restart at once.
max_requests = _int("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 100)

# Heartbeat files in memory: a container's /tmp may sit on a slow overlay filesystem.
_SHM = "/dev/shm"  # noqa: S108 - gunicorn creates its own private files in it
if os.path.isdir(_SHM):
    worker_tmp_dir = _SHM

# Logs to stdout/stderr for the container runtime or journald.
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-") or None  # empty: no access log
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
capture_output = True

# Trust X-Forwarded-* only from the reverse proxy (FORWARDED_ALLOW_IPS, gunicorn's own variable).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")


def pre_fork(server, worker):
    """Move everything the preloaded app built into the permanent generation before forking.

    Otherwise the children's garbage collector touches those objects' headers and copies every
    page they sit on (see gc.freeze in the Python docs).
    """
    gc.freeze()
