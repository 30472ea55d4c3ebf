"""What the VAERS files say of the flagged pairs of two sampled real VAERS reports (the
bench counts them false), read with ``bench/vaers_adjudication.py``."""

from __future__ import annotations

from dupbench.store import DATA


def _vaers_id(origin: str | None) -> str | None:
    return origin.split(":", 1)[1] if (origin or "").startswith("vaers:") else None


def vaers_rows(pairs: set, origins: dict) -> dict:
    """The VAERSDATA rows of the sampled real VAERS reports among ``pairs``."""
    from vaers_adjudication import read_rows

    ids = {i for pair in pairs for u in pair if (i := _vaers_id(origins.get(u)))}
    return read_rows(DATA / "vaers_1990_2006_official_zips", ids)


def vaers_audit(pairs: set, origins: dict, rows: dict | None = None) -> dict:
    """What the VAERS files say of flagged pairs of two *sampled real* VAERS reports (the
    bench counts them false): VAERS publishes only the first report of a case it knows
    to be one (VAERS Data Use Guide), so such a pair is a duplicate VAERS missed, or two
    patients. Counts pairs whose ages (AGE_YRS), states (STATE), onset dates
    (ONSET_DATE) or manufacturer numbers (SPLTTYPE) are both given and differ, pairs
    whose narratives (SYMPTOM_TEXT) share >= 80% of their words (Jaccard), and the
    pairs per class of ``bench/vaers_adjudication.py``."""
    from vaers_adjudication import adjudicate, narratives_alike

    rows = vaers_rows(pairs, origins) if rows is None else rows
    out = {"pairs": 0, "ages differ": 0, "states differ": 0, "onsets differ": 0,
           "manufacturer numbers differ": 0, "narratives alike": 0}  # fmt: skip
    for a, b in pairs:
        ia, ib = _vaers_id(origins.get(a)), _vaers_id(origins.get(b))
        if not (ia and ib):
            continue
        ra, rb = rows[ia], rows[ib]
        out["pairs"] += 1
        for key, column in (("ages differ", "AGE_YRS"), ("states differ", "STATE"),
                            ("onsets differ", "ONSET_DATE"),
                            ("manufacturer numbers differ", "SPLTTYPE")):  # fmt: skip
            if ra[column] and rb[column] and ra[column] != rb[column]:
                out[key] += 1
        out["narratives alike"] += narratives_alike(ra, rb)
        klass, reason = adjudicate(ra, rb)
        out[f"{klass}: {reason}"] = out.get(f"{klass}: {reason}", 0) + 1
    return out


def adjudicated(flagged: set, truth: set, origins: dict, rows: dict) -> dict:
    """Precision of ``flagged`` strictly, and counting as true the flagged pairs of two
    sampled real VAERS reports that ``bench/vaers_adjudication.py`` finds to be one case
    by evidence ("evidence"), also the probable ones ("probable")."""
    from vaers_adjudication import ONE_CASE, PROBABLE, adjudicate

    classes: dict[str, int] = {}
    for a, b in flagged - truth:
        ia, ib = _vaers_id(origins.get(a)), _vaers_id(origins.get(b))
        if ia and ib:
            klass = adjudicate(rows[ia], rows[ib])[0]
            classes[klass] = classes.get(klass, 0) + 1
    n, tp = len(flagged) or 1, len(flagged & truth)
    one, probable = classes.get(ONE_CASE, 0), classes.get(PROBABLE, 0)
    return {"evidence": (tp + one) / n, "probable": (tp + one + probable) / n, **classes}
