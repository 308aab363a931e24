"""URLs of the netwerkpeiling under /g/<gemeente_slug>/oogst/ (named in the oogst namespace:
included by oogst.urls)."""

from django.urls import path

from . import views

urlpatterns = [
    path("netwerk/", views.overview, name="netwerk"),
    path("netwerk/invullen/", views.answer, name="netwerk_invullen"),
]
