"""How the bench's duplicates are made: the share of copies, the kinds of duplicate and
the per-field perturbation rates of each kind (assumptions: docs/duplicates-bench.md)."""

from __future__ import annotations

SHARE = 0.05
"""Share of the records that are made duplicates (``--share``). VigiBase 2000-2010 held
about 2.5% duplicates (Tregunno et al. 2014, as a scoping review of duplication in
pharmacovigilance databases summarises it); precision falls with the share, since the
false alarms among real reports stay."""

# Kinds of duplicate and their share of all duplicates (assumptions, see the docstring).
KINDS = {"follow_up": 0.4, "other_reporter": 0.35, "errors": 0.25}
# Per-field perturbation rates by kind (assumptions, see the docstring).
RATES = {
    "follow_up": {
        "add_reaction": 0.6,
        "age_missing": 0.1,
        "event_missing": 0.1,
        "outcome_fatal": 0.02,  # the patient died after the first report
    },
    "other_reporter": {
        "drop_reaction": 0.5,
        "age_shift": 0.2,
        "age_missing": 0.3,
        "country_missing": 0.2,
        "region_missing": 0.2,
        "lot_missing": 0.4,
        "rename_product": 0.3,
        "event_shift": 0.2,
        "event_missing": 0.3,
    },
    "errors": {
        "typo_product": 0.3,
        "typo_reaction": 0.3,
        "typo_lot": 0.3,
        "sex_missing": 0.1,
        "event_missing": 0.3,
        "age_missing": 0.2,
    },
}


NUMBER_RATES = {
    "follow_up": {"missing": 0.3, "other_sender": 0.0},
    "other_reporter": {"missing": 0.7, "other_sender": 0.3},
    "errors": {"missing": 0.2, "other_sender": 0.0},
}
"""What becomes of the manufacturer's report number in a copy, by kind (assumptions,
like :data:`RATES`): a follow-up keeps its sender's number (ICH E2B(R3) C.1.1) unless it
came through another channel without one; the same event from another reporter has no
manufacturer number (a patient, a clinician) or a second company's own. A copy never
gets another number of its original's scheme. Drawn from a generator of their own, so
the other fields of every copy are those drawn before the number was added."""

DUPLICATE_KINDS = {
    "follow_up": "follow-up",
    "other_reporter": "other reporter (manufacturer vs patient)",
    "errors": "typos and missing fields",
}
"""Names of the perturbation kinds in the breakdown; a copy that no perturbation
changed on a compared fact is an "exact copy" whatever its kind."""

FIELDS = (
    "add_reaction", "drop_reaction", "typo_reaction", "rename_product", "typo_product",
    "age_missing", "age_shift", "sex_missing", "outcome_fatal", "region_missing",
    "lot_missing", "typo_lot", "country_missing", "event_missing", "event_shift",
)  # fmt: skip
"""The perturbations of :data:`RATES`, one column of draws each (a rate a kind lacks is 0)."""

DRAWS = (
    "u_added", "u_dropped", "u_term", "u_term_at", "u_product_at", "u_lot_at", "u_days",
)  # fmt: skip
"""Further uniform draws of a copy: which term is added, dropped or mistyped, where a
typo falls in a product, a term or a lot, and by how many days an event moves."""
