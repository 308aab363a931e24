"""The shared Kennisbank under /kennisbank/, readable by every logged-in user."""

app_name = "kennisbank"

urlpatterns = []
