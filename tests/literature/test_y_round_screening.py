"""Screening of the y0xx round's classes (literature/screen_cues.py), each pinned on a text we
wrote: a device or drug implant put under the skin, a procedure that injects without the
word (sentinel lymph node mapping, prolotherapy), a drug labelled for injection only; the
reason names what was found. An oral drug and a review stay out."""

from __future__ import annotations

import pytest

from dermavigil.literature.biblio import Record
from dermavigil.literature.screen import screen_record
from dermavigil.literature.screen_cues import injection_cue, under_skin_device


@pytest.mark.parametrize(
    ("title", "abstract", "reason"),
    [
        (
            "Ulnar nerve irritation over a hormone rod in the upper arm: a case report",
            "A 27-year-old woman reported tingling of the fourth and fifth fingers one month "
            "after an etonogestrel implant was placed in her left upper arm. The implant was "
            "removed under ultrasound guidance and the tingling faded within six weeks.",
            "case report: tingling after etonogestrel implant",
        ),
        (
            "Itchy eczema under the adhesive of a glucose sensor in a child",
            "We describe an 11-year-old boy with type 1 diabetes whose skin under a "
            "continuous glucose monitoring sensor became red and itchy after two weeks of "
            "wear. Patch tests were positive to the sensor's adhesive.",
            "after glucose sensor",
        ),
        (
            "Bronchospasm in theatre during breast cancer surgery: a case report",
            "A 58-year-old woman became hypotensive with wheeze and blue hives twenty minutes "
            "into sentinel lymph node mapping with a blue dye. She recovered within the hour.",
            "a procedure that injects (sentinel lymph node mapping)",
        ),
        (
            "Sudden arm weakness after prolotherapy of the neck: a case report",
            "A 52-year-old man felt a burning pain down the right arm straight after "
            "prolotherapy to the upper neck at a private clinic; imaging showed a small "
            "cord lesion.",
            "a procedure that injects (prolotherapy)",
        ),
    ],
)
def test_a_case_through_the_skin_without_an_injection_word_is_kept(
    title: str, abstract: str, reason: str
) -> None:
    """The product went under the skin though no injection word is written: the case is
    kept, and the reason says what showed it (or what the extractor found)."""
    verdict = screen_record(Record(title=title, abstract=abstract))
    assert verdict.relevant, verdict.reason
    assert reason in verdict.reason


def test_the_cue_names_what_it_found() -> None:
    """Each cue is named for the reviewer, in the module's order."""
    assert injection_cue("She was given an intramuscular dose.") == "an injection"
    assert injection_cue("The rod was placed subdermally.") == (
        "a device put into or under the skin (rod)"
    )
    assert injection_cue("Its removal needed a subdermal incision.") == (
        "a device put into or under the skin (subdermal)"
    )
    assert injection_cue("Blue dye for lymphatic mapping was used.") == (
        "a procedure that injects (sentinel lymph node mapping)"
    )
    assert injection_cue("Wheals appeared after isosulfan blue.") == (
        "a drug given only by injection (isosulfan blue)"
    )
    assert injection_cue("Wheals appeared after oral amoxicillin.") is None


def test_a_device_suspect_put_under_the_skin() -> None:
    """A suspect named as an implant, a sensor or a pump is put under the skin; a drug or a
    device word that names a drug's target is not."""
    assert under_skin_device("etonogestrel implant")
    assert under_skin_device("continuous glucose monitoring sensor")
    assert not under_skin_device("amoxicillin")
    assert not under_skin_device("proton pump inhibitor")


@pytest.mark.parametrize(
    ("title", "abstract", "reason"),
    [
        (
            "Maculopapular rash after oral amoxicillin",
            "A 30-year-old woman developed a maculopapular rash three days after starting oral "
            "amoxicillin for sinusitis. The rash resolved after amoxicillin was stopped.",
            "the product was not injected",
        ),
        (
            "Contraceptive implants and their complications: a review of the literature",
            "Implants placed under the skin of the arm release a progestin for three years. "
            "This literature review collects the migrations, nerve injuries and allergic "
            "reactions reported after their insertion.",
            "a review, not a case report",
        ),
    ],
)
def test_an_oral_case_and_a_review_stay_out(title: str, abstract: str, reason: str) -> None:
    verdict = screen_record(Record(title=title, abstract=abstract))
    assert (verdict.relevant, verdict.reason) == (False, reason)


def test_reactions_with_no_patient_described_are_kept_and_said_so() -> None:
    """A text that names reactions after an injected product but neither a case cue nor a
    patient's age or sex may be a short letter or a study: it is kept for reading, and the
    reason does not call it a case report."""
    verdict = screen_record(
        Record(
            title="Injection-site nodules with semaglutide",
            abstract=(
                "Two weeks after weekly subcutaneous semaglutide was started, firm nodules "
                "developed at the injection sites on the abdomen. The nodules resolved after "
                "the sites were rotated."
            ),
        )
    )
    assert verdict.relevant
    assert verdict.reason.startswith("no patient described (no case cue, age or sex), to read:")
    assert "after semaglutide" in verdict.reason
    told = Record(
        title="Injection-site nodules with semaglutide",
        abstract="A 52-year-old "
        "woman had firm nodules at the injection sites of weekly subcutaneous "
        "semaglutide.",
    )
    assert screen_record(told).reason.startswith("case report: ")


def test_a_patient_s_age_and_an_injection_word_in_another_language_are_cues() -> None:
    """A Spanish or Portuguese case names its patient by age ('niña de 7 años', 'mulher de
    30 anos'; German '45-jährige') and the injection as 'vacuna', 'injeção', 'Injektion':
    cues in the languages the extractor reads, so a case it cannot fully read is kept."""
    from dermavigil.literature.extract.document_kind import _CASE

    for told in ("Niña de 7 años con una placa roja", "Mulher de 30 anos", "eine 45-jährige Frau"):
        assert _CASE.search(told), told
    assert not _CASE.search("pacientes de 20 a 60 años")
    for words in ("después de la vacuna", "após a injeção", "nach der Injektion"):
        assert injection_cue(words) == "an injection", words
