"""Pure parts of the web package: form mapping, evidence highlighting, timeline, roles,
login throttling and chart specs."""

from __future__ import annotations

import pytest

from dermavigil.demo import load_seed_case
from dermavigil.domain import parse_case
from dermavigil.errors import PermissionDenied
from dermavigil.web import charts
from dermavigil.web.forms import flatten, row_count, unflatten
from dermavigil.web.highlight import Segment, segments
from dermavigil.web.permissions import allowed, can_read_case, require
from dermavigil.web.timeline import timeline


def test_flatten_then_unflatten_gives_back_the_seed_case() -> None:
    seed = load_seed_case()
    data = seed.model_dump(mode="json", exclude_none=True)
    pairs = []
    for key, value in flatten(data).items():
        pairs += [(key, v) for v in value] if isinstance(value, list) else [(key, value)]
    assert parse_case(unflatten(pairs)) == seed


def test_flatten_shows_a_whole_number_without_its_decimal_point() -> None:
    values = flatten({"patient": {"age": 79.0, "weight_kg": 61.5}, "report": {"patients": 1}})
    assert values == {"patient.age": "79", "patient.weight_kg": "61.5", "report.patients": "1"}


def test_unflatten_drops_blank_rows_and_parts_and_splits_lists() -> None:
    pairs = [
        ("products.0.name", "Filler X"),
        ("products.0.approved_routes", "intradermal"),
        ("products.0.approved_routes", "subcutaneous"),
        ("products.0.body_sites", "cheek, chin;\nnose"),
        ("products.1.role", "suspect"),  # only a defaulted select: blank row
        ("reactions.0.verbatim", "nodule"),
        ("reactions.0.onset_latency.unit", "day"),  # no value: the part is dropped
        ("reactions.0.outcome", ""),
        ("csrf_token", "secret"),
    ]
    assert unflatten(pairs) == {
        "products": [
            {
                "name": "Filler X",
                "approved_routes": ["intradermal", "subcutaneous"],
                "body_sites": ["cheek", "chin", "nose"],
            }
        ],
        "reactions": [{"verbatim": "nodule"}],
    }
    assert row_count(flatten(unflatten(pairs)), "products") == 1
    assert row_count({}, "treatments") == 1


def test_segments_mark_overlapping_evidence() -> None:
    text = "intradermal injection of exosomes"
    evidence = {"products.0.route": [(0, 11)], "products.0.name": [(25, 33), (0, 0)],
                "products.0.injections": [(0, 21)]}  # fmt: skip
    out = segments(text, evidence)
    assert "".join(s.text for s in out) == text
    assert out[0] == Segment("intradermal", ("products.0.injections", "products.0.route"))
    assert out[1] == Segment(" injection", ("products.0.injections",))
    assert out[-1] == Segment("exosomes", ("products.0.name",))
    assert segments("abc", {"x": [(1, 99)]}) == [Segment("a", ()), Segment("bc", ("x",))]
    assert segments("", None) == []


def test_timeline_orders_the_seed_case_clinically() -> None:
    events = timeline(load_seed_case())
    kinds = [e.kind for e in events]
    assert kinds[0] == "exposure"
    assert kinds.index("onset") < kinds.index("rechallenge") < kinds.index("treatment")
    assert kinds[-1] == "outcome"


def test_timeline_places_dated_events_and_latencies() -> None:
    data = load_seed_case().model_dump(mode="json", exclude_none=True)
    data["products"][0]["start_date"] = "2023-03-01"
    data["reactions"][0].pop("onset_date", None)
    data["reactions"][0]["onset_latency"] = {"value": 3, "unit": "day"}
    events = timeline(parse_case(data))
    onset = next(e for e in events if e.kind == "onset")
    assert onset.when == "~2023-03-04"
    assert events[0].kind == "exposure" and events[0].when == "2023-03-01"


def test_roles_are_nested() -> None:
    assert allowed("reporter", "case.create") and not allowed("reporter", "case.override")
    assert allowed("assessor", "case.override") and not allowed("assessor", "users.manage")
    assert all(allowed("admin", a) for a in ("users.manage", "import.run", "case.retract"))
    assert not allowed("admin", "no.such.action") and not allowed("guest", "case.read")

    class Reporter:
        role, username = "reporter", "ann"

    assert can_read_case(Reporter(), "ann") and not can_read_case(Reporter(), "bob")
    with pytest.raises(PermissionDenied, match="may not case override"):
        require(Reporter(), "case.override")


def test_forest_plot_spec_and_svg() -> None:
    rows = [
        {"pair": "exosome / necrosis", "ebgm": 4.0, "eb05": 2.5, "eb95": 6.0, "n": 4},
        {"pair": "ha filler / nodule", "ebgm": 1.1, "eb05": 0.7, "eb95": 1.8, "n": 9},
    ]
    spec = charts.forest_plot(rows)
    ref_one, ref_signal, interval, point = spec["layer"]
    assert ref_one["data"]["values"] == [{"x": 1.0}]
    assert ref_signal["data"]["values"] == [{"x": charts.SIGNAL_EB05}]
    assert [d["signal"] for d in interval["data"]["values"]] == [True, False]
    assert interval["encoding"]["x"]["field"] == "eb05"
    assert interval["encoding"]["x2"]["field"] == "eb95"
    assert point["encoding"]["x"]["field"] == "ebgm"
    assert interval["encoding"]["x"]["scale"]["type"] == "log"
    svg = charts.to_svg(spec)
    assert svg.startswith("<svg") and "exosome / necrosis" in svg


def test_onset_histogram_leaves_out_unknown_and_negative() -> None:
    spec = charts.onset_histogram([0, 1.5, None, -2, 30], title="t")  # type: ignore[list-item]
    assert sorted(d["days"] for d in spec["data"]["values"]) == [0, 1.5, 30]
    over_time = charts.counts_over_time([{"period": 2020, "reports": 3}], title="t")
    assert "<svg" in charts.to_svg(over_time)


def test_svg_escapes_labels_from_imported_data() -> None:
    """Chart SVG is inlined in the page: product and term names must not become markup."""
    label = '<script>alert(1)</script> & "x"'
    svg = charts.to_svg(
        charts.forest_plot([{"pair": label, "ebgm": 2, "eb05": 1, "eb95": 3, "n": 1}])
    )
    assert "<script>" not in svg and "&lt;script&gt;" in svg


def test_a_yes_no_answer_reads_yes_or_no() -> None:
    """Selects such as "Seen at rechallenge" or "Dechallenge done" show Yes / No, never the
    posted true / false."""
    from dermavigil.web.labels import words

    assert (words("true"), words("false")) == ("Yes", "No")
    assert words("recovered_with_sequelae") == "Recovered with sequelae"
