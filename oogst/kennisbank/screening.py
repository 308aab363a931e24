"""The check before anything is published to the shared Kennisbank: nothing in it may identify
the gemeente's people.

Two walls, both in the one gate (``casussen.gate``): the anonymisation detector over every text,
and the names the gemeente itself knows (its members, kerngroep, contact persons and meeting
guests), which the detector may not recognise as names."""

from bijeenkomsten.models import Gast
from casussen import gate
from gemeenten.models import Kerngroeplid, Lidmaatschap, Organisatie

# The texts checked and copied; longer texts are refused by the form (the detector's cost
# grows with the length, and casussen.gate skips what is longer).
TEXT_FIELDS = ("titel", "samenvatting", "tekst", "resultaat")
MAX_TEXT = gate.MAX_TEXT


def names_of_people() -> list[str]:
    """The names of people the gemeente in scope knows, longest first (so "Anna de Vries" is
    found before "Anna")."""
    names = set(Lidmaatschap.objects.exclude(user__name="").values_list("user__name", flat=True))
    names |= set(Kerngroeplid.objects.exclude(naam="").values_list("naam", flat=True))
    names |= set(
        Organisatie.objects.exclude(contactpersoon_naam="").values_list(
            "contactpersoon_naam", flat=True
        )
    )
    names |= set(Gast.objects.exclude(naam="").values_list("naam", flat=True))
    names = {" ".join(n.split()) for n in names if len(n.strip()) >= 3}
    return sorted(names, key=len, reverse=True)
