"""Views of the verbeteracties app, one module per subject."""
