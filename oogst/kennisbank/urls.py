"""URLs of publishing to the Kennisbank from a gemeente, under /g/<gemeente_slug>/oogst/ (named
in the oogst namespace: included by oogst.urls). The Kennisbank itself: urls_shared."""

from django.urls import path

from . import views

urlpatterns = [
    path("kennisbank/", views.choose, name="kennisbank_kiezen"),
    path("kennisbank/les/<int:pk>/", views.publish_les, name="kennisbank_les"),
    path("kennisbank/actie/<int:pk>/", views.publish_actie, name="kennisbank_actie"),
]
