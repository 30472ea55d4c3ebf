"""A drug listed with the suspect was given with it: no treatment of the reaction."""

from dermavigil.literature.extract.treatment_conjuncts import listed_with_suspect
from dermavigil.literature.service import draft_from_text


def _span(text: str, word: str) -> tuple[int, int]:
    at = text.index(word)
    return at, at + len(word)


def test_the_other_conjuncts_of_the_suspects_list() -> None:
    text = "She was treated after a hip fracture with dalteparin, paracetamol and omeprazole."
    suspect = (_span(text, "dalteparin"),)
    assert listed_with_suspect(text, *_span(text, "paracetamol"), suspect)
    assert listed_with_suspect(text, *_span(text, "omeprazole"), suspect)


def test_a_bracketed_share_or_brand_stays_in_the_list() -> None:
    text = "The drugs given were ketorolac (Toradol, 30 mg) and intramuscular metoclopramide."
    assert listed_with_suspect(text, *_span(text, "metoclopramide"), (_span(text, "ketorolac"),))


def test_a_clause_between_ends_the_list() -> None:
    text = "Dalteparin was stopped, and fondaparinux and oral amoxicillin were started."
    suspect = (_span(text, "Dalteparin"),)
    assert not listed_with_suspect(text, *_span(text, "fondaparinux"), suspect)
    assert not listed_with_suspect(text, *_span(text, "amoxicillin"), suspect)


def test_the_draft_keeps_the_treatments_and_drops_the_co_medication() -> None:
    text = (
        "Skin necrosis after dalteparin\n"
        "A 70-year-old woman was treated after a hip fracture with dalteparin, paracetamol and "
        "omeprazole. Five days later she developed skin necrosis at the injection sites of the "
        "abdomen. Dalteparin was stopped, and the necrosis was treated with hydrocolloid "
        "dressings and oral amoxicillin."
    )
    draft, _ = draft_from_text(text)
    drugs = [t["drug"] for t in draft.case["treatments"]]
    assert "paracetamol" not in drugs and "omeprazole" not in drugs
    assert "amoxicillin" in drugs
