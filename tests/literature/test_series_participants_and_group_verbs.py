"""A series counted by its survey participants; a group sentence tells its reaction with a
verb of occurrence (``series_cue``, ``series_facts``).

Texts written for these tests (docs/annotation.md: surveys counted by participants are
series; a series' reactions are those its text names for the counted patients).
"""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft


def _verbatims(text: str) -> str:
    draft = extract_draft(text)
    assert draft.is_series
    return " ".join(r["verbatim"] for r in draft.case["reactions"]).lower()


def test_a_group_sentence_with_revealed_tells_the_reaction() -> None:
    text = (
        "Injection injuries in children\n"
        "A study over one year involving 60 children seen in our hospital with a weak leg "
        "revealed 21 children with foot drop after intramuscular injections."
    )
    assert "foot drop" in _verbatims(text)


def test_a_survey_counted_by_its_participants_is_a_series_with_its_summed_events() -> None:
    text = (
        "Self-injection of lip fillers with a needle-free pen: an online survey\n"
        "METHODS: An anonymous online survey was sent to users of a needle-free pen. "
        "RESULTS: A total of 212 participants completed the survey. Common side effects "
        "included swelling (40.1%), bruising (22.6%) and lumpiness (12.3%)."
    )
    draft = extract_draft(text)
    assert draft.is_series
    assert draft.case["report"]["patients_in_report"] == 212
    verbatims = " ".join(r["verbatim"] for r in draft.case["reactions"]).lower()
    assert "swelling" in verbatims and "bruising" in verbatims
