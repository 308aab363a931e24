"""Everything of one proeftuin as a ZIP of CSV files (semicolons, UTF-8 with a byte order mark,
safe against formula injection: the same format as the other exports, gemeenten.exports).

What is never in it: the texts of casussen (only their categories, dimensions, status and
dates), the individual answers of the netwerkpeiling (only the network's figures and ties),
verhalen without consent, and deleted casussen and actions. Data per proeftuin is small, so the
ZIP is built in memory."""

import io
import zipfile

from django.utils.translation import gettext as _

from bijeenkomsten.models import Antwoord, Bijeenkomst
from casussen.models import Casus, Inzicht, KnelpuntCategorie
from gemeenten import exports
from gemeenten.models import Commitment, Organisatie
from oogst.inhoud.models import Borging, Les, Verhaal, Vervolgafspraak
from oogst.netwerk import comparison
from oogst.netwerk.models import Kennisniveau
from verbeteracties import metingen_csv
from verbeteracties.models import Meting, Verbeteractie, Voortgang
from verbeteracties.tabellen import acties_tabel, voortgang_tabel


def _yes(value):
    return bool(value)


def partners(proeftuin):
    organisaties = Organisatie.objects.select_related("contactpersoon__user").prefetch_related(
        "kerngroepleden__lidmaatschap__user"
    )
    return exports.partner_table(organisaties)


def commitments(proeftuin):
    commitments = (
        Commitment.objects.filter(proeftuin=proeftuin)
        .select_related("proeftuin", "organisatie")
        .prefetch_related("baathebbers")
    )
    return exports.commitment_table(commitments)


def _bijeenkomsten(proeftuin):
    return (
        Bijeenkomst.objects.filter(proeftuin=proeftuin)
        .order_by("begin", "pk")
        .prefetch_related("deelnames__lidmaatschap__user", "deelnames__lidmaatschap__organisatie")
        .prefetch_related("gasten__organisatie")
    )


def bijeenkomsten(proeftuin, rows=None):
    rows = rows if rows is not None else _bijeenkomsten(proeftuin)
    header = [
        _("Title"),
        _("Kind"),
        _("Start"),
        _("End"),
        _("Location"),
        _("Cancelled"),
        _("Signed up"),
        _("Members present"),
        _("Guests"),
    ]
    table = [
        [
            b.titel,
            b.get_soort_display(),
            b.begin,  # written in Dutch time by exports.csv_response
            b.eind,
            b.locatie,
            _yes(b.geannuleerd_at),
            sum(1 for d in b.deelnames.all() if d.antwoord == Antwoord.JA),
            sum(1 for d in b.deelnames.all() if d.aanwezig),
            len(b.gasten.all()),
        ]
        for b in rows
    ]
    return header, table


def attendance(proeftuin, rows=None):
    rows = rows if rows is not None else _bijeenkomsten(proeftuin)
    header = [
        _("Meeting"),
        _("Date"),
        _("Name"),
        _("Member or guest"),
        _("Organisation"),
        _("Discipline"),
        _("Answer"),
        _("Present"),
    ]
    table = []
    for b in rows:
        date = exports.local_date(b.begin)
        for d in b.deelnames.all():
            lid = d.lidmaatschap
            table.append(
                [
                    b.titel,
                    date,
                    str(lid.user),
                    _("member"),
                    lid.organisatie.naam if lid.organisatie_id else "",
                    lid.get_discipline_display(),
                    d.get_antwoord_display(),
                    d.aanwezig,
                ]
            )
        for g in b.gasten.all():
            table.append(
                [
                    b.titel,
                    date,
                    g.naam,
                    _("guest"),
                    g.organisatie.naam if g.organisatie_id else g.organisatie_naam,
                    g.get_discipline_display(),
                    "",
                    True,
                ]
            )
    return header, table


def casussen(proeftuin):
    """Categories only: never a casus text (not even its title), never its author."""
    rows = (
        Casus.objects.zichtbaar()
        .exclude(status=Casus.Status.CONCEPT)
        .filter(proeftuin=proeftuin)
        .only(
            "id",
            "proeftuin_id",
            "status",
            "leeftijdscategorie",
            "ziektebeeld",
            "woonsituatie",
            "dimensie_fysiek",
            "dimensie_psychisch",
            "dimensie_sociaal",
            "dimensie_zingeving",
            "created_at",
            "ingediend_op",
            "besproken_op",
        )
        .prefetch_related("knelpunten")
        .order_by("created_at", "pk")
    )
    header = [
        _("Casus number"),
        _("Status"),
        _("Age group"),
        _("Condition"),
        _("Living situation"),
        _("Physical"),
        _("Psychological"),
        _("Social"),
        _("Meaning and spirituality"),
        _("Bottleneck categories"),
        _("Created on"),
        _("Submitted on"),
        _("Discussed on"),
    ]
    labels = dict(KnelpuntCategorie.choices)
    table = [
        [
            c.pk,
            c.get_status_display(),
            c.get_leeftijdscategorie_display(),
            c.get_ziektebeeld_display(),
            c.get_woonsituatie_display(),
            c.dimensie_fysiek,
            c.dimensie_psychisch,
            c.dimensie_sociaal,
            c.dimensie_zingeving,
            ", ".join(str(labels.get(k.categorie, k.categorie)) for k in c.knelpunten.all()),
            exports.local_date(c.created_at),
            exports.local_date(c.ingediend_op),
            exports.local_date(c.besproken_op),
        ]
        for c in rows
    ]
    return header, table


def inzichten(proeftuin):
    """What the facilitator recorded from the discussions (their own words, through the gate),
    tied to a casus by its number only."""
    rows = (
        Inzicht.objects.zichtbaar()
        .filter(casus__proeftuin=proeftuin)
        .exclude(casus__status=Casus.Status.CONCEPT)
        .prefetch_related("succesfactoren")
        .order_by("created_at", "pk")
    )
    header = [
        _("Casus number"),
        _("Insight"),
        _("Explanation"),
        _("Success factors"),
        _("Bottleneck categories"),
        _("Recorded on"),
    ]
    table = [
        [
            i.casus_id,
            i.titel,
            i.toelichting,
            ", ".join(s.naam for s in i.succesfactoren.all()),
            ", ".join(str(c) for c in i.get_knelpunt_categorieen_display()),
            exports.local_date(i.created_at),
        ]
        for i in rows
    ]
    return header, table


def verbeteracties(proeftuin):
    acties = Verbeteractie.objects.levend().filter(proeftuin=proeftuin)
    return acties_tabel(acties, met_proeftuin=False)


def voortgang(proeftuin):
    return voortgang_tabel(
        Voortgang.objects.filter(actie__proeftuin=proeftuin, actie__deleted_at__isnull=True)
    )


def metingen(proeftuin):
    rows = (
        Meting.objects.filter(
            indicator__actie__proeftuin=proeftuin, indicator__actie__deleted_at__isnull=True
        )
        .select_related("indicator__actie")
        .order_by("indicator__actie__titel", "indicator__pk", "datum")
    )
    return metingen_csv.header(), metingen_csv.table(rows)


def lessen(proeftuin):
    rows = (
        Les.objects.filter(proeftuin=proeftuin)
        .select_related("verbeteractie")
        .prefetch_related("succesfactoren")
    )
    header = [_("Title"), _("Text"), _("Success factors"), _("Improvement action"), _("Written on")]
    table = [
        [
            les.titel,
            les.tekst,
            ", ".join(s.naam for s in les.succesfactoren.all()),
            les.verbeteractie.titel if les.verbeteractie_id else "",
            exports.local_date(les.created_at),
        ]
        for les in rows
    ]
    return header, table


def verhalen(proeftuin):
    """Only the stories and quotes whose people gave their consent."""
    rows = Verhaal.objects.filter(proeftuin=proeftuin, toestemming=True)
    header = [
        _("Kind"),
        _("Title"),
        _("Text"),
        _("Who"),
        _("How consent was given"),
        _("Consent on"),
    ]
    table = [
        [v.get_soort_display(), v.titel, v.tekst, v.wie, v.toestemming_hoe, v.toestemming_op]
        for v in rows
    ]
    return header, table


def borging(proeftuin):
    rows = (
        Borging.objects.filter(
            verbeteractie__proeftuin=proeftuin, verbeteractie__deleted_at__isnull=True
        )
        .select_related("verbeteractie", "door")
        .order_by("verbeteractie__titel", "pk")
    )
    header = [
        _("Improvement action"),
        _("Embedded"),
        _("Embedded by"),
        _("In which work process"),
        _("Why not"),
    ]
    table = [
        [
            b.verbeteractie.titel,
            b.get_stand_display(),
            b.door.naam if b.door_id else "",
            b.werkproces,
            b.waarom_niet,
        ]
        for b in rows
    ]
    return header, table


def vervolgafspraken(proeftuin):
    rows = Vervolgafspraak.objects.filter(proeftuin=proeftuin).select_related("organisatie")
    header = [_("Kind"), _("What"), _("Who"), _("Organisation"), _("When"), _("Rhythm")]
    table = [
        [
            v.get_soort_display(),
            v.wat,
            v.wie,
            v.organisatie.naam if v.organisatie_id else "",
            v.wanneer,
            v.ritme,
        ]
        for v in rows
    ]
    return header, table


def _level(level):
    return Kennisniveau(level).label if level is not None else ""


def netwerk_figures(proeftuin, compared=None):
    """The network's figures per moment: aggregates, never an individual's answers."""
    v = compared or comparison.compare(proeftuin)
    header = [
        _("Moment"),
        _("Respondents"),
        _("Organisations"),
        _("Structural ties"),
        _("Ties with at least contact"),
        _("Density (%)"),
    ]
    table = [
        [
            b.label,
            b.respondenten,
            len(b.organisaties),
            len(b.structureel),
            len(b.contact),
            b.dichtheid_procent,
        ]
        for b in v.beelden
    ]
    return header, table


def netwerk_ties(proeftuin, compared=None):
    v = compared or comparison.compare(proeftuin)
    header = [
        _("Organisation"),
        _("Domain"),
        _("Organisation"),
        _("Domain"),
        _("At the start"),
        _("At the harvest"),
        _("New structural tie"),
    ]
    table = [
        [a.naam, a.get_domein_display(), b.naam, b.get_domein_display(), _level(s), _level(o), n]
        for a, b, s, o, n in comparison.ties_table(v)
    ]
    return header, table


# (file name, what it holds, table function) in the order of the proeftuin's year.
FILES = [
    ("partners", partners),
    ("toezeggingen", commitments),
    ("bijeenkomsten", bijeenkomsten),
    ("aanwezigheid", attendance),
    ("casussen", casussen),
    ("inzichten", inzichten),
    ("verbeteracties", verbeteracties),
    ("voortgang", voortgang),
    ("metingen", metingen),
    ("lessen", lessen),
    ("verhalen", verhalen),
    ("borging", borging),
    ("vervolgafspraken", vervolgafspraken),
    ("netwerk", netwerk_figures),
    ("netwerk-banden", netwerk_ties),
]


def file_names():
    return [f"{n:02d}-{name}.csv" for n, (name, _f) in enumerate(FILES, start=1)]


def csv_bytes(header, rows) -> bytes:
    """One CSV file exactly as the other exports write it (gemeenten.exports.csv_response)."""
    return exports.csv_response(header, rows, name="export.csv").content


def readme(proeftuin) -> str:
    return "\r\n".join(
        [
            _("Export of %(proeftuin)s") % {"proeftuin": proeftuin.naam},
            "",
            _(
                "One CSV file per kind of data (semicolon-separated, UTF-8), to open in a "
                "spreadsheet."
            ),
            _(
                "Not included: the texts of casussen (only their categories, dimensions, status "
                "and dates), individual answers of the network survey (only the network's "
                "figures and ties), stories without consent, and deleted casussen and actions."
            ),
            "",
            *file_names(),
            "",
        ]
    )


def zip_bytes(proeftuin) -> bytes:
    buffer = io.BytesIO()
    meeting_rows = list(_bijeenkomsten(proeftuin))
    compared = comparison.compare(proeftuin)
    extra = {
        bijeenkomsten: {"rows": meeting_rows},
        attendance: {"rows": meeting_rows},
        netwerk_figures: {"compared": compared},
        netwerk_ties: {"compared": compared},
    }
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("LEESMIJ.txt", ("\ufeff" + readme(proeftuin)).encode("utf-8"))
        for file_name, (_stem, table) in zip(file_names(), FILES, strict=True):
            header, rows = table(proeftuin, **extra.get(table, {}))
            archive.writestr(file_name, csv_bytes(header, rows))
    return buffer.getvalue()
