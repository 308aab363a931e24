"""The run-chart rules against series worked out by hand."""

import datetime
from decimal import Decimal

import pytest
from django.utils import translation
from django.utils.formats import date_format

from verbeteracties.models import Indicator, Meting, Verbeteractie, Voortgang
from verbeteracties.runchart import analyse, min_runs, run_chart, x_domain


def test_a_series_without_a_pattern_has_no_signal():
    # median 5; sides + - + - + - + - + - : 10 useful points, 9 crossings, 10 runs (≥ 3)
    result = analyse([6, 4, 7, 3, 8, 2, 9, 1, 6, 4])
    assert result.median == 5
    assert result.useful == 10
    assert result.crossings == 9
    assert result.runs == 10
    assert result.min_runs == 3
    assert not result.shifts
    assert not result.has_signal


def test_values_on_the_median_shorten_a_run_that_looks_like_a_shift():
    # 1 2 1 2 1 | 9 8 9 8 9 9 : median (2+8)/2 = 5; the last six are above it
    result = analyse([1, 2, 1, 2, 1, 9, 8, 9, 8, 9, 9])
    assert result.median == 8
    # median 8: sides - - - - - 1 0 1 0 1 1 → below run of 5, then four above with two on
    # the median, which neither count nor break: no shift of six
    assert result.shifts == []


def test_points_on_the_median_neither_count_nor_break_a_shift():
    # median 5 (the middle of eleven values); below: 1,2,3,4,4 then 5 (on), above: 6..
    values = [6, 7, 8, 6, 5, 7, 9, 1, 2, 3, 4]
    result = analyse(values)
    assert result.median == 6
    # sides: 0 + + 0 - + + - - - -  → above run: 7, 8, (6 on), 7, 9 = 4 points: no shift
    assert result.shifts == []
    values = [7, 8, 6, 9, 7, 6, 8, 1, 2, 3, 4, 5, 6]
    result = analyse(values)
    # sorted: 1 2 3 4 5 6 6 6 7 7 8 8 9 → median 6; above: 7 8 (6) 9 7 (6) 8 = 5 points
    assert result.median == 6
    assert result.shifts == []
    values = [7, 8, 6, 9, 7, 6, 8, 9, 1, 2, 3, 4, 5]
    result = analyse(values)
    # sorted: 1 2 3 4 5 6 6 7 7 8 8 9 9 → median 6; above: 7 8 (6) 9 7 (6) 8 9 = 6 points
    assert result.median == 6
    assert result.shifts == [(0, 7)]


def test_a_shift_below_the_median_is_found_with_its_first_and_last_point():
    values = [1, 1, 2, 1, 2, 1, 5, 6, 7, 8, 9, 7]
    result = analyse(values)
    # median (2+5)/2 = 3.5: six below, six above: two shifts
    assert result.median == Decimal("3.5") or result.median == 3.5
    assert result.shifts == [(0, 5), (6, 11)]
    assert result.crossings == 1
    assert result.runs == 2
    assert result.min_runs == 3
    assert result.too_few_runs


def test_too_few_crossings_for_the_number_of_points():
    # 14 points, median 5.5: - - - + + + - - - + + + - + : 5 runs; the table says at least 4
    values = [1, 2, 3, 8, 9, 7, 2, 1, 3, 9, 8, 7, 2, 9]
    result = analyse(values)
    assert result.useful == 14
    assert result.runs == 6
    assert result.min_runs == 4
    assert not result.too_few_runs
    # 20 points in four runs of five: median 5, 3 crossings, 4 runs; the table says at
    # least 6 for 20 points, and no run is long enough for a shift
    result = analyse([1] * 5 + [9] * 5 + [1] * 5 + [9] * 5)
    assert result.median == 5
    assert (result.useful, result.crossings, result.runs) == (20, 3, 4)
    assert result.min_runs == 6
    assert result.too_few_runs
    assert result.shifts == []
    assert result.has_signal


def test_the_crossings_rule_needs_ten_useful_points():
    result = analyse([1, 5, 9])
    assert result.min_runs is None
    assert not result.too_few_runs


@pytest.mark.parametrize(
    ("useful", "expected"), [(10, 3), (13, 4), (16, 5), (20, 6), (24, 8), (30, 11)]
)
def test_the_lower_limit_follows_the_standard_table(useful, expected):
    assert min_runs(useful) == expected


def test_beyond_the_table_the_limit_is_computed_and_grows():
    assert 11 <= min_runs(31) <= min_runs(40) <= min_runs(60)


# --- the x-axis: the action's period ------------------------------------------------------

START, END = datetime.date(2026, 3, 1), datetime.date(2026, 8, 31)


def test_the_x_axis_spans_the_actions_period():
    metingen = [datetime.date(2026, 4, 1), datetime.date(2026, 6, 1)]
    assert x_domain(START, END, metingen) == (START, END)


def test_the_x_axis_runs_on_to_a_meting_after_the_end():
    late = datetime.date(2026, 9, 15)
    assert x_domain(START, END, [datetime.date(2026, 4, 1), late]) == (START, late)


def test_the_x_axis_starts_at_a_meting_before_the_start():
    early = datetime.date(2026, 2, 10)
    assert x_domain(START, END, [early]) == (early, END)


def test_the_x_axis_of_an_action_without_metingen_is_its_period():
    assert x_domain(START, END, []) == (START, END)


def _chart(update_dates):
    # Unsaved rows: the chart reads only what they hold.
    actie = Verbeteractie(start=START, eind=END)
    indicator = Indicator(naam="Wachttijd", eenheid="dagen", actie=actie)
    metingen = [
        Meting(indicator=indicator, datum=datetime.date(2026, 4, 1), waarde=Decimal(10)),
        Meting(indicator=indicator, datum=datetime.date(2026, 6, 1), waarde=Decimal(7)),
    ]
    updates = [Voortgang(actie=actie, datum=d) for d in update_dates]
    with translation.override("en"):
        return run_chart(indicator, metingen, updates)


def test_an_update_written_after_the_end_does_not_stretch_the_chart_to_it():
    today = datetime.date(2026, 12, 7)
    chart = _chart([datetime.date(2026, 5, 1), today])
    with translation.override("en"):
        end_label = date_format(END, "j b Y")
        today_label = date_format(today, "j b Y")
    assert f">{end_label}</text>" in chart
    assert f">{today_label}</text>" not in chart.split("</svg>")[0]
    # The update inside the period is drawn at the same place as without the late one.
    inside = _chart([datetime.date(2026, 5, 1)]).split("</svg>")[0]
    assert chart.split("</svg>")[0] == inside
