"""Charts as inline SVG made on the server, each with a table for screen readers and print.

No JavaScript and no external files, so they pass the Content-Security-Policy and print in the
Logboek Oogst the same as on screen.
"""

from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils.formats import number_format

# Colours with at least 3:1 contrast against white (WCAG 1.4.11, non-text contrast).
PALETTE = ["#1d5a3c", "#b04a00", "#2b5c9e", "#6b4c9a", "#8a6d00", "#a4262c"]


def format_number(value):
    """A number as Dutch readers write it: 1.234 and 12,5 (in the active language)."""
    if value == int(value):
        return number_format(int(value), force_grouping=True)
    return number_format(value, decimal_pos=1, force_grouping=True)


@dataclass
class Series:
    label: str
    colour: str = ""


@dataclass
class Row:
    label: str
    values: list = field(default_factory=list)


def horizontal_bars(*, title, series, rows, unit="", prefix="", description=""):
    """Grouped horizontal bars: one group per row, one bar per series.

    ``series`` is a list of labels; ``rows`` a list of (label, [value per series]).
    Returns safe HTML: a <figure> with the SVG (hidden from screen readers) and a table.
    """
    series = [Series(label=s, colour=PALETTE[i % len(PALETTE)]) for i, s in enumerate(series)]
    rows = [Row(label=label, values=[v or 0 for v in values]) for label, values in rows]
    largest = max((v for row in rows for v in row.values), default=0) or 1

    label_width, chart_width, bar_height, gap = 165, 210, 18, 12
    group_height = bar_height * len(series) + gap
    legend_height = 24 if len(series) > 1 else 0
    height = legend_height + group_height * len(rows) + 4
    bars = []
    for r, row in enumerate(rows):
        top = legend_height + r * group_height
        for s, value in enumerate(row.values):
            width = chart_width * value / largest
            bars.append(
                {
                    "x": label_width,
                    "y": top + s * bar_height,
                    "width": round(width, 1),
                    "height": bar_height - 3,
                    "colour": series[s].colour,
                    "value": f"{prefix}{format_number(value)}" + (f" {unit}" if unit else ""),
                    "value_x": label_width + width + 6,
                    "value_y": top + s * bar_height + bar_height - 6,
                }
            )
    context = {
        "title": title,
        "description": description,
        "series": series,
        "rows": [
            {
                "label": row.label,
                "label_y": legend_height + i * group_height + (group_height - gap) / 2 + 4,
                "values": [f"{prefix}{format_number(v)}" for v in row.values],
            }
            for i, row in enumerate(rows)
        ],
        "bars": bars,
        "legend": [
            {"x": label_width + i * 110, "label": s.label, "colour": s.colour}
            for i, s in enumerate(series)
        ]
        if legend_height
        else [],
        "width": label_width + chart_width + 70,
        "height": height,
        "label_width": label_width,
        "unit": unit,
    }
    return render_to_string("charts/horizontal_bars.html", context)
