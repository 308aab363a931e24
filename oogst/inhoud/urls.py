"""URLs of the inhoud under /g/<gemeente_slug>/oogst/ (named in the oogst namespace: included
by oogst.urls)."""

from django.urls import path

from .views import items, lists, overview

urlpatterns = [
    path("", overview.overview, name="overzicht"),
    path("teksten/", overview.texts, name="teksten"),
    path("lessen/", lists.lessen, name="lessen"),
    path("verhalen/", lists.verhalen, name="verhalen"),
    path("borging/", lists.borgingen, name="borgingen"),
    path("vervolgafspraken/", lists.vervolgafspraken, name="vervolgafspraken"),
    path("lessen/nieuw/", items.les_new, name="les_new"),
    path("lessen/<int:pk>/wijzigen/", items.les_edit, name="les_edit"),
    path("lessen/<int:pk>/verwijderen/", items.les_delete, name="les_delete"),
    path("verhalen/nieuw/", items.verhaal_new, name="verhaal_new"),
    path("verhalen/<int:pk>/wijzigen/", items.verhaal_edit, name="verhaal_edit"),
    path("verhalen/<int:pk>/verwijderen/", items.verhaal_delete, name="verhaal_delete"),
    path("borging/<int:pk>/", items.borging_edit, name="borging_edit"),
    path("borging/<int:pk>/verwijderen/", items.borging_delete, name="borging_delete"),
    path("vervolgafspraken/nieuw/", items.vervolg_new, name="vervolg_new"),
    path("vervolgafspraken/<int:pk>/wijzigen/", items.vervolg_edit, name="vervolg_edit"),
    path(
        "vervolgafspraken/<int:pk>/verwijderen/",
        items.vervolg_delete,
        name="vervolg_delete",
    ),
]
