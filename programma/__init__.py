"""The programme team's pages: gemeenten and their proeftuinen, facilitators, the template."""
