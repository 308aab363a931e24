"""The shared Kennisbank under /kennisbank/, readable by every logged-in user."""

from django.urls import path

from . import views

app_name = "kennisbank"

urlpatterns = [
    path("", views.index, name="lijst"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/intrekken/", views.withdraw, name="intrekken"),
]
