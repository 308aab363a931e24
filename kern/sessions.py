"""Session time-outs: the absolute limit since login, and the inactivity limit (Django's cookie
age) renewed by activity at most once per ``SESSION_TOUCH_SECONDS``."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver
from django.utils.translation import gettext as _

LOGIN_AT_KEY = "proeftuin_login_at"
TOUCHED_AT_KEY = "proeftuin_touched_at"


@receiver(user_logged_in, dispatch_uid="kern.sessions.remember_login_time")
def remember_login_time(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[LOGIN_AT_KEY] = int(time.time())


class AbsoluteSessionTimeoutMiddleware:
    """Log out a session that began more than ``SESSION_ABSOLUTE_SECONDS`` ago, active or not,
    and keep an active session alive.

    Activity renews the inactivity limit by saving the session (a new expiry and cookie), but
    at most once per ``SESSION_TOUCH_SECONDS``: saving on every request would cost a database
    write per page for a limit measured in hours. The absolute limit is the one activity cannot
    extend, so a stolen session cookie stops working within a working day.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            login_at = request.session.get(LOGIN_AT_KEY)
            now = int(time.time())
            if login_at is None:
                # A session from before this middleware: its clock starts now.
                request.session[LOGIN_AT_KEY] = now
            elif now - login_at > settings.SESSION_ABSOLUTE_SECONDS:
                logout(request)
                messages.info(request, _("Your session has expired. Please log in again."))
                return redirect_to_login(request.get_full_path())
            if now - request.session.get(TOUCHED_AT_KEY, 0) >= settings.SESSION_TOUCH_SECONDS:
                request.session[TOUCHED_AT_KEY] = now
        return self.get_response(request)
