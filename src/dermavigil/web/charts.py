"""Signal charts as Vega-Lite specs (built with Altair), rendered to SVG on the server.

Builders are pure: rows in, a Vega-Lite spec (a ``dict``) out, so tests can
inspect the encoding; :func:`to_svg` renders a spec with ``vl-convert`` (the
Vega renderer embedded in a Rust library, no browser and no network), in the
habit of splink's chart definitions filled with data at run time.

- :func:`forest_plot`: EBGM with its EB05-EB95 interval per drug-event pair on
  a log axis with a reference line at 1 (DuMouchel 1999; Szarfman et al. 2002
  use EB05 >= 2 as the signal threshold, drawn dashed).
- :func:`counts_over_time`: reports per period for one pair.
- :func:`onset_histogram`: time from exposure to onset, in days, for the
  reports of one pair where it is known (binned, log-spaced bins are not
  used so that the axis reads in plain days).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import altair as alt
import vl_convert

SIGNAL_EB05 = 2.0
"""EB05 at or above this marks a signal (Szarfman, Machado & O'Neill 2002)."""


def forest_plot(rows: Sequence[Mapping[str, Any]], *, width: int = 560) -> dict[str, Any]:
    """EBGM (point) with EB05-EB95 (rule) for each row, ordered as given.

    Each row needs ``pair`` (label: product and reaction), ``ebgm``, ``eb05``, ``eb95``
    and ``n`` (reports). Labels must be distinct: rows with the same label would share
    one line of the plot.
    """
    data = [
        {
            "pair": str(r["pair"]),
            "ebgm": float(r["ebgm"]),
            "eb05": float(r["eb05"]),
            "eb95": float(r["eb95"]),
            "n": int(r["n"]),
            "signal": float(r["eb05"]) >= SIGNAL_EB05,
        }
        for r in rows
    ]
    order = [d["pair"] for d in data]
    source = alt.Data(values=data)
    # labels are never cut (labelLimit 0): callers shorten each part of a label instead,
    # so that two rows cannot read alike because their labels were truncated
    # (no axis title: the browser's fonts may set labels wider than the server measured)
    y = alt.Y("pair:N", sort=order, title=None, axis=alt.Axis(labelLimit=0))
    scale = alt.Scale(type="log")
    base = alt.Chart(source)
    interval = base.mark_rule(strokeWidth=2).encode(
        y=y,
        x=alt.X("eb05:Q", scale=scale, title="EBGM with EB05-EB95 (log scale)"),
        x2="eb95:Q",
        color=alt.Color(
            "signal:N",
            scale=alt.Scale(domain=[True, False], range=["#b2182b", "#4d4d4d"]),
            legend=alt.Legend(title="EB05 >= 2"),
        ),
    )
    tooltip = ["pair:N", "n:Q", "ebgm:Q", "eb05:Q", "eb95:Q"]
    point = base.mark_point(filled=True, size=60, shape="diamond").encode(
        y=y, x=alt.X("ebgm:Q", scale=scale), color="signal:N", tooltip=tooltip
    )
    ref_one = (
        alt.Chart(alt.Data(values=[{"x": 1.0}]))
        .mark_rule(color="#999999")
        .encode(x=alt.X("x:Q", scale=scale))
    )
    ref_signal = (
        alt.Chart(alt.Data(values=[{"x": SIGNAL_EB05}]))
        .mark_rule(color="#b2182b", strokeDash=[4, 3])
        .encode(x=alt.X("x:Q", scale=scale))
    )
    chart = alt.layer(ref_one, ref_signal, interval, point).properties(
        width=width,
        height=max(60, 18 * len(data)),
        title="EBGM (EB05-EB95) per product · reaction",
    )
    return chart.to_dict()


def counts_over_time(
    rows: Sequence[Mapping[str, Any]], *, title: str, width: int = 560
) -> dict[str, Any]:
    """Reports per period (``period`` label, ``reports`` count) as bars."""
    data = [{"period": str(r["period"]), "reports": int(r["reports"])} for r in rows]
    chart = (
        alt.Chart(alt.Data(values=data))
        .mark_bar(color="#2166ac")
        .encode(
            x=alt.X("period:O", title="Year received"),
            y=alt.Y("reports:Q", title="Reports"),
            tooltip=["period:O", "reports:Q"],
        )
        .properties(width=width, height=200, title=title)
    )
    return chart.to_dict()


def onset_histogram(
    days: Sequence[float], *, title: str, width: int = 560, max_bins: int = 30
) -> dict[str, Any]:
    """Histogram of time to onset in days (negative or missing values are left out)."""
    data = [{"days": float(d)} for d in days if d is not None and d >= 0]
    chart = (
        alt.Chart(alt.Data(values=data))
        .mark_bar(color="#5aae61")
        .encode(
            x=alt.X("days:Q", bin=alt.Bin(maxbins=max_bins), title="Days from exposure to onset"),
            y=alt.Y("count():Q", title="Reports"),
        )
        .properties(width=width, height=200, title=title)
    )
    return chart.to_dict()


def to_svg(spec: Mapping[str, Any]) -> str:
    """Render a Vega-Lite spec to an SVG document (no network, no browser)."""
    return vl_convert.vegalite_to_svg(dict(spec))
