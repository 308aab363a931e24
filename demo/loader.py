"""The whole fictional demo of `make run`: the gemeenten app's part (gemeenten, accounts,
partners, proeftuinen, commitments), then each later app's, in the order of DESIGN.md. Each part
is idempotent, so loading the demo twice changes nothing."""

from django.db import transaction
from django.utils.module_loading import import_string

# Each later app's loader takes the demo gemeenten by slug. Named here rather than imported by
# the gemeenten app, whose demo must not depend on the apps that build on it.
LATER_PARTS = [
    "casussen.demo.load_casussen_demo",
    "bijeenkomsten.demo.load_bijeenkomsten_demo",
    "verbeteracties.demo.load_verbeteracties_demo",
    "oogst.inhoud.demo.load_inhoud_demo",
    "oogst.netwerk.demo.load_netwerk_demo",
    "oogst.kennisbank.demo.load_kennisbank_demo",
    "programma.demo.load_programma_demo",
    # Last: the rendered logboek shows what every part before it loaded.
    "oogst.logboek.demo.load_logboek_demo",
]


@transaction.atomic
def load_demo():
    from gemeenten.demo import load_demo as load_gemeenten_demo

    gemeenten = load_gemeenten_demo()
    for part in LATER_PARTS:
        import_string(part)(gemeenten)
    return gemeenten
