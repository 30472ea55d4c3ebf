import contextlib
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dermavigil.domain.vocab import SeriousnessCriterion
from dermavigil.ingest.values import (
    BadValue,
    age_in_years,
    clean_id,
    gravest,
    parse_compact_date,
    parse_float,
    parse_int,
    parse_us_date,
    partial_date_end,
    sex_code,
)

DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20141226", date(2014, 12, 26)),
        ("20141226.0", date(2014, 12, 26)),  # pandas-rewritten FAERS sample
        ("201411", date(2014, 11, 1)),  # partial YYYYMM: first day
        ("2014", date(2014, 1, 1)),  # partial YYYY: first day
        ("", None),
        ("  ", None),
    ],
)
def test_compact_dates(text: str, expected: date | None) -> None:
    assert parse_compact_date(text) == expected


@pytest.mark.parametrize("text", ["20150231", "20151301", "201500", "18991231", "2014-1", "abc"])
def test_bad_compact_dates(text: str) -> None:
    with pytest.raises(BadValue):
        parse_compact_date(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("01/02/2004", date(2004, 1, 2)), ("12/2018", date(2018, 12, 1)), ("2019", date(2019, 1, 1))],
)
def test_us_dates(text: str, expected: date) -> None:
    assert parse_us_date(text) == expected


@pytest.mark.parametrize("text", ["02/30/2019", "13/01/2019", "1/2/19", "01-02-2004"])
def test_bad_us_dates(text: str) -> None:
    with pytest.raises(BadValue):
        parse_us_date(text)


@pytest.mark.parametrize(
    ("text", "parse", "expected"),
    [
        ("2014", parse_compact_date, date(2014, 12, 31)),
        ("201402", parse_compact_date, date(2014, 2, 28)),
        ("201602", parse_compact_date, date(2016, 2, 29)),
        ("20140207", parse_compact_date, None),  # a full date: no period
        ("20140207.0", parse_compact_date, None),
        ("201413", parse_compact_date, None),  # bad: reported by parse_compact_date
        ("", parse_compact_date, None),
        ("2019", parse_us_date, date(2019, 12, 31)),
        ("12/2018", parse_us_date, date(2018, 12, 31)),
        ("01/02/2004", parse_us_date, None),
        ("13/2019", parse_us_date, None),
    ],
)
def test_partial_date_end(text: str, parse, expected: date | None) -> None:  # noqa: ANN001
    assert partial_date_end(text, parse) == expected


@given(DATES)
def test_compact_date_round_trip(d: date) -> None:
    assert parse_compact_date(d.strftime("%Y%m%d")) == d
    assert parse_compact_date(d.strftime("%Y%m")) == d.replace(day=1)
    assert parse_compact_date(d.strftime("%Y")) == d.replace(month=1, day=1)


@given(DATES)
def test_us_date_round_trip(d: date) -> None:
    assert parse_us_date(f"{d.month:02d}/{d.day:02d}/{d.year:04d}") == d


@given(st.text(max_size=12))
def test_date_parsers_never_raise_anything_but_bad_value(text: str) -> None:
    for parse in (parse_compact_date, parse_us_date):
        with contextlib.suppress(BadValue):
            parse(text)


@pytest.mark.parametrize(
    ("value", "unit", "years"),
    [
        ("7", "DEC", 70.0),
        ("45", "YR", 45.0),
        ("18", "MON", 1.5),
        ("52", "WK", 52 * 7 / 365.25),
        ("365.25", "DY", 1.0),
        ("8766", "HR", 1.0),
        ("61.0", "YR", 61.0),
        ("2", "800", 20.0),
        ("340", "802", 340 / 12),
        ("3", "Year(s)", 3.0),
        ("", "YR", None),
    ],
)
def test_age_units(value: str, unit: str, years: float | None) -> None:
    assert (
        age_in_years(value, unit) == pytest.approx(years)
        if years
        else age_in_years(value, unit) is None
    )


@pytest.mark.parametrize(
    ("value", "unit"), [("3", "FORTNIGHT"), ("-1", "YR"), ("200", "YR"), ("4", "")]
)
def test_bad_ages(value: str, unit: str) -> None:
    with pytest.raises(BadValue):
        age_in_years(value, unit)


@given(st.floats(min_value=0, max_value=130, allow_nan=False))
def test_age_in_days_and_years_agree(years: float) -> None:
    days = years * 365.25
    assert age_in_years(repr(days), "DY") == pytest.approx(years, rel=1e-9, abs=1e-9)


def test_small_parsers() -> None:
    assert clean_id("1100310642.0") == "1100310642"
    assert clean_id("US-1.0A") == "US-1.0A"
    assert parse_int("42.0") == 42
    assert parse_float("1,5") == 1.5
    with pytest.raises(BadValue):
        parse_float("inf")
    assert [sex_code(s) for s in ("F", "male", "2", "UNK", "")] == ["F", "M", "F", None, None]


def test_gravest_follows_ich_order() -> None:
    s = SeriousnessCriterion
    assert gravest([s.medically_important, s.hospitalisation, s.death]) == "death"
    assert gravest([]) is None


def test_every_day_of_a_leap_year_parses() -> None:
    d = date(2020, 1, 1)
    while d.year == 2020:
        assert parse_compact_date(d.strftime("%Y%m%d")) == d
        d += timedelta(days=1)
