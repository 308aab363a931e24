"""Top-level URLs: accounts, the home page, invitations, health, one's own data, the privacy and
accessibility statements, and each gemeente under /g/."""

from django.urls import include, path

from gemeenten.views import dashboard as gemeenten_dashboard
from gemeenten.views import leden as gemeenten_leden
from gemeenten.views import overzicht as gemeenten_overzicht
from gemeenten.views import persoonsgegevens
from kern import views

urlpatterns = [
    path("", gemeenten_dashboard.home, name="home"),
    path("overzicht/", gemeenten_overzicht.overzicht, name="overzicht"),
    path("accounts/", include("allauth.urls")),
    path("uitnodiging/<str:token>/", gemeenten_leden.uitnodiging_accept, name="uitnodiging_accept"),
    path("health/", views.health, name="health"),
    path("health/bare/", views.bare, name="bare"),
    path("account/gegevens/", persoonsgegevens.mijn_gegevens, name="mijn_gegevens"),
    path(
        "account/gegevens.json",
        persoonsgegevens.mijn_gegevens_download,
        name="mijn_gegevens_download",
    ),
    path("privacy/", views.privacy, name="privacy"),
    path("toegankelijkheid/", views.toegankelijkheid, name="toegankelijkheid"),
    path("agenda/", include("bijeenkomsten.urls_agenda")),
    path("kennisbank/", include("oogst.kennisbank.urls_shared")),
    path("logboeken/", include("oogst.logboek.urls_combined")),
    path("programma/", include("programma.urls")),
    path("g/<slug:gemeente_slug>/casussen/", include("casussen.urls")),
    path("g/<slug:gemeente_slug>/bijeenkomsten/", include("bijeenkomsten.urls")),
    path("g/<slug:gemeente_slug>/verbeteracties/", include("verbeteracties.urls")),
    path("g/<slug:gemeente_slug>/oogst/", include("oogst.urls")),
    path("g/<slug:gemeente_slug>/", include("gemeenten.urls")),
]
