"""The products-and-reactions and rare-reactions levels: a report naming fewer
reactions, a reaction term mistyped or recoded, and rare reactions shared within one
publication."""

from __future__ import annotations

from dermavigil.domain.case import Case
from dermavigil.duplicates.detect import detect
from dermavigil.duplicates.model import RARE_IN_SIGNATURE


def test_a_report_naming_fewer_reactions_is_at_the_subset_level(clinician_case: Case) -> None:
    data = clinician_case.model_dump()
    data["case_id"] = "FEWER"
    data["reactions"] = data["reactions"][:1]  # another reporter names skin necrosis only
    (pair,) = detect([clinician_case, Case.model_validate(data)], threshold=0.0).pairs
    evidence = next(e for e in pair.explanation if e.field == "products_reactions")
    assert evidence.level == "same suspect products, one report's reaction terms all in the other's"
    assert evidence.match_weight > 0


def test_a_reaction_term_mistyped_is_at_the_typo_level(clinician_case: Case) -> None:
    """Two letters swapped in one reaction term: one edit from the original's
    (Damerau-Levenshtein), a typo rather than another term."""
    original = clinician_case.model_dump()
    original["reactions"] = [{**r, "codes": []} for r in original["reactions"][:2]]
    data = {**original, "case_id": "TYPO", "reactions": [dict(r) for r in original["reactions"]]}
    text = data["reactions"][0]["verbatim"]
    data["reactions"][0]["verbatim"] = text[:2] + text[3] + text[2] + text[4:]
    cases = [Case.model_validate(original), Case.model_validate(data)]
    (pair,) = detect(cases, threshold=0.0).pairs
    evidence = next(e for e in pair.explanation if e.field == "products_reactions")
    assert evidence.level == "first suspect the same or spelt alike, one reaction term mistyped"
    assert evidence.match_weight > 3

    import duckdb

    from dermavigil.duplicates.pair_conditions import one_mistyped

    def alike(left: list[str], right: list[str]) -> bool:
        sql = f"SELECT {one_mistyped('t')} FROM (SELECT $1 AS t_l, $2 AS t_r)"
        return duckdb.execute(sql, [left, right]).fetchall()[0][0]

    assert alike(["pyrexia", "rash"], ["pyerxia", "rash"]) and alike(["rahs"], ["cough", "rash"])
    assert alike(["cough", "pyrexia", "rash"], ["pyerxia", "rash"])  # a follow-up adds one
    assert not alike(["dysphonia"], ["dysphagia"])  # two edits: another term
    assert not alike(["pyrexia", "urticaria"], ["pyrexia", "rash"])
    assert not alike(["rash"], ["rash"]) and not alike(["rahs", "pyerxia"], ["rash", "pyrexia"])


def test_rare_reactions_within_one_publication_weigh_as_its_patients_share_them(
    literature_case: Case, clinician_case: Case
) -> None:
    """The patients of one case series share its rare reactions (that is why it was
    published): between two reports of one publication the rare terms weigh by how often
    two patients of one article share them (issue 16: two patients of one Hungarian
    series, 70 and 68 years old, met at p 1.000 on +11.2 bits of rare terms). Without a
    publication in common the rare terms weigh as before."""
    data = literature_case.model_dump()
    data["case_id"], data["patient"]["age"] = "SERIES2", {"value": 38, "unit": "year"}
    second_patient = Case.model_validate(data)

    def rare(a: Case, b: Case) -> tuple[str, float]:
        (pair,) = detect([a, b], threshold=0.0).pairs
        (evidence,) = [e for e in pair.explanation if e.field == "rare_reactions"]
        return evidence.level, evidence.match_weight

    level, weight = rare(literature_case, second_patient)
    assert level.endswith("within one publication") and 0 <= weight < 2
    level, weight = rare(clinician_case, _without_pain(clinician_case))
    assert level.startswith("two or more rare reaction terms") and weight > 5


def _without_pain(case: Case) -> Case:
    """``case`` reported again without its second reaction ("Pain"): other terms, its rare
    ones kept."""
    data = case.model_dump()
    data["case_id"], data["reactions"] = "FEWER", [data["reactions"][0], data["reactions"][2]]
    return Case.model_validate(data)


def test_rare_terms_of_the_same_reaction_terms_are_weighed_once(
    clinician_case: Case, different_cases: list[Case]
) -> None:
    """Two reports of the same first suspect and reaction terms meet on the products and
    reactions' level that weighs the whole combination by its frequency: their rare terms
    add nothing to it (held at m = u); with a reaction term fewer, the combination differs
    and the rare terms they share weigh."""
    copy = clinician_case.model_copy(update={"case_id": "COPY"})
    pairs = detect([clinician_case, copy, *different_cases], threshold=0.0).pairs
    (pair,) = [p for p in pairs if {p.case_a, p.case_b} == {"CLIN", "COPY"}]
    weights = {e.field: (e.level, e.match_weight) for e in pair.explanation}
    assert weights["rare_reactions"] == (RARE_IN_SIGNATURE, 0.0)
    same_terms = "same first suspect product and the same reaction terms"
    assert weights["products_reactions"][0] == same_terms
    (pair,) = detect([clinician_case, _without_pain(clinician_case)], threshold=0.0).pairs
    (rare,) = [e for e in pair.explanation if e.field == "rare_reactions"]
    assert rare.level != RARE_IN_SIGNATURE and rare.match_weight > 5


def test_reactions_recoded_with_a_word_kept_are_at_the_reaction_word_level(
    clinician_case: Case,
) -> None:
    """A follow-up recodes the reaction ("skin necrosis" as "cutaneous necrosis"): no term
    in common, one word of them kept, the same product: more than "reactions differ"."""
    original = clinician_case.model_dump()
    original["reactions"] = [{**r, "codes": []} for r in original["reactions"]]
    data = {**original, "case_id": "RECODED", "reactions": [{"verbatim": "Cutaneous necrosis"}]}
    cases = [Case.model_validate(original), Case.model_validate(data)]
    (pair,) = detect(cases, threshold=0.0).pairs
    evidence = next(e for e in pair.explanation if e.field == "products_reactions")
    assert evidence.level == "same first suspect product, a reaction word in common"
    assert evidence.match_weight >= 0  # of two cases of one product: no more (its frequency)
