"""The request being served, for what writes on its behalf without being handed it: the
write path's audit row (``kern.writes``) carries the request's session, and a service is given
only the user."""

from contextvars import ContextVar

_current = ContextVar("current_request", default=None)


def get():
    """The request this thread or task is serving, or None (a task, a command, a test)."""
    return _current.get()


class CurrentRequestMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current.set(request)
        try:
            return self.get_response(request)
        finally:
            _current.reset(token)
