"""URLs outside /g/: one's calendar feed and reminder preferences (included at /agenda/)."""

from django.urls import path

from .views import feed

urlpatterns = [
    path("", feed.agenda, name="agenda"),
    path("nieuw-adres/", feed.agenda_token_new, name="agenda_token_new"),
    path("intrekken/", feed.agenda_token_revoke, name="agenda_token_revoke"),
    path("<str:token>.ics", feed.agenda_feed, name="agenda_feed"),
]
