"""Session time-outs: the absolute limit since login (inactivity is Django's cookie age)."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver
from django.utils.translation import gettext as _

LOGIN_AT_KEY = "proeftuin_login_at"


@receiver(user_logged_in, dispatch_uid="proeftuin.sessions.remember_login_time")
def remember_login_time(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[LOGIN_AT_KEY] = int(time.time())


class AbsoluteSessionTimeoutMiddleware:
    """Log out a session that began more than ``SESSION_ABSOLUTE_SECONDS`` ago, active or not.

    SESSION_SAVE_EVERY_REQUEST keeps an active session alive; this is the limit that activity
    cannot extend, so a stolen session cookie stops working within a working day.
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
        return self.get_response(request)
