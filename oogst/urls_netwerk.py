"""URLs of the oogst app's netwerk part (included by oogst.urls)."""

urlpatterns = []
