"""The suspect, or a drug given before the reaction, named again is no treatment.

Treatments are what was given *for the reaction* (docs/annotation.md, ``treatments``); the
suspect is never one. Two ways a text names the suspect again that the treatment finder
read as a treatment, each pinned on a text we wrote:

- a parenthetical apposition after the suspect's mention, listing its abbreviation and its
  brand ("etanercept (ETN, Enbrel)"): every name the bracket lists is the suspect;
- a lexicon drug given before the reaction (in a sentence before it, or before it in its
  own sentence) and named again after it, in a sentence with a treatment cue: a co-suspect
  the product finder did not pick, or the suspect under another name. Not a drug named
  for the purpose of treating the reaction ("the use of X to reverse the necrosis"), nor a
  name in a fragment with no verb (an index term).
"""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft


def _treatments(text: str) -> list[str]:
    return [t["drug"] for t in extract_draft(text).case["treatments"]]


def test_every_name_of_the_bracket_after_the_suspect_is_the_suspect():
    assert _treatments(
        "Injection-site panniculitis with a biologic\nA 52-year-old woman with psoriasis had "
        "received subcutaneous injections of etanercept every week for two years. She "
        "developed painful red nodules at the injection sites of the abdomen. Etanercept "
        "(ETN, Enbrel) was paused and she was treated with topical clobetasol; the nodules "
        "cleared within a month."
    ) == ["clobetasol"]


def test_a_co_suspect_injected_before_the_reaction_and_named_again_is_no_treatment():
    assert _treatments(
        "Gluteal necrosis after two analgesic injections\nA 47-year-old woman was given an "
        "intramuscular injection of ketorolac and, six hours later, one of diclofenac in the "
        "left buttock. The next day she developed a painful violaceous plaque that became "
        "necrotic. She was treated with intravenous ceftriaxone and the diclofenac was "
        "replaced by oral paracetamol."
    ) == ["ceftriaxone"]


def test_a_drug_named_before_the_reaction_in_its_own_sentence_is_no_treatment():
    assert _treatments(
        "Convulsion with a contrast medium\nA 61-year-old man came for a contrast-enhanced "
        "scan. Two minutes after an intravenous dose of a macrocyclic contrast medium, "
        "gadoteridol (ProHance), he had a generalised seizure and hypotension. He was "
        "treated with intravenous diazepam and ProHance was avoided afterwards."
    ) == ["diazepam"]


def test_a_drug_named_for_the_purpose_of_treating_the_reaction_stays_a_treatment():
    assert _treatments(
        "Rescue of a vascular occlusion\nThis report tells the use of iloprost to reverse "
        "skin necrosis after a filler injection. A 33-year-old woman developed livedo and "
        "pain of the nose minutes after a hyaluronic acid filler injection. She was treated "
        "with hyaluronidase and intravenous iloprost, and the skin healed."
    ) == ["hyaluronidase", "iloprost"]


def test_a_drug_of_an_index_list_before_the_case_stays_a_treatment():
    assert _treatments(
        "Mycobacterial abscess after acupuncture\nKeywords: acupuncture; abscess\nMeSH "
        "terms:\nLinezolid;\nFemale;\nA 45-year-old woman developed tender nodules at "
        "acupuncture sites two weeks after the sessions. Culture grew Mycobacterium "
        "abscessus. She was treated with clarithromycin and linezolid for four months, and "
        "the nodules healed."
    ) == ["clarithromycin", "linezolid"]
