"""Views of the bijeenkomsten app, one module per subject."""
