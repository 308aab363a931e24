"""The shared cache on Redis that keeps the site up while Redis is down.

Django's ``RedisCache`` raises on a connection error, and sessions (``cached_db``), rate limits
and the data stamps all go through the cache: one stopped Redis would answer every logged-in
page with a 500. Here an unreachable Redis reads as an empty cache that stores nothing, so pages
are served from the database (slower, uncached), with one log line when Redis goes away and one
when it is back. After a failure Redis is left alone for ``RETRY_SECONDS``, so a request pays
the connect timeout at most once in that time. ``came_back`` tells who must catch up (the data
stamps written while Redis was away).
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache
from django.dispatch import Signal
from django.utils.functional import cached_property
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5.0
# What each method of Django's Redis client answers while Redis cannot be reached.
_UNREACHABLE = {
    "add": False,
    "get": None,  # the caller's default, see _Guarded
    "set": None,
    "touch": False,
    "delete": False,
    "get_many": {},
    "has_key": False,
    "set_many": None,
    "delete_many": None,
    "clear": False,
}

came_back = Signal()


class _Guarded:
    """Django's Redis client, each call answered as if the cache were empty when it fails."""

    def __init__(self, client, backend):
        self._client = client
        self._backend = backend

    def __getattr__(self, name):
        method = getattr(self._client, name)
        if name not in _UNREACHABLE and name != "incr":
            return method

        def call(*args, **kwargs):
            backend = self._backend
            if backend.is_down and time.monotonic() < backend.retry_at:
                return self._unreachable(name, args)
            try:
                if backend.is_down:
                    # Back? Then those who must catch up do so before this call reads.
                    self._client.get_client(write=True).ping()
                    backend.is_up()
                return method(*args, **kwargs)
            except RedisError as error:
                backend.went_down(error)
                return self._unreachable(name, args)

        return call

    @staticmethod
    def _unreachable(name, args):
        if name == "incr":
            raise ValueError("the cache cannot be reached")  # as for a missing key
        if name == "get":
            return args[1] if len(args) > 1 else None
        value = _UNREACHABLE[name]
        return dict(value) if isinstance(value, dict) else value


class ResilientRedisCache(RedisCache):
    is_down = False
    retry_at = 0.0

    @cached_property
    def _cache(self):
        return _Guarded(self._class(self._servers, **self._options), self)

    def went_down(self, error):
        if not self.is_down:
            logger.warning(
                "Redis cannot be reached (%s): pages are served without the cache until it is "
                "back.",
                type(error).__name__,
            )
        self.is_down = True
        self.retry_at = time.monotonic() + RETRY_SECONDS

    def is_up(self):
        if self.is_down:
            self.is_down = False
            logger.warning("Redis is back: the cache is used again.")
            came_back.send(sender=type(self), cache=self)
