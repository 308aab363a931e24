"""The shared Kennisbank under /kennisbank/, readable by every logged-in user."""

from django.urls import path

from .views import kennisbank

app_name = "kennisbank"

urlpatterns = [
    path("", kennisbank.lijst, name="lijst"),
    path("<int:pk>/", kennisbank.detail, name="detail"),
    path("<int:pk>/intrekken/", kennisbank.intrekken, name="intrekken"),
]
