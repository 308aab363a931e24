"""Combined logboeken of a facilitator across gemeenten, under /logboeken/."""

from django.urls import path

from .views import gecombineerd

app_name = "logboeken"

urlpatterns = [
    path("", gecombineerd.lijst, name="lijst"),
    path("<int:pk>/", gecombineerd.detail, name="detail"),
    path("<int:pk>/pdf/", gecombineerd.download, name="pdf"),
]
