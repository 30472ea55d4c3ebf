"""Treatment classes read from the grammar and the order of a case report, on texts we wrote.

docs/annotation.md, ``treatments``: what was given or done for the reaction, as named.
A drug the product finder also lists but the case names only after the reaction, in a
treatment frame, is a treatment; a name no lexicon holds, listed with treatments, is one
of them (conjuncts share their role); a sentence outside the case part that sums the case
up ("We present a case of ... managed with ...") tells its treatments; a procedure named by
its surgical suffix after another name with a space between is one compound procedure.
"""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.treatment import find_treatments
from dermavigil.literature.extract.treatment_conjuncts import listed_with
from dermavigil.literature.extract.treatment_matches import Match


def _treatments(text: str) -> list[str]:
    return [t["drug"] for t in extract_draft(text).case["treatments"]]


def _at(text: str, *names: str) -> list[Match]:
    return [Match(text.index(n), text.index(n) + len(n), n) for n in names]


def _sentences(*texts: str) -> list[Sentence]:
    out, at = [], 0
    for index, text in enumerate(texts):
        out.append(Sentence(at, at + len(text), text, None, index))
        at += len(text) + 1
    return out


_NECROSIS = (
    "A 41-year-old woman received hyaluronic acid filler in the nasolabial folds.",
    "The next day she developed livedo and necrosis of the upper lip.",
)


def test_a_listed_suspect_told_only_after_the_reaction_in_a_treatment_frame_is_a_treatment():
    case = _sentences(
        *_NECROSIS,
        "She was administered hyaluronidase, warm compresses and pentoxifylline, and the "
        "necrosis regressed.",
    )
    found = find_treatments(case, frozenset({"hyaluronic acid", "pentoxifylline"}), (), 1, case[0])
    assert "pentoxifylline" in [t.drug for t in found]


def test_the_suspect_told_before_the_reaction_stays_no_treatment():
    case = _sentences(
        "A 41-year-old woman received pentoxifylline injections for tinnitus.",
        "The next day she developed livedo and necrosis of the forearm.",
        "She was given warm compresses and pentoxifylline again, and the necrosis worsened.",
    )
    found = find_treatments(case, frozenset({"pentoxifylline"}), (), 1, case[0])
    assert "pentoxifylline" not in [t.drug for t in found]


def test_a_preparation_listed_with_treatments_is_one():
    text = "She was started on clobetasol ointment, a zinc oxide paste and cold compresses."
    kept = _at(text, "clobetasol", "cold compresses")
    assert [m.text for m in listed_with(text, kept)] == ["zinc oxide paste"]


def test_a_drug_named_by_its_inn_stem_in_a_list_is_one():
    text = "The abscess was treated with amoxicillin, ceftezole and incision and drainage."
    kept = _at(text, "amoxicillin", "incision and drainage")
    assert [m.text for m in listed_with(text, kept)] == ["ceftezole"]


def test_a_clause_after_the_list_is_no_conjunct():
    text = "She was treated with prednisolone and the swelling subsided, and was discharged home."
    assert listed_with(text, _at(text, "prednisolone")) == []


def test_a_word_before_the_frame_is_no_conjunct():
    text = "However, intravenous antibiotics were given."
    assert listed_with(text, _at(text, "antibiotics")) == []


def test_a_sentence_that_sums_the_case_up_tells_its_treatments():
    found = _treatments(
        "Penile paraffinoma\nA 44-year-old man presented with a hard, painful penile mass ten "
        "years after he injected paraffin oil into the penile shaft. Biopsy showed a "
        "paraffinoma. CONCLUSION: This case highlights a penile paraffinoma successfully "
        "managed with wide surgical excision."
    )
    assert any("excision" in name for name in found)


def test_a_graft_then_a_plasty_is_one_procedure():
    found = _treatments(
        "Penile paraffinoma\nA 44-year-old man presented with a hard, painful penile mass ten "
        "years after he injected paraffin oil into the penile shaft. The mass was treated with "
        "excision and split-thickness skin graft phalloplasty."
    )
    assert "split-thickness skin graft phalloplasty" in found
    assert "phalloplasty" not in found


def test_a_name_a_test_uses_or_measures_is_no_treatment():
    case = _sentences(
        *_NECROSIS,
        "Fluorescein angiography was performed and showed delayed filling of the labial artery.",
        "The work-up included measurement of heparin and complement levels.",
        "She was treated with hyaluronidase and the necrosis regressed.",
    )
    found = [t.drug for t in find_treatments(case, frozenset({"hyaluronic acid"}), (), 1, case[0])]
    assert found == ["hyaluronidase"]


def test_a_treatment_told_by_its_success_is_one():
    case = _sentences(
        "A 29-year-old woman received polycaprolactone filler in both cheeks.",
        "Eight months later she developed painful nodules at the injection sites.",
        "Surgical excision of the nodules was successful.",
    )
    found = find_treatments(case, frozenset({"polycaprolactone"}), (), 1, case[0])
    assert [t.drug for t in found] == ["Surgical excision"]


def test_a_negation_ends_at_a_clause_with_a_new_subject():
    case = _sentences(
        "A 63-year-old man received an intramuscular injection of diclofenac in the buttock.",
        "The next day the toes of his left foot turned blue and cold.",
        "The ischaemia was not reversible and the patient required amputation of two toes.",
    )
    found = find_treatments(case, frozenset({"diclofenac"}), (), 1, case[0])
    assert [t.drug for t in found] == ["amputation"]
    case[2] = Sentence(case[2].start, case[2].end, "He did not require amputation.", None, 2)
    assert find_treatments(case, frozenset({"diclofenac"}), (), 1, case[0]) == []


def test_a_spanish_clitic_between_se_and_its_verb_still_tells_a_treatment():
    found = _treatments(
        "Reacción tras la infiltración de un anestésico local\nSe presenta el caso de un "
        "varón de 52 años que, tras la infiltración de procaína en la espalda, presentó "
        "temblor y ansiedad intensa. Se le administró diazepam sublingual y los síntomas "
        "cedieron en una hora."
    )
    assert "diazepam" in found


def test_the_bulleted_lines_under_a_treatment_heading_tell_the_treatments():
    found = _treatments(
        "Reacción local a la vacuna de la varicela\n\nNiña de 6 años que presenta una lesión "
        "cutánea edematosa y dolorosa en el deltoides derecho un día después de la vacuna de "
        "la varicela, con eritema y calor local que se extiende hacia el codo.\n\nTratamiento"
        "\n\n-Frío local, antihistamínico y paracetamol\n\n-Medidas higiénicas\n\nEvolución"
        "\n\nDisminución del dolor y del edema a las 24 horas, sin otras complicaciones."
    )
    assert "antihistamines" in found and "paracetamol" in found
