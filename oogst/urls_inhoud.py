"""URLs of the oogst app's inhoud part (included by oogst.urls)."""

from django.urls import path

from .views import inhoud, inhoud_items, inhoud_lijsten

urlpatterns = [
    path("", inhoud.overzicht, name="overzicht"),
    path("teksten/", inhoud.teksten, name="teksten"),
    path("lessen/", inhoud_lijsten.lessen, name="lessen"),
    path("verhalen/", inhoud_lijsten.verhalen, name="verhalen"),
    path("borging/", inhoud_lijsten.borgingen, name="borgingen"),
    path("vervolgafspraken/", inhoud_lijsten.vervolgafspraken, name="vervolgafspraken"),
    path("lessen/nieuw/", inhoud_items.les_new, name="les_new"),
    path("lessen/<int:pk>/wijzigen/", inhoud_items.les_edit, name="les_edit"),
    path("lessen/<int:pk>/verwijderen/", inhoud_items.les_delete, name="les_delete"),
    path("verhalen/nieuw/", inhoud_items.verhaal_new, name="verhaal_new"),
    path("verhalen/<int:pk>/wijzigen/", inhoud_items.verhaal_edit, name="verhaal_edit"),
    path("verhalen/<int:pk>/verwijderen/", inhoud_items.verhaal_delete, name="verhaal_delete"),
    path("borging/<int:pk>/", inhoud_items.borging_edit, name="borging_edit"),
    path("borging/<int:pk>/verwijderen/", inhoud_items.borging_delete, name="borging_delete"),
    path("vervolgafspraken/nieuw/", inhoud_items.vervolg_new, name="vervolg_new"),
    path("vervolgafspraken/<int:pk>/wijzigen/", inhoud_items.vervolg_edit, name="vervolg_edit"),
    path(
        "vervolgafspraken/<int:pk>/verwijderen/",
        inhoud_items.vervolg_delete,
        name="vervolg_delete",
    ),
]
