"""Screening keeps case reports of products given by injection even when the abstract
never says "injection" (literature/screen.py, rule 6): the suspect's nature (a PRP,
a filler, a vaccine), a drug labelled for injection routes only, or an injection
word of another kind (extravasation, infusion, thread lift, fat graft). An oral or
topical product is still screened out. Every text here is our own."""

from __future__ import annotations

import pytest

from dermavigil.literature.biblio import Record
from dermavigil.literature.screen import screen_record


@pytest.mark.parametrize(
    ("title", "abstract"),
    [
        (
            "Rectus sheath haematoma on enoxaparin in pregnancy",
            "A 31-year-old pregnant woman on enoxaparin prophylaxis developed a painful "
            "rectus sheath haematoma. The haematoma resolved after enoxaparin was stopped.",
        ),
        (
            "Generalised urticaria during etanercept therapy",
            "A 48-year-old woman developed generalised urticaria ten days after etanercept "
            "was started for psoriatic arthritis. She recovered after etanercept was stopped.",
        ),
        (
            "Skin necrosis after doxorubicin extravasation",
            "A 60-year-old man developed skin necrosis of the forearm after extravasation of "
            "doxorubicin. Surgical debridement was needed.",
        ),
        (
            "Facial abscess after a barbed thread lift",
            "A 45-year-old woman developed a cheek abscess two weeks after a PDO thread lift. "
            "The threads were removed and the abscess drained.",
        ),
        (
            "Septic arthritis after platelet-rich plasma for knee osteoarthritis",
            "A 70-year-old man had pain and swelling of the left knee after platelet-rich "
            "plasma administration. Septic arthritis was diagnosed and treated with antibiotics.",
        ),
    ],
)
def test_an_injected_product_is_kept_without_the_word_injection(title: str, abstract: str) -> None:
    verdict = screen_record(Record(title=title, abstract=abstract))
    assert verdict.relevant, verdict.reason


@pytest.mark.parametrize(
    ("title", "abstract"),
    [
        (
            "Maculopapular rash after oral amoxicillin",
            "A 30-year-old woman developed a maculopapular rash three days after starting oral "
            "amoxicillin for sinusitis. The rash resolved after amoxicillin was stopped.",
        ),
        (
            "Irritant dermatitis from topical tretinoin",
            "A 25-year-old woman developed irritant dermatitis of the cheeks after applying "
            "tretinoin cream. The dermatitis cleared after she stopped tretinoin.",
        ),
    ],
)
def test_an_oral_or_topical_product_is_still_screened_out(title: str, abstract: str) -> None:
    verdict = screen_record(Record(title=title, abstract=abstract))
    assert not verdict.relevant
    assert verdict.reason == "the product was not injected"
