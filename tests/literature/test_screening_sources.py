"""Screening tells a text's own case from the case reports it cites (literature/screen.py,
rule 2 and 3): plural "case reports" and "case series" in running text are a review's
sources, "one patient" counts a study's participants, and neither makes the text a case
report; in a heading, a subtitle or after a determiner they name the text's own kind. Every
text here is our own."""

from __future__ import annotations

import pytest

from dermavigil.literature.biblio import Record
from dermavigil.literature.extract.document_kind import case_cue
from dermavigil.literature.screen import screen_record

_RECORDS = {
    "a review citing case reports and counting one patient": (
        "Vascular events after lip filler injection: a systematic review",
        "Methods: PubMed and Embase were searched; case reports and case series describing "
        "vascular occlusion after hyaluronic acid filler injection were included. Results: "
        "Forty papers were included. All but one patient were women, and skin necrosis was "
        "the most frequent event. Conclusion: injectors should know the facial arteries.",
        "a review, not a case report",
    ),
    "a trial counting one patient": (
        "Subcutaneous interferon for chronic hepatitis: a randomized trial",
        "Sixty patients were randomized to weekly subcutaneous injections or placebo. "
        "Injection-site erythema occurred in 20% of the treated patients, and one patient "
        "stopped treatment after an abscess formed at the injection site.",
        "a study, not a case report",
    ),
    "a review telling what it presents": (
        "Deoxycholic acid for submental fat",
        "We present a systematic review of the complications reported after deoxycholic "
        "acid injection for submental fat. Skin ulcers and marginal mandibular nerve injury "
        "were the most severe events.",
        "a review, not a case report",
    ),
    "a trial presenting its data": (
        "A new polylactic acid filler for the cheeks",
        "Here we present data from a randomized clinical trial of a new filler injected into "
        "the cheeks of 80 women. Nodules formed in three women.",
        "a study, not a case report",
    ),
    "case reports as the subtitle of the text's own cases": (
        "Skin necrosis after sclerotherapy of leg veins: case reports and literature review",
        "Two women developed painful ulcers of the calf days after polidocanol "
        "sclerotherapy. Both ulcers healed after debridement. We discuss the mechanisms "
        "reported in the literature.",
        None,
    ),
    "case reports as the publication type": (
        "Granulomas after tattooing",
        "Publication types\n  • Case Reports\n\nTwo women developed red papules within "
        "the red parts of their tattoos. Biopsy showed sarcoidal granulomas.",
        None,
    ),
}
"""Records and the reason they are screened out, or None when a reviewer must read them."""


@pytest.mark.parametrize("name", _RECORDS)
def test_sources_and_counts_make_no_case_of_the_text(name: str) -> None:
    title, abstract, out_reason = _RECORDS[name]
    verdict = screen_record(Record(title=title, abstract=abstract))
    if out_reason is None:
        assert verdict.relevant, verdict.reason
    else:
        assert (verdict.relevant, verdict.reason) == (False, out_reason)


@pytest.mark.parametrize(
    ("text", "own"),
    [
        ("We included case reports published since 2000.", False),
        ("Across the included studies, one patient needed surgery.", False),
        ("We report a case series of three women with nodules.", True),
        ("This case series describes four men.", True),
        ("We present a case study of a woman with nodules.", True),
        ("We report a rare case of necrosis.", True),
        ("We report a retrospective study of 40 patients.", False),
        ("A patient developed a rash after the second dose.", True),
        ("Lip nodules: case series and review", True),
    ],
)
def test_own_case_cue(text: str, own: bool) -> None:
    assert case_cue(text) is own
