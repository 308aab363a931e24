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
DOMAIN_COLOURS = {
    "zorg": "#1f6f8b",
    "sociaal": "#b3541e",
    "gemeente": "#4f5f24",
    "financier": "#6a4c93",
}
DOMAIN_SHAPES = {
    "zorg": "circle",
    "sociaal": "square",
    "gemeente": "diamond",
    "financier": "triangle",
}
OTHER_COLOUR = "#6b6b6b"
# Zorg on the right, the gemeente below, the social domain on the left, funders on top: the
# ties between zorg and sociaal domein cross the middle of the picture.
DOMAIN_ORDER = ["zorg", "gemeente", "sociaal", "financier"]

LINE_STRUCTURAL = "#222222"
LINE_NEW = "#8a6300"
LINE_CONTACT = "#7a7a7a"

WIDTH, HEIGHT = 600, 400
RADIUS_X, RADIUS_Y = 150, 155  # an ellipse: the labels need room left and right
NODE_SIZE = 8


def _positions(organisaties):
    """Organisations on an ellipse, grouped by domain (see DOMAIN_ORDER)."""
    n = len(organisaties)
    positions = {}
    for index, organisatie in enumerate(organisaties):
        angle = 2 * math.pi * index / max(n, 1) - math.pi / 2 + (math.pi / n if n > 1 else 0)
        positions[organisatie.pk] = (
            WIDTH / 2 + RADIUS_X * math.cos(angle),
            HEIGHT / 2 + RADIUS_Y * math.sin(angle),
        )
    return positions


def _lines(name, width=18):
    """A name in at most three lines of about ``breedte`` characters."""
    words, lines = name.split(), [""]
    for word in words:
        if lines[-1] and len(lines[-1]) + 1 + len(word) > width:
            if len(lines) == 3:
                lines[-1] = lines[-1][: width - 1] + "…"
                break
            lines.append(word)
        else:
            lines[-1] = f"{lines[-1]} {word}".strip()
    return lines


def _shape(domain, x, y, colour):
    r = NODE_SIZE
    shape = DOMAIN_SHAPES.get(domain, "circle")
    edge = 'stroke="#fff" stroke-width="1.5"'
    if shape == "square":
        return (
            f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r}" height="{2 * r}" '
            f'fill="{colour}" {edge}/>'
        )
    if shape == "diamond":
        d = r * 1.3
        points = f"{x:.1f},{y - d:.1f} {x + d:.1f},{y:.1f} {x:.1f},{y + d:.1f} {x - d:.1f},{y:.1f}"
        return f'<polygon points="{points}" fill="{colour}" {edge}/>'
    if shape == "triangle":
        d = r * 1.25
        points = f"{x:.1f},{y - d:.1f} {x + d:.1f},{y + d * 0.8:.1f} {x - d:.1f},{y + d * 0.8:.1f}"
        return f'<polygon points="{points}" fill="{colour}" {edge}/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill="{colour}" {edge}/>'


def network_svg(picture, *, new=frozenset(), layout=None) -> str:
    """An inline SVG of one network picture (a ``comparison.NetworkPicture``): nodes coloured and
    shaped by domain, structural ties as solid lines, contact as thin dashed lines, new
    structural ties thicker and in gold. ``layout`` (all organisations of the comparison) keeps
    every organisation in the same place in both pictures. Safe to embed (every text is
    escaped); meant to sit next to a legend and a table with the same figures. Uses
    presentation attributes only (no inline style: CSP)."""
    positions = _positions(layout if layout is not None else picture.organisaties)
    title = _("Network %(moment)s: %(ties)d structural ties between %(orgs)d organisations") % {
        "moment": PeilMoment(picture.moment).label.lower(),
        "ties": len(picture.structureel),
        "orgs": len(picture.organisaties),
    }
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'class="netwerk" role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>'
    ]
    shown = {o.pk for o in picture.organisaties}
    for pair, level in sorted(picture.ties.items(), key=lambda item: sorted(item[0])):
        if level < Kennisniveau.CONTACT:
            continue
        a, b = sorted(pair)
        (x1, y1), (x2, y2) = positions[a], positions[b]
        if level >= Kennisniveau.STRUCTUREEL and pair in new:
            style = f'stroke="{LINE_NEW}" stroke-width="4"'
        elif level >= Kennisniveau.STRUCTUREEL:
            style = f'stroke="{LINE_STRUCTURAL}" stroke-width="2"'
        else:
            style = f'stroke="{LINE_CONTACT}" stroke-width="1" stroke-dasharray="5 4"'
        parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" {style}/>')
    for organisatie in picture.organisaties:
        if organisatie.pk not in shown or organisatie.pk not in positions:
            continue
        x, y = positions[organisatie.pk]
        colour = DOMAIN_COLOURS.get(organisatie.domein, OTHER_COLOUR)
        parts.append(_shape(organisatie.domein, x, y, colour))
        right = x >= WIDTH / 2 + 1
        middle = abs(x - WIDTH / 2) < 1
        anchor = "middle" if middle else ("start" if right else "end")
        dx = 0 if middle else (13 if right else -13)
        lines = _lines(organisatie.naam)
        top = y + 4 - 7 * (len(lines) - 1)
        if middle:
            top = y - 16 - 14 * (len(lines) - 1) if y < HEIGHT / 2 else y + 26
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


def legend():
    """The legend of the pictures, for the templates: each domain with its colour and shape,
    each kind of line with its look, all in words too."""
    shapes = {
        "circle": _("circle"),
        "square": _("square"),
        "diamond": _("diamond"),
        "triangle": _("triangle"),
    }
    return {
        "domeinen": [
            {
                "domein": d,
                "kleur": DOMAIN_COLOURS[d],
                "svg": mark_safe(_shape(d, 10, 10, DOMAIN_COLOURS[d])),  # noqa: S308 (no text)
                "label": Domein(d).label,
                "vorm": shapes[DOMAIN_SHAPES[d]],
            }
            for d in DOMAIN_ORDER
        ],
        "lijnen": [
            {
                "svg": mark_safe(_line(LINE_STRUCTURAL, 2)),  # noqa: S308 (no text)
                "label": _("work together structurally (solid line)"),
            },
            {
                "svg": mark_safe(_line(LINE_CONTACT, 1, dash=True)),  # noqa: S308 (no text)
                "label": _("have contact (thin dashed line)"),
            },
            {
                "svg": mark_safe(_line(LINE_NEW, 4)),  # noqa: S308 (no text)
                "label": _("new structural tie since the start (thick gold line)"),
            },
        ],
    }


def _line(colour, width, dash=False):
    dashes = ' stroke-dasharray="5 4"' if dash else ""
    return (
        f'<line x1="0" y1="10" x2="36" y2="10" stroke="{colour}" stroke-width="{width}"{dashes}/>'
    )
