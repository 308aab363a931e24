"""Combined logboeken of a facilitator across gemeenten, under /logboeken/."""

from django.urls import path

from .views import combined

app_name = "logboeken"

urlpatterns = [
    path("", combined.index, name="lijst"),
    path("<int:pk>/", combined.detail, name="detail"),
    path("<int:pk>/pdf/", combined.download, name="pdf"),
]
