"""A proeftuin with something in every chapter of the Logboek Oogst, for the logboek tests; and
reading a PDF's text back."""

import datetime
import io
import re
from decimal import Decimal

from django.utils import timezone

from casussen.models import Casus
from gemeenten.models import Proeftuin
from tests.bijeenkomsten.factories import BijeenkomstFactory, DeelnameFactory, GastFactory
from tests.casussen.factories import (
    CasusFactory,
    InzichtFactory,
    InzichtSuccesfactorFactory,
    KnelpuntFactory,
    SuccesfactorFactory,
)
from tests.factories import LidmaatschapFactory, OrganisatieFactory
from tests.oogst.factories import (
    BorgingFactory,
    LesFactory,
    LesSuccesfactorFactory,
    NetwerkantwoordFactory,
    NetwerkpeilingFactory,
    OogstFactory,
    VerhaalFactory,
    VervolgafspraakFactory,
)
from tests.scopes import every_gemeente
from tests.verbeteracties.factories import (
    ActieCasusFactory,
    IndicatorFactory,
    MetingFactory,
    VerbeteractieFactory,
    VoortgangFactory,
)

VOORWOORD = "Een jaar lang leerden huisartsen en sociaal werkers elkaar kennen in de Achterhoek."
CASUS_GEHEIM = "Mevrouw Jansen uit de Dorpsstraat"
KNELPUNT_GEHEIM = "De overdracht van het ziekenhuis Slingeland kwam te laat"
INZICHT_GEHEIM = "Inzicht over meneer Pietersen"
VERHAAL_MET = "Ik weet nu precies wie ik kan bellen als het thuis niet meer gaat."
VERHAAL_ZONDER = "Dit verhaal mag niemand lezen zonder toestemming."


def proeftuin_of(gemeente):
    with every_gemeente():
        return Proeftuin.objects.filter(gemeente=gemeente).select_related("gemeente").first()


def vul(gemeente, times=1, *, voorwoord=True):
    """Data in every chapter; ``times`` multiplies the rows. Returns the expected numbers."""
    proeftuin = proeftuin_of(gemeente)
    now = timezone.now()
    with every_gemeente():
        if voorwoord:
            OogstFactory(
                gemeente=gemeente,
                proeftuin=proeftuin,
                voorwoord=VOORWOORD,
                hoe_verder="We blijven elke zes weken samenkomen.",
            )
        zorg = OrganisatieFactory(gemeente=gemeente, naam=f"Huisartsen {times}", domein="zorg")
        sociaal = OrganisatieFactory(gemeente=gemeente, naam=f"Welzijn {times}", domein="sociaal")
        factor = SuccesfactorFactory(gemeente=gemeente, naam=f"Elkaar kennen {times}")
        casussen = []
        for n in range(3 * times):
            casus = CasusFactory(
                gemeente=gemeente,
                proeftuin=proeftuin,
                status=Casus.Status.INGEDIEND,
                ingediend_op=now,
                titel=f"{CASUS_GEHEIM} {n}",
                verloop=f"{CASUS_GEHEIM} kreeg hulp.",
                ziektebeeld="kanker",
                leeftijdscategorie="75_84",
                woonsituatie="alleen",
                dimensie_sociaal=True,
            )
            KnelpuntFactory(gemeente=gemeente, casus=casus, toelichting=KNELPUNT_GEHEIM)
            inzicht = InzichtFactory(gemeente=gemeente, casus=casus, titel=INZICHT_GEHEIM)
            InzichtSuccesfactorFactory(gemeente=gemeente, inzicht=inzicht, succesfactor=factor)
            casussen.append(casus)
        CasusFactory(gemeente=gemeente, proeftuin=proeftuin, titel="Een concept telt niet mee")
        aanwezig = 0
        for n in range(2 * times):
            begin = now - datetime.timedelta(days=60 - n)
            bijeenkomst = BijeenkomstFactory(
                gemeente=gemeente,
                proeftuin=proeftuin,
                begin=begin,
                eind=begin + datetime.timedelta(hours=2),
                titel=f"Inventarisatie {n + 1}",
            )
            for _ in range(2):
                DeelnameFactory(
                    gemeente=gemeente,
                    bijeenkomst=bijeenkomst,
                    aanwezig=True,
                    lidmaatschap=LidmaatschapFactory(gemeente=gemeente, organisatie=zorg),
                )
            GastFactory(gemeente=gemeente, bijeenkomst=bijeenkomst, organisatie=sociaal)
            aanwezig += 3
        for n in range(2 * times):
            actie = VerbeteractieFactory(
                gemeente=gemeente,
                proeftuin=proeftuin,
                titel=f"Warme overdracht {times}-{n}",
                status="afgerond" if n == 0 else "loopt",
                knelpunt_categorieen=["informatie_uitwisseling"],
            )
            ActieCasusFactory(gemeente=gemeente, actie=actie, casus=casussen[n])
            indicator = IndicatorFactory(gemeente=gemeente, actie=actie, naam=f"Overdrachten {n}")
            for m in range(5 * times):
                MetingFactory(
                    gemeente=gemeente,
                    indicator=indicator,
                    datum=datetime.date(2026, 5, 1) + datetime.timedelta(days=7 * m),
                    waarde=Decimal(2 + m),
                )
            VoortgangFactory(gemeente=gemeente, actie=actie)
            BorgingFactory(gemeente=gemeente, verbeteractie=actie, door=zorg)
        les = LesFactory(gemeente=gemeente, proeftuin=proeftuin, titel=f"Koffie werkt {times}")
        LesSuccesfactorFactory(gemeente=gemeente, les=les, succesfactor=factor)
        VerhaalFactory(gemeente=gemeente, proeftuin=proeftuin, tekst=VERHAAL_MET, toestemming=True)
        VerhaalFactory(
            gemeente=gemeente, proeftuin=proeftuin, tekst=VERHAAL_ZONDER, toestemming=False
        )
        VervolgafspraakFactory(gemeente=gemeente, proeftuin=proeftuin)
        for moment, niveau in (("start", 1), ("oogst", 3)):
            peiling = NetwerkpeilingFactory(
                gemeente=gemeente,
                proeftuin=proeftuin,
                moment=moment,
                respondent=LidmaatschapFactory(gemeente=gemeente, organisatie=zorg),
                organisatie=zorg,
            )
            NetwerkantwoordFactory(
                gemeente=gemeente, peiling=peiling, organisatie=sociaal, niveau=niveau
            )
    return {
        "proeftuin": proeftuin,
        "casussen": 3 * times,
        "bijeenkomsten": 2 * times,
        "aanwezig": aanwezig,
        "verbeteracties": 2 * times,
    }


def pdf_pages(data: bytes) -> list[str]:
    """The text of each page, with hyphenation at line ends undone and spaces collapsed."""
    from pypdf import PdfReader

    pages = []
    for page in PdfReader(io.BytesIO(data)).pages:
        text = page.extract_text() or ""
        text = text.replace("\u00ad", "").replace("\u2010", "-")
        text = re.sub(r"-\s*\n\s*(?=[a-zà-ÿ])", "", text)
        text = re.sub(r"-\s*\n\s*", "-", text)
        pages.append(re.sub(r"\s+", " ", text))
    return pages


def pdf_structure(data: bytes) -> dict:
    """What PDF/UA asks of the document as a whole: tagged (a structure tree, marked content),
    its language and its title."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]
    return {
        "tagged": "/StructTreeRoot" in root and bool(root["/MarkInfo"]["/Marked"]),
        "lang": str(root.get("/Lang")),
        "title": reader.metadata.title,
    }
