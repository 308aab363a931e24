"""URLs of the netwerkpeiling under /g/<gemeente_slug>/oogst/ (named in the oogst namespace:
included by oogst.urls)."""

from django.urls import path

from . import views

urlpatterns = [
    path("netwerk/", views.netwerk_overzicht, name="netwerk"),
    path("netwerk/invullen/", views.netwerk_invullen, name="netwerk_invullen"),
]
