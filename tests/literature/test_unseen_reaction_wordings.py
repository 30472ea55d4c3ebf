"""Reaction wordings that never became a candidate on real case reports (issue 10, the
session-30 recall round), pinned on sentences we wrote."""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.reaction_short_forms import reaction_abbreviations
from dermavigil.terminology.coder import code_phrase
from dermavigil.terminology.function_verbs import function_verbs, verb_stem


def _verbatims(draft) -> set[str]:
    return {r["verbatim"].lower() for r in draft.case["reactions"]}


def test_a_short_form_of_a_noun_phrase_headed_by_a_finding_stands_for_it():
    """'Chronic ischaemic retinopathy (CIR)': the long form is one noun phrase whose head (its
    last word) names a finding, though the whole phrase is in no vocabulary; the case's 'CIR'
    is reported by the long form."""
    text = (
        "Chronic ischaemic retinopathy (CIR) is rare. Cellulitis of deep tissue (CDT) is "
        "common. A 40-year-old woman was diagnosed with CIR three weeks after a filler."
    )
    defined = reaction_abbreviations(text)
    assert defined["CIR"][0] == "Chronic ischaemic retinopathy"
    assert "CDT" not in defined  # a postmodifier: not a bare noun phrase headed by its last word
    draft = extract_draft(
        "Eye findings after a filler\nChronic ischaemic retinopathy (CIR) is a rare event. "
        "A 40-year-old woman received hyaluronic acid filler in the glabella and was diagnosed "
        "with CIR three weeks later."
    )
    assert "chronic ischaemic retinopathy" in _verbatims(draft)


def test_a_long_form_with_a_postmodifier_defines_no_reaction():
    """'a visual analogue scale for pain (VAS)': the phrase's head is the scale, not the pain."""
    text = "Pain was scored on a visual analogue scale for pain (VAS) at each visit."
    assert "VAS" not in reaction_abbreviations(text)


def test_a_lost_motion_told_by_its_verb_is_a_reaction():
    """'was unable to walk', 'could not close her left eyelid', 'difficulty chewing', 'trouble
    swallowing': a function lost, told by the verb the HPO names it with, is the patient's
    reaction, coded where the HPO's name differs only in the word of inability ('unable to
    walk' -> Inability to walk); a verb of no bodily function ('unable to find', 'could not
    recall') tells none, and a negated one stays set aside."""
    draft = extract_draft(
        "Weakness after botulinum toxin\nA 60-year-old woman received botulinum toxin "
        "injections in the neck. Two weeks later she had neck weakness, was unable to walk "
        "and could not close her left eyelid. She also had difficulty chewing and trouble "
        "swallowing. We were unable to find a similar report, and she did not have difficulty "
        "breathing. She could not recall the name of the product."
    )
    verbatims = _verbatims(draft)
    assert {
        "unable to walk",
        "could not close her left eyelid",
        "difficulty chewing",
        "trouble swallowing",
    } <= verbatims
    assert not {v for v in verbatims if "find" in v or "recall" in v}
    codes = {c["code"] for r in draft.case["reactions"] for c in r.get("codes", [])}
    assert {"HP:0002540", "HP:0005216", "HP:0002015"} <= codes  # walk, chew, swallow
    assert {e["text"] for e in draft.excluded if e["status"] == "negated"} == {
        "difficulty breathing"
    }


def test_the_words_of_inability_are_coded_as_the_hpo_names_them():
    """'unable to', 'could not' and 'trouble' are the HPO's 'inability to' and 'difficulty'."""
    assert [c.code for c in code_phrase("unable to walk")] == ["HP:0002540"]
    assert [c.code for c in code_phrase("could not walk")] == ["HP:0002540"]
    assert [c.code for c in code_phrase("unable to close her eyelid")] == ["HP:0030001"]
    assert [c.code for c in code_phrase("trouble chewing")] == ["HP:0005216"]


def test_the_function_verbs_are_the_hpos_motions_of_the_body():
    """Read off the HPO's names: walking and closing an eyelid are, finding a word (language)
    and making fat tissue (a long object) are not."""
    verbs = function_verbs()
    assert {verb_stem("walk"), verb_stem("closing"), verb_stem("swallow")} <= verbs
    assert verb_stem("finding") not in verbs and verb_stem("make") not in verbs
    assert verb_stem("running") == verb_stem("run") == "run"


def test_scales_on_a_lesion_are_a_reaction_and_a_rating_scale_is_not():
    """'covered with fine scales', 'scaling': the skin's scale is a finding; 'a visual
    analogue scales' score' or 'scales of severity' are instruments."""
    draft = extract_draft(
        "Plaques after an injection\nA 45-year-old man received an intramuscular injection "
        "of a vitamin in the thigh. Ten days later the site showed red plaques covered with "
        "fine scales, and the border was scaling. Itch was rated on visual analogue scales "
        "and on scales of severity."
    )
    verbatims = _verbatims(draft)
    assert any("scales" in v and "analogue" not in v for v in verbatims)
    assert "scaling" in verbatims
    assert not any("analogue" in v or "severity" in v for v in verbatims)


def test_a_motion_restricted_is_a_reaction_as_its_opposite_motion_is():
    """'restricted adduction' as 'restricted abduction': anatomical motions come in opposing
    pairs, though the HPO names deficits of only one of them."""
    draft = extract_draft(
        "Shoulder stiffness after a vaccine\nA 50-year-old woman received an influenza "
        "vaccine in the right deltoid. Three weeks later examination found restricted "
        "adduction of the shoulder."
    )
    assert "restricted adduction" in _verbatims(draft)


def test_an_uncoded_second_name_in_brackets_stays_in_the_verbatim():
    """'embolia cutis medicamentosa (Nicolau syndrome)': neither name is coded, so the one
    reaction keeps both (the uncoded one the reader looks for may be either); a coded
    first name keeps an uncoded second one too ('skin necrosis (Nicolau syndrome)')."""
    draft = extract_draft(
        "Buttock lesion after an injection\nA 58-year-old man developed embolia cutis "
        "medicamentosa (Nicolau syndrome) of the left buttock two days after an "
        "intramuscular injection of diclofenac. A second patient had skin necrosis (Nicolau "
        "syndrome) of the thigh."
    )
    verbatims = _verbatims(draft)
    assert "embolia cutis medicamentosa (nicolau syndrome)" in verbatims
    assert "nicolau syndrome" not in verbatims  # one reaction, not two
    assert any(v.startswith("skin necrosis (nicolau syndrome)") for v in verbatims)


def test_the_authors_reporting_a_case_speak_of_this_reports_patient():
    """'The authors report a case of a woman who was diagnosed with ...' under a Background
    heading is the report's own case, as 'we report' is; 'the authors report no conflict
    of interest' is no case."""
    draft = extract_draft(
        "Background: Eyelid surgery and toxin injections are common. Corneal oedema is a "
        "known but rare event. The authors report a case of a young woman who was diagnosed "
        "with diplopia five days after a botulinum toxin injection into the eyelid. The "
        "authors report no conflict of interest."
    )
    assert "diplopia" in _verbatims(draft)


def test_a_lessened_perfusion_or_capillary_refill_is_a_reaction():
    """'poor capillary refill', 'decreased perfusion of the fingertip': the vascular compromise
    an injection caused, told as a function lessened; a normal capillary refill is none."""
    draft = extract_draft(
        "Finger after an injection\nA 30-year-old man injected adrenaline into his thumb by "
        "mistake. The thumb was pale with poor capillary refill and decreased perfusion of the "
        "fingertip. An hour later capillary refill was normal."
    )
    verbatims = _verbatims(draft)
    assert "poor capillary refill" in verbatims
    assert "decreased perfusion" in verbatims
