"""Traceability both ways: the casus page shows the verbeteracties that came from the casus or
from its inzichten, the bottleneck each answers and its last update; the action's page links
back to its casus."""

from django.utils import timezone

from casussen.models import KnelpuntCategorie
from tests.casussen.factories import CasusFactory, InzichtFactory, KnelpuntFactory
from tests.scopes import every_gemeente

from .factories import (
    ActieCasusFactory,
    ActieInzichtFactory,
    VerbeteractieFactory,
    VoortgangFactory,
)


def test_the_casus_page_shows_what_came_of_it(client, facilitator, gemeente_a, proeftuin):
    with every_gemeente():
        casus = CasusFactory(gemeente=gemeente_a, proeftuin=proeftuin, status="besproken")
        KnelpuntFactory(
            gemeente=gemeente_a, casus=casus, categorie=KnelpuntCategorie.INFORMATIE_UITWISSELING
        )
        inzicht = InzichtFactory(gemeente=gemeente_a, casus=casus, titel="Eerder overdragen")
        via_inzicht = VerbeteractieFactory(
            gemeente=gemeente_a,
            proeftuin=proeftuin,
            titel="Warme overdracht",
            knelpunt_categorieen=[KnelpuntCategorie.INFORMATIE_UITWISSELING],
        )
        ActieInzichtFactory(gemeente=gemeente_a, actie=via_inzicht, inzicht=inzicht)
        VoortgangFactory(gemeente=gemeente_a, actie=via_inzicht, licht="aandacht")
        direct = VerbeteractieFactory(gemeente=gemeente_a, proeftuin=proeftuin, titel="Wijkkaart")
        ActieCasusFactory(gemeente=gemeente_a, actie=direct, casus=casus)
        deleted = VerbeteractieFactory(
            gemeente=gemeente_a, proeftuin=proeftuin, titel="Weggegooid", deleted_at=timezone.now()
        )
        ActieCasusFactory(gemeente=gemeente_a, actie=deleted, casus=casus)
        VerbeteractieFactory(gemeente=gemeente_a, proeftuin=proeftuin, titel="Iets anders")
    client.force_login(facilitator)
    page = client.get(casus.get_absolute_url()).content.decode()
    vervolg = page[page.index('id="vervolg"') :]
    assert vervolg.index("Warme overdracht") > 0 and "Wijkkaart" in vervolg
    assert f'href="{via_inzicht.get_absolute_url()}"' in vervolg
    assert "Eerder overdragen" in vervolg  # the inzicht it came through
    assert str(KnelpuntCategorie.INFORMATIE_UITWISSELING.label) in vervolg
    assert "licht--aandacht" in vervolg
    assert "Weggegooid" not in vervolg and "Iets anders" not in vervolg
    # And back: the action's story links to the casus it came from.
    actie_page = client.get(direct.get_absolute_url()).content.decode()
    assert f'href="{casus.get_absolute_url()}"' in actie_page


def test_a_casus_without_actions_says_so(client, facilitator, gemeente_a, proeftuin):
    with every_gemeente():
        casus = CasusFactory(gemeente=gemeente_a, proeftuin=proeftuin, status="besproken")
    client.force_login(facilitator)
    page = client.get(casus.get_absolute_url()).content.decode()
    assert 'id="vervolg"' in page and 'class="card vervolg"' not in page
