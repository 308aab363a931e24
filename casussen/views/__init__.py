"""Views of the casussen app, one module per subject."""
