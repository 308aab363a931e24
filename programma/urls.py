"""The programme team's pages, under /programma/."""

from django.urls import path

from . import views

app_name = "programma"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("gemeenten/nieuw/", views.gemeente_new, name="gemeente_new"),
    path("gemeenten/<int:pk>/", views.gemeente, name="gemeente"),
    path(
        "facilitatoren/<int:pk>/verwijderen/",
        views.facilitator_remove,
        name="facilitator_remove",
    ),
    path(
        "uitnodigingen/<int:pk>/intrekken/",
        views.uitnodiging_withdraw,
        name="uitnodiging_withdraw",
    ),
    path("proeftuinen/<int:pk>/archiveren/", views.proeftuin_archive, name="proeftuin_archive"),
    path("proeftuinen/<int:pk>/export.zip", views.proeftuin_export, name="proeftuin_export"),
    path("proeftuinen/<int:pk>/verwijderen/", views.proeftuin_delete, name="proeftuin_delete"),
    path("sjabloon/", views.sjabloon, name="sjabloon"),
]
