"""The trend plot of one pair: cumulative reports and the lower bounds over time.

A Vega-Lite spec (built with Altair) in two panels sharing the period axis: the
cumulative number of reports, and each method's lower bound (PRR025 as reported by
the PRR interval of Evans et al. 2001, ROR025, IC025, EB05) with its threshold
drawn dashed (ROR025 1, IC025 0 shown on the log2 scale as 1, EB05 2), so a reader
sees when each crossed. Rendered to SVG or PNG with vl-convert (no browser).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

BOUNDS = (("ror_lower", "ROR025"), ("eb05", "EB05"), ("ic025", "2^IC025"))


def trend_spec(rows: Sequence[Mapping[str, Any]], *, width: int = 560) -> dict[str, Any]:
    """Rows of a trend series (``period``, ``n`` and the bounds) -> Vega-Lite spec."""
    import altair as alt

    counts = [{"period": r["period"], "n": r["n"]} for r in rows]
    bounds = []
    for r in rows:
        for column, label in BOUNDS:
            value = r.get(column)
            if value is None or not math.isfinite(float(value)):
                continue
            shown = 2 ** float(value) if column == "ic025" else float(value)
            if shown > 0:
                bounds.append({"period": r["period"], "measure": label, "value": shown})
    x = alt.X("period:O", title="period of receipt (cumulative)")
    top = (
        alt.Chart(alt.Data(values=counts))
        .mark_bar()
        .encode(x=x, y=alt.Y("n:Q", title="reports"))
        .properties(width=width, height=140)
    )
    lines = (
        alt.Chart(alt.Data(values=bounds))
        .mark_line(point=True)
        .encode(
            x=x,
            y=alt.Y("value:Q", scale=alt.Scale(type="log"), title="lower bound (log)"),
            color=alt.Color("measure:N", title=None),
        )
    )
    thresholds = (
        alt.Chart(alt.Data(values=[{"y": 1.0, "t": "1"}, {"y": 2.0, "t": "EB05 2"}]))
        .mark_rule(strokeDash=[4, 4], color="#666")
        .encode(y="y:Q")
    )
    bottom = (lines + thresholds).properties(width=width, height=180)
    return alt.vconcat(top, bottom).to_dict()


def to_svg(spec: Mapping[str, Any]) -> str:
    import vl_convert

    return vl_convert.vegalite_to_svg(dict(spec))


def to_png(spec: Mapping[str, Any], scale: float = 2.0) -> bytes:
    import vl_convert

    return vl_convert.vegalite_to_png(dict(spec), scale=scale)
