"""The run chart of an indicator: the rules computed here, the picture as inline SVG.

A run chart plots the metingen in time order with their median. Two rules point out a
non-random pattern (Perla, Provost & Murray, "The run chart", BMJ Qual Saf 2011):

- a **shift**: six or more consecutive points on one side of the median; points exactly on
  the median neither count nor break the run;
- **too few runs** (crossings of the median): fewer runs than the table below allows for the
  number of useful observations (points not on the median). A run is a series of points on
  one side; the number of runs is the number of crossings plus one.
"""

import datetime
import statistics
from dataclasses import dataclass, field
from decimal import Decimal
from math import comb

from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kern.charts import format_number

SHIFT_LENGTH = 6
# Lower limit of the number of runs for 10 to 30 useful observations (Perla et al. 2011,
# table 1, which reformats Swed & Eisenhart 1943). Fewer runs than this is a signal.
# Checked for issue 6 (the suspicion was 15 → 4 and 23 → 8): no text copy of the published
# table is reachable from here. The values are those of the table as it is widely reproduced
# (IHI's run chart guidance: 15 → 5, 20 → 6, 23 → 7, 26 → 9, 30 → 11), which also is what the
# lead remembered of the paper; they are not one Swed–Eisenhart tail probability with equal
# halves (that would give 20 → 7, 22 → 8 and 23 → 8 at 2.5%), so they are kept as a table.
MIN_RUNS = {
    10: 3, 11: 3, 12: 3, 13: 4, 14: 4, 15: 5, 16: 5, 17: 5, 18: 6, 19: 6, 20: 6,
    21: 7, 22: 7, 23: 7, 24: 8, 25: 8, 26: 9, 27: 10, 28: 10, 29: 10, 30: 11,
}  # fmt: skip
MIN_USEFUL = min(MIN_RUNS)


def _min_runs_exact(n: int) -> int:
    """Beyond the table: the smallest number of runs with a probability of at least 2.5% of
    occurring by chance or less (Swed & Eisenhart, halves as equal as can be)."""
    n1, n2 = n // 2, n - n // 2
    total = comb(n, n1)

    def p(r):
        k = r // 2
        if r % 2 == 0:
            return 2 * comb(n1 - 1, k - 1) * comb(n2 - 1, k - 1) / total
        return (
            comb(n1 - 1, k) * comb(n2 - 1, k - 1) + comb(n1 - 1, k - 1) * comb(n2 - 1, k)
        ) / total

    cumulative = 0.0
    for r in range(2, n + 1):
        cumulative += p(r)
        if cumulative > 0.025:
            return r
    return 2


def min_runs(useful: int) -> int | None:
    """The lower limit of runs for this many useful observations; None below ten."""
    if useful < MIN_USEFUL:
        return None
    return MIN_RUNS.get(useful) or _min_runs_exact(useful)


@dataclass
class Analyse:
    median: Decimal | None
    sides: list[int]  # per point: 1 above, -1 below, 0 on the median
    useful: int  # points not on the median
    runs: int
    crossings: int
    min_runs: int | None
    shifts: list[tuple[int, int]] = field(default_factory=list)  # (first, last) point index

    @property
    def too_few_runs(self) -> bool:
        return self.min_runs is not None and self.runs < self.min_runs

    @property
    def has_signal(self) -> bool:
        return bool(self.shifts) or self.too_few_runs


def analyse(values: list) -> Analyse:
    """Apply the run-chart rules to values in time order."""
    if not values:
        return Analyse(median=None, sides=[], useful=0, runs=0, crossings=0, min_runs=None)
    median = statistics.median(values)
    sides = [(v > median) - (v < median) for v in values]
    useful_sides = [(i, s) for i, s in enumerate(sides) if s]
    crossings = sum(
        1 for (_, a), (_, b) in zip(useful_sides, useful_sides[1:], strict=False) if a != b
    )
    runs = crossings + 1 if useful_sides else 0

    shifts, start, length, side = [], None, 0, 0
    for i, s in useful_sides + [(None, 0)]:
        if s and s == side:
            length += 1
            last = i
            continue
        if length >= SHIFT_LENGTH:
            shifts.append((start, last))
        start, last, length, side = i, i, 1, s
    return Analyse(
        median=median,
        sides=sides,
        useful=len(useful_sides),
        runs=runs,
        crossings=crossings,
        min_runs=min_runs(len(useful_sides)),
        shifts=shifts,
    )


def in_words(result: Analyse, dates: list[datetime.date]) -> list[str]:
    """The signals (or their absence) as sentences for the page."""
    sentences = []
    if result.median is None:
        return [_("No metingen yet.")]
    for first, last in result.shifts:
        side = _("above") if result.sides[first] > 0 else _("below")
        count = sum(1 for s in result.sides[first : last + 1] if s)
        sentences.append(
            _(
                "Shift: %(n)s points in a row %(side)s the median, from %(van)s to %(tot)s. "
                "This is unlikely to be chance: something changed."
            )
            % {
                "n": count,
                "side": side,
                "van": date_format(dates[first], "j F Y"),
                "tot": date_format(dates[last], "j F Y"),
            }
        )
    if result.min_runs is None:
        sentences.append(
            ngettext(
                "%(n)s point off the median: the rule on crossings needs at least %(min)s.",
                "%(n)s points off the median: the rule on crossings needs at least %(min)s.",
                result.useful,
            )
            % {"n": result.useful, "min": MIN_USEFUL}
        )
    elif result.too_few_runs:
        sentences.append(
            _(
                "Too few crossings: the line crosses the median %(crossings)s times "
                "(%(runs)s runs); with %(n)s points off the median at least %(min)s runs are "
                "expected by chance. Something changed."
            )
            % {
                "crossings": result.crossings,
                "runs": result.runs,
                "n": result.useful,
                "min": result.min_runs,
            }
        )
    else:
        sentences.append(
            _(
                "The line crosses the median %(crossings)s times (%(runs)s runs): enough for "
                "%(n)s points off the median."
            )
            % {"crossings": result.crossings, "runs": result.runs, "n": result.useful}
        )
    if not result.shifts:
        sentences.append(
            _("No shift: no %(n)s or more points in a row on one side of the median.")
            % {"n": SHIFT_LENGTH}
        )
    return sentences


WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 44


def x_domain(start, end, dates) -> tuple[datetime.date, datetime.date]:
    """The first and last day on the x-axis: the action's period, widened only to take in a
    meting outside it. Not today, nor a progress update written after the end: an action that
    ran in spring keeps its spring on the axis."""
    first = min([start, *dates])
    last = max([end, *dates])
    return first, max(last, first)


def run_chart(indicator, metingen, updates) -> str:
    """The chart of one indicator as safe HTML: the SVG (hidden from screen readers), the
    signals in words, and a table with every meting and update."""
    points = [(m.datum, m.waarde) for m in metingen]
    result = analyse([v for _, v in points])
    dates = [d for d, _ in points]
    update_dates = sorted({u.datum for u in updates})
    values = [v for _, v in points]
    for extra in (indicator.streefwaarde, indicator.nulmeting):
        if extra is not None:
            values.append(extra)
    low = min(values, default=Decimal(0))
    high = max(values, default=Decimal(1))
    if low == high:
        low, high = low - 1, high + 1
    low = min(low, Decimal(0))
    first, last = x_domain(indicator.actie.start, indicator.actie.eind, dates)
    span = max((last - first).days, 1)

    def x(day):
        return round(LEFT + (WIDTH - LEFT - RIGHT) * (day - first).days / span, 1)

    def y(value):
        return round(TOP + (HEIGHT - TOP - BOTTOM) * float((high - value) / (high - low)), 1)

    # Metingen after the action's end are allowed (results often come later) and set apart:
    # a line at the end date, open points beyond it, a mark in the table.
    actie = indicator.actie
    na_einde = [actie.na_einde(d) for d in dates]

    in_shift = set()
    for a, b in result.shifts:
        in_shift.update(range(a, b + 1))
    plotted = [
        {
            "x": x(d),
            "y": y(v),
            "shift": i in in_shift,
            "na_einde": na_einde[i],
            "label": f"{date_format(d, 'j b Y')}: {format_number(v)}",
        }
        for i, (d, v) in enumerate(points)
    ]
    context = {
        "indicator": indicator,
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "bottom": HEIGHT - BOTTOM,
        "top": TOP,
        "points": plotted,
        "polyline": " ".join(f"{p['x']},{p['y']}" for p in plotted),
        "median_y": y(result.median) if result.median is not None else None,
        "median": format_number(result.median) if result.median is not None else "",
        "streef_y": y(indicator.streefwaarde) if indicator.streefwaarde is not None else None,
        "streef": format_number(indicator.streefwaarde)
        if indicator.streefwaarde is not None
        else "",
        "einde_x": x(actie.eind) if any(na_einde) else None,
        # Updates outside the axis are left out of the picture; the table lists them all.
        "updates": [
            {"x": x(d), "label": date_format(d, "j b")} for d in update_dates if first <= d <= last
        ],
        "y_ticks": [{"y": y(v), "label": format_number(v)} for v in (low, (low + high) / 2, high)],
        "x_ticks": [
            {"x": x(first), "label": date_format(first, "j b Y"), "anchor": "start"},
            {"x": x(last), "label": date_format(last, "j b Y"), "anchor": "end"},
        ],
        "signals": in_words(result, dates),
        "has_signal": result.has_signal,
        "rows": [
            {
                "datum": d,
                "waarde": format_number(v),
                "side": {1: _("above"), -1: _("below"), 0: _("on the median")}[s],
                "na_einde": after,
            }
            for (d, v), s, after in zip(points, result.sides, na_einde, strict=True)
        ],
        "update_dates": update_dates,
    }
    return render_to_string("verbeteracties/runchart.html", context)
