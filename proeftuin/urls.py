"""Top-level URLs: accounts, the home page, invitations, health, and each gemeente under /g/."""

from django.urls import include, path

from gemeenten import views as gemeenten_views

from . import views

urlpatterns = [
    path("", gemeenten_views.home, name="home"),
    path("accounts/", include("allauth.urls")),
    path("uitnodiging/<str:token>/", gemeenten_views.uitnodiging_accept, name="uitnodiging_accept"),
    path("health/", views.health, name="health"),
    path("g/<slug:gemeente_slug>/", include("gemeenten.urls")),
]
