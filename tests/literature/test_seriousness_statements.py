"""Seriousness (ICH E2A) from what the text states of this patient, pinned on sentences we
wrote: an admission told before the reaction was not caused by it; a journal's or a
department's name is no operation; a transfer to another hospital is a hospitalisation and a
nerve palsy a paralysis (docs/annotation.md, r5xx and r6xx decisions); surgery worded as a
surgical treatment, a removal the patient underwent, an operation performed; a removal the
text does not tie to the resolution is not serious (r4xx and r7xx decisions). Instances
r0-r6: r510, r613 (journal), r657 (admitted before), r515 (transfer), r678 (palsy), r603,
r624, r674 (surgery wordings), r478, r615 (removal not tied to the resolution); an admission
for the indication before the suspect was given (r214, r566, r568), an admission told before
the reaction is named, wordings of a stay (readmitted, PICU, discharged, hospital day), a
confession ('admitted receiving', r722), plural operations ('debridements', r783) and a
practice that 'died out' (r759)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dermavigil.literature.extract import extract_draft

DATA = Path(__file__).resolve().parents[1] / "data" / "literature"
_CASE = (
    "Nodules after a hyaluronic acid filler\n"
    "A 45-year-old woman developed painful nodules and swelling in both cheeks two weeks "
    "after a hyaluronic acid filler injection. "
)


def _criteria(text: str) -> set[str]:
    draft = extract_draft(text)
    return {c for r in draft.case["reactions"] for c in r.get("seriousness", [])}


def test_an_admission_before_the_reaction_is_no_hospitalisation() -> None:
    text = (DATA / "dc16_admitted_before_the_reaction.txt").read_text(encoding="utf-8")
    assert _criteria(text) == set()
    after = text.replace(
        "the lesions healed", "he was admitted for wound care, and the lesions healed"
    )
    assert _criteria(after) == {"hospitalisation"}


@pytest.mark.parametrize(
    ("text", "criteria"),
    [
        (
            "Plastic and Reconstructive Surgery - Global Open\n" + _CASE.split("\n", 1)[1],
            set(),
        ),
        (
            _CASE + "She was transferred to a tertiary hospital for hyperbaric oxygen.",
            {"hospitalisation"},
        ),
        (_CASE + "Our centre accepted her in transfer for hyperbaric oxygen.", {"hospitalisation"}),
        (_CASE + "Two weeks later she developed a facial nerve palsy.", {"disability"}),
        (_CASE + "The nodules required surgical treatment and resolved.", {"medically_important"}),
        (
            _CASE + "The threads were surgically removed, after which the swelling resolved.",
            {"medically_important"},
        ),
        (
            _CASE + "She underwent complete gel removal and the swelling resolved.",
            {"medically_important"},
        ),
        (
            _CASE + "Incision and drainage of the abscess were performed twice.",
            {"medically_important"},
        ),
        # a removal not tied to the resolution
        (_CASE + "The clinician excised one nodule only.", set()),
        (_CASE + "The swelling persisted for 10 months until it was excised.", set()),
    ],
)
def test_seriousness_statements(text: str, criteria: set[str]) -> None:
    assert _criteria(text if text.count("\n") else "Filler nodules\n" + text) == criteria


def test_an_admission_for_the_indication_before_the_suspect_is_no_hospitalisation() -> None:
    """Admitted with pneumonia, then given the suspect: the stay was not the reaction's, even
    when the reasons for admission are read as reactions (r214, r566, r568)."""
    text = (DATA / "dc19_admitted_for_the_indication.txt").read_text(encoding="utf-8")
    assert _criteria(text) == set()


_NECROSIS = "Necrosis after diclofenac\n"


@pytest.mark.parametrize(
    ("text", "criteria"),
    [
        # the admission names the exposure; the reaction comes in the next sentence
        (
            _NECROSIS + "A 30-year-old man was admitted to our hospital three days after an "
            "intramuscular diclofenac injection in the left buttock. Examination showed a "
            "painful necrotic plaque at the injection site.",
            {"hospitalisation"},
        ),
        # the exposure told after the admission, as earlier
        (
            _NECROSIS + "A 30-year-old man was admitted with a painful necrotic plaque of the "
            "left buttock. He had received an intramuscular diclofenac injection there two "
            "days earlier.",
            {"hospitalisation"},
        ),
        (_CASE + "She was readmitted a week later.", {"hospitalisation"}),
        (_CASE + "She was transferred to the PICU.", {"hospitalisation"}),
        (_CASE + "She was discharged on hospital day 4.", {"hospitalisation"}),
        (_CASE + "She was then discharged and advised to take aspirin.", set()),
        (
            _CASE + "After an evaluation in the emergency department, she was discharged home.",
            set(),
        ),
        (_CASE + "On follow-up, the patient admitted receiving filler injections abroad.", set()),
        (_CASE + "She was admitted following the onset of dyspnoea.", {"hospitalisation"}),
        (
            _CASE + "She underwent three debridements and the wounds healed.",
            {"medically_important"},
        ),
        (_CASE + "Paraffin was once popular, but the practice has died out.", set()),
    ],
)
def test_stays_confessions_and_plural_operations(text: str, criteria: set[str]) -> None:
    assert _criteria(text) == criteria
