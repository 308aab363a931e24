"""Views of the gemeenten app, one module per subject (see gemeenten/urls.py)."""
