"""URLs of the oogst app's logboek part (included by oogst.urls)."""

from django.urls import path

from .views import logboek

urlpatterns = [
    path("logboek/", logboek.logboek, name="logboek"),
    path("logboek/<int:pk>/", logboek.versie, name="logboek_versie"),
    path("logboek/<int:pk>/pdf/", logboek.download, name="logboek_pdf"),
    path("logboek/<int:pk>/definitief/", logboek.publiceren, name="logboek_publiceren"),
]
