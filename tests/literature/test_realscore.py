"""The real-abstract scorer: concepts by HPO code, names by containment, field scopes."""

from dermavigil.literature.realscore import annotation_view, draft_view, score_real
from dermavigil.literature.scoring import ListScore
from dermavigil.literature.service import draft_from_text

GOLD = {
    "kind": "single",
    "products": [{"name": "hyaluronic acid filler", "category": "ha_filler"}],
    "route": None,
    "approved": None,
    "age": 57,
    "sex": "female",
    "reactions": ["skin necrosis", "pain", "Nicolau syndrome"],
    "onset_days": 2,
    "sites": ["forehead"],
    "histopathology": [],
    "treatments": ["hyaluronidase", "oral antibiotics"],
    "outcome": "recovered",
    "serious": False,
    "rechallenge": None,
    "dechallenge": None,
    "patients": 1,
    "partial": False,
}


def _view(**changes):
    view = {
        "reaction_codes": ["HP:0033126", "HP:0012531"],
        "reaction_verbatims": ["skin necrosis", "pain"],
        "reaction_uncoded": [],
        "treatments": ["Hyaluronidase", "antibiotics", "aspirin"],
        "body_sites": ["forehead"],
        "histopathology_codes": [],
        "histopathology_text": [],
        "products": [("HA filler", "ha_filler")],
        "route": None,
        "route_approval": None,
        "serious": False,
        "outcome": "recovered",
        "onset_days": 2.0,
        "rechallenge": None,
        "dechallenge": None,
        "age": 57,
        "sex": "female",
        "is_series": False,
        "patients": 1,
        "partial": False,
        "empty": False,
    }
    view.update(changes)
    return view


def test_concepts_names_and_fields_are_scored():
    scores = score_real([(_view(), GOLD)])
    reactions = scores["reactions"]
    assert (reactions.tp, reactions.fp, reactions.fn) == (2, 0, 1)  # Nicolau not in a verbatim
    treatments = scores["treatments"]
    assert (treatments.tp, treatments.fp, treatments.fn) == (2, 1, 0)
    assert scores["category"].accuracy == 1.0 and scores["outcome"].accuracy == 1.0
    assert scores["route_approval"].total == 0  # not stated: not scored


def test_uncoded_gold_term_matches_a_verbatim_and_wrong_values_count():
    view = _view(
        reaction_verbatims=["skin necrosis", "pain", "Nicolau syndrome"], outcome=None, serious=True
    )
    scores = score_real([(view, GOLD)])
    assert scores["reactions"].recall == 1.0
    assert scores["outcome"].accuracy == 0.0 and scores["serious"].accuracy == 0.0


def test_no_case_abstract_counts_extractions_as_false_positives():
    gold = dict(
        GOLD,
        kind="no_case",
        products=[],
        reactions=[],
        treatments=[],
        sites=[],
        patients=None,
        partial=True,
    )
    scores = score_real([(_view(empty=False, partial=True), gold)])
    assert scores["reactions"].fp == 2
    assert scores["no_case_empty"].accuracy == 1.0
    assert scores["outcome"].total == 0


def test_draft_view_reads_a_real_draft():
    draft, _ = draft_from_text(
        "Necrosis after filler\nA 57-year-old woman developed skin necrosis of the forehead "
        "two days after a hyaluronic acid filler injection."
    )
    view = draft_view(draft)
    assert view["age"] == 57 and view["sex"] == "female"
    assert "forehead" in view["body_sites"]
    assert view["onset_days"] == 2


def test_concepts_match_along_the_hpo_hierarchy():
    gold = dict(GOLD, reactions=["erythematous papules", "edema", "blindness"])
    # erythema + papule: the precomposed Erythematous papule written compositionally;
    # Facial edema is a more specific Edema; Pallor matches nothing (a false positive)
    view = _view(reaction_codes=["HP:0010783", "HP:0200034", "HP:0000282", "HP:0000980"])
    reactions = score_real([(view, gold)])["reactions"]
    assert (reactions.tp, reactions.fp, reactions.fn) == (2, 1, 1)
    # the direct parent of a precomposed gold term is one of its parts (Edema of Facial edema)
    gold = dict(GOLD, reactions=["facial edema"])
    reactions = score_real([(_view(reaction_codes=["HP:0000969"]), gold)])["reactions"]
    assert (reactions.tp, reactions.fp, reactions.fn) == (1, 0, 0)
    # an unrelated ancestor further up is not: Abnormality of the skin finds no Skin nodule
    gold = dict(GOLD, reactions=["skin nodule"])
    reactions = score_real([(_view(reaction_codes=["HP:0000951"]), gold)])["reactions"]
    assert (reactions.tp, reactions.fp, reactions.fn) == (0, 1, 1)


def test_a_precomposed_extracted_term_finds_its_gold_part():
    # "erythematous plaque" extracted (HP:0025474) states the gold "erythema", which the HPO
    # does not place above it
    gold = dict(GOLD, reactions=["erythema"])
    reactions = score_real([(_view(reaction_codes=["HP:0025474"]), gold)])["reactions"]
    assert (reactions.tp, reactions.fp, reactions.fn) == (1, 0, 0)


def test_a_second_annotation_is_scored_like_a_draft():
    """Inter-annotator agreement: an identical annotation agrees on every field, and a
    second reader who omits a reaction and reads the outcome otherwise loses exactly those."""
    same = score_real([(annotation_view(GOLD), GOLD)])
    figures = [s.f1 if isinstance(s, ListScore) else s.accuracy for s in same.values()]
    assert set(figures) <= {1.0, None}
    assert same["reactions"].tp == 3 and same["reactions"].fn == 0
    other = dict(GOLD, reactions=["skin necrosis", "Nicolau syndrome"], outcome="recovering")
    scores = score_real([(annotation_view(other), GOLD)])
    assert (scores["reactions"].tp, scores["reactions"].fn) == (2, 1)
    assert scores["outcome"].accuracy == 0.0 and scores["sex"].accuracy == 1.0


def test_sequelae_are_compared_with_the_gold_reactions():
    # docs/annotation.md: sequelae are reactions; the draft keeps them apart, the scorer
    # compares them with the gold reactions together with the reactions
    draft, _ = draft_from_text(
        "Nodule after filler\nA 40-year-old woman developed a painful nodule on the cheek one "
        "week after a hyaluronic acid filler injection. It was drained and resolved over two "
        "months, leaving a depressed scar."
    )
    assert all("scar" not in r["verbatim"] for r in draft.case["reactions"])
    view = draft_view(draft)
    assert "depressed scar" in view["reaction_verbatims"]
    gold = dict(GOLD, reactions=["painful nodule", "scar"])
    reactions = score_real([(view, gold)])["reactions"]
    assert (reactions.fp, reactions.fn) == (0, 0)


def test_catalogue_only_categories_compare_as_other():
    """PMMA and skin boosters are catalogue families, not annotation categories: the draft's
    product keeps its catalogue category, the scorer reads it as ``other``."""
    draft, _ = draft_from_text(
        "Granuloma after PMMA\nA 52-year-old woman had PMMA microspheres injected into her "
        "cheeks and developed firm nodules two years later."
    )
    assert draft.case["products"][0]["category"] == "pmma"
    view = draft_view(draft)
    assert view["products"][0][1] == "other"
    gold = dict(GOLD, products=[{"name": "PMMA", "category": "other"}])
    assert score_real([(view, gold)])["category"].accuracy == 1.0


def test_an_uncoded_reaction_matching_no_gold_term_is_a_strict_false_positive():
    """ "reactions" counts false positives among coded reactions only; "reactions_strict"
    also counts an extracted reaction the HPO does not code and no gold term names."""
    view = _view(
        reaction_verbatims=["skin necrosis", "pain", "Nicolau Syndrome", "patch"],
        reaction_uncoded=["Nicolau Syndrome", "patch"],
    )
    scores = score_real([(view, GOLD)])
    lenient, strict = scores["reactions"], scores["reactions_strict"]
    assert (lenient.tp, lenient.fp, lenient.fn) == (3, 0, 0)
    assert (strict.tp, strict.fp, strict.fn) == (3, 1, 0)  # "patch" names no gold term


def test_a_draft_view_lists_its_uncoded_reactions():
    draft, _ = draft_from_text(
        "A 40-year-old woman received an intramuscular diclofenac injection into the buttock. "
        "She developed skin necrosis at the site. A diagnosis of Nicolau syndrome was made."
    )
    assert draft_view(draft)["reaction_uncoded"] == ["Nicolau syndrome"]
