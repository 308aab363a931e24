"""The network pictures as inline SVG, and their legend: organisations on an ellipse,
coloured and shaped by domain, ties as lines by their strength."""

import math

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from gemeenten.models import Domein

from .models import Kennisniveau, PeilMoment

# Colours and shapes by domain, with the domain also in the legend and the table (never colour
# alone). Colours have at least 4.5:1 contrast on white.
DOMEIN_KLEUR = {
    "zorg": "#1f6f8b",
    "sociaal": "#b3541e",
    "gemeente": "#4f5f24",
    "financier": "#6a4c93",
}
DOMEIN_VORM = {"zorg": "cirkel", "sociaal": "vierkant", "gemeente": "ruit", "financier": "driehoek"}
ANDERE_KLEUR = "#6b6b6b"
# Zorg on the right, the gemeente below, the social domain on the left, funders on top: the
# ties between zorg and sociaal domein cross the middle of the picture.
DOMEIN_VOLGORDE = ["zorg", "gemeente", "sociaal", "financier"]

LIJN_STRUCTUREEL = "#222222"
LIJN_NIEUW = "#8a6300"
LIJN_CONTACT = "#7a7a7a"

BREEDTE, HOOGTE = 600, 400
STRAAL_X, STRAAL_Y = 150, 155  # an ellipse: the labels need room left and right
KNOOP = 8


def _posities(organisaties):
    """Organisations on an ellipse, grouped by domain (see DOMEIN_VOLGORDE)."""
    n = len(organisaties)
    posities = {}
    for index, organisatie in enumerate(organisaties):
        angle = 2 * math.pi * index / max(n, 1) - math.pi / 2 + (math.pi / n if n > 1 else 0)
        posities[organisatie.pk] = (
            BREEDTE / 2 + STRAAL_X * math.cos(angle),
            HOOGTE / 2 + STRAAL_Y * math.sin(angle),
        )
    return posities


def _regels(naam, breedte=18):
    """A name in at most three lines of about ``breedte`` characters."""
    words, lines = naam.split(), [""]
    for word in words:
        if lines[-1] and len(lines[-1]) + 1 + len(word) > breedte:
            if len(lines) == 3:
                lines[-1] = lines[-1][: breedte - 1] + "…"
                break
            lines.append(word)
        else:
            lines[-1] = f"{lines[-1]} {word}".strip()
    return lines


def _vorm(domein, x, y, kleur):
    r = KNOOP
    vorm = DOMEIN_VORM.get(domein, "cirkel")
    rand = 'stroke="#fff" stroke-width="1.5"'
    if vorm == "vierkant":
        return (
            f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r}" height="{2 * r}" '
            f'fill="{kleur}" {rand}/>'
        )
    if vorm == "ruit":
        d = r * 1.3
        punten = f"{x:.1f},{y - d:.1f} {x + d:.1f},{y:.1f} {x:.1f},{y + d:.1f} {x - d:.1f},{y:.1f}"
        return f'<polygon points="{punten}" fill="{kleur}" {rand}/>'
    if vorm == "driehoek":
        d = r * 1.25
        punten = f"{x:.1f},{y - d:.1f} {x + d:.1f},{y + d * 0.8:.1f} {x - d:.1f},{y + d * 0.8:.1f}"
        return f'<polygon points="{punten}" fill="{kleur}" {rand}/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill="{kleur}" {rand}/>'


def netwerk_svg(beeld, *, nieuw=frozenset(), layout=None) -> str:
    """An inline SVG of one network picture (a ``comparison.Netwerkbeeld``): nodes coloured and
    shaped by domain, structural ties as solid lines, contact as thin dashed lines, new
    structural ties thicker and in gold. ``layout`` (all organisations of the comparison) keeps
    every organisation in the same place in both pictures. Safe to embed (every text is
    escaped); meant to sit next to a legend and a table with the same figures. Uses
    presentation attributes only (no inline style: CSP)."""
    posities = _posities(layout if layout is not None else beeld.organisaties)
    titel = _("Network %(moment)s: %(ties)d structural ties between %(orgs)d organisations") % {
        "moment": PeilMoment(beeld.moment).label.lower(),
        "ties": len(beeld.structureel),
        "orgs": len(beeld.organisaties),
    }
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {BREEDTE} {HOOGTE}" '
        f'class="netwerk" role="img" aria-label="{escape(titel)}"><title>{escape(titel)}</title>'
    ]
    in_beeld = {o.pk for o in beeld.organisaties}
    for paar, niveau in sorted(beeld.banden.items(), key=lambda item: sorted(item[0])):
        if niveau < Kennisniveau.CONTACT:
            continue
        a, b = sorted(paar)
        (x1, y1), (x2, y2) = posities[a], posities[b]
        if niveau >= Kennisniveau.STRUCTUREEL and paar in nieuw:
            style = f'stroke="{LIJN_NIEUW}" stroke-width="4"'
        elif niveau >= Kennisniveau.STRUCTUREEL:
            style = f'stroke="{LIJN_STRUCTUREEL}" stroke-width="2"'
        else:
            style = f'stroke="{LIJN_CONTACT}" stroke-width="1" stroke-dasharray="5 4"'
        parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" {style}/>')
    for organisatie in beeld.organisaties:
        if organisatie.pk not in in_beeld or organisatie.pk not in posities:
            continue
        x, y = posities[organisatie.pk]
        kleur = DOMEIN_KLEUR.get(organisatie.domein, ANDERE_KLEUR)
        parts.append(_vorm(organisatie.domein, x, y, kleur))
        rechts = x >= BREEDTE / 2 + 1
        midden = abs(x - BREEDTE / 2) < 1
        anchor = "middle" if midden else ("start" if rechts else "end")
        dx = 0 if midden else (13 if rechts else -13)
        lines = _regels(organisatie.naam)
        top = y + 4 - 7 * (len(lines) - 1)
        if midden:
            top = y - 16 - 14 * (len(lines) - 1) if y < HOOGTE / 2 else y + 26
        tspans = "".join(
            f'<tspan x="{x + dx:.1f}" y="{top + 14 * i:.1f}">{escape(line)}</tspan>'
            for i, line in enumerate(lines)
        )
        parts.append(
            f'<text font-size="13" font-family="sans-serif" fill="#1a1a1a" '
            f'text-anchor="{anchor}">{tspans}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 (every text above is escaped)


def legenda():
    """The legend of the pictures, for the templates: each domain with its colour and shape,
    each kind of line with its look, all in words too."""
    vormen = {
        "cirkel": _("circle"),
        "vierkant": _("square"),
        "ruit": _("diamond"),
        "driehoek": _("triangle"),
    }
    return {
        "domeinen": [
            {
                "domein": d,
                "kleur": DOMEIN_KLEUR[d],
                "svg": mark_safe(_vorm(d, 10, 10, DOMEIN_KLEUR[d])),  # noqa: S308 (no text)
                "label": Domein(d).label,
                "vorm": vormen[DOMEIN_VORM[d]],
            }
            for d in DOMEIN_VOLGORDE
        ],
        "lijnen": [
            {
                "svg": mark_safe(_lijn(LIJN_STRUCTUREEL, 2)),  # noqa: S308 (no text)
                "label": _("work together structurally (solid line)"),
            },
            {
                "svg": mark_safe(_lijn(LIJN_CONTACT, 1, dash=True)),  # noqa: S308 (no text)
                "label": _("have contact (thin dashed line)"),
            },
            {
                "svg": mark_safe(_lijn(LIJN_NIEUW, 4)),  # noqa: S308 (no text)
                "label": _("new structural tie since the start (thick gold line)"),
            },
        ],
    }


def _lijn(kleur, breedte, dash=False):
    streep = ' stroke-dasharray="5 4"' if dash else ""
    return (
        f'<line x1="0" y1="10" x2="36" y2="10" stroke="{kleur}" stroke-width="{breedte}"{streep}/>'
    )
