"""URLs of one gemeente, under /g/<gemeente_slug>/."""

from django.urls import path

from . import views

app_name = "gemeenten"

urlpatterns = [
    path("", views.detail, name="detail"),
    path("leden/", views.leden, name="leden"),
    path("leden/<int:pk>/rol/", views.lid_rol, name="lid_rol"),
    path("leden/<int:pk>/beeindigen/", views.lid_beeindigen, name="lid_beeindigen"),
    path(
        "uitnodigingen/<int:pk>/intrekken/",
        views.uitnodiging_intrekken,
        name="uitnodiging_intrekken",
    ),
]
