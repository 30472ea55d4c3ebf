"""The case told on under a background or discussion heading (issue 10: reactions lost
because a structured abstract's heading made the sentence telling them background), on
texts we wrote."""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.relevance import about_patient
from dermavigil.literature.extract.sentences import Sentence

_TEXT = (
    "Swallowing trouble after salivary gland toxin injections\n"
    "Introduction: Toxin injections reduce drooling in children with palsy. "
    "Case: A 19-year-old man received toxin injections into both parotid glands.\n"
    "Discussion: After the third session the patient developed hoarseness and a wet cough. "
    "Patients usually tolerate the injections well. "
    "She had been taking clonazepam for insomnia."
)


def _sentence(text: str, section: str) -> Sentence:
    return Sentence(index=3, start=0, end=len(text), text=text, section=section)


def test_the_patient_told_in_the_past_under_a_discussion_heading_is_the_case():
    draft = extract_draft(_TEXT)
    verbatims = {r["verbatim"] for r in draft.case["reactions"]}
    assert {"hoarseness", "wet cough"} <= verbatims
    assert "insomnia" not in verbatims


def test_a_statement_about_patients_or_a_look_back_stays_background():
    assert about_patient(_sentence("Later she developed a swollen cheek.", "background"))
    assert about_patient(_sentence("He also had reduced breath sounds.", "discussion"))
    assert not about_patient(_sentence("Patients developed swelling.", "background"))
    assert not about_patient(_sentence("She had been taking aspirin for migraine.", "background"))
    assert not about_patient(
        _sentence("The patient may develop necrosis and should be watched.", "conclusion")
    )
    assert not about_patient(_sentence("He underwent a pituitary operation.", "background"))
