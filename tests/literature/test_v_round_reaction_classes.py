"""Reaction classes of the v0xx round (therapeutic botulinum toxin, sclerotherapy,
immunotherapy, drugs and vaccines; issue 10): pinned on our own texts
(``tests/data/literature/dv*``) and sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.preexisting import pre_existing
from dermavigil.literature.extract.preexisting_title import title_indication

OWN_TEXTS = Path(__file__).resolve().parents[1] / "data" / "literature"


def _codes(draft) -> set[str]:
    return {c["code"] for r in draft.case["reactions"] for c in r.get("codes", [])}


def test_conditions_listed_as_what_the_toxin_treats_are_no_reactions():
    """'injections in the treatment of blepharospasm, hemifacial spasm and cervical dystonia'
    (title) and 'every three months for cervical dystonia (since 2015) and blepharospasm': the
    whole list is the indication; dysphagia and weakness are the reactions."""
    text = (OWN_TEXTS / "dv01_toxin_for_listed_conditions.txt").read_text(encoding="utf-8")
    codes = _codes(extract_draft(text))
    assert {"HP:0002015", "HP:0025406"} <= codes  # dysphagia, weakness
    assert not codes & {"HP:0000643", "HP:0010828", "HP:0000473"}


@pytest.mark.parametrize(
    ("title", "condition", "indication"),
    [
        ("Ethanol sclerotherapy of peripheral venous malformations", "venous malformations", True),
        (
            "Intralesional Candida antigen immunotherapy for refractory molluscum contagiosum",
            "molluscum contagiosum",
            True,
        ),
        (
            "A comparison of intralesional PPD and vitamin D3 in treatment of viral warts",
            "warts",
            True,
        ),
        (
            "Toxin injections in the treatment of blepharospasm, hemifacial spasm and tics",
            "hemifacial spasm",
            True,
        ),
        ("Skin necrosis after sclerotherapy of leg telangiectasias", "Skin necrosis", False),
    ],
)
def test_what_a_title_says_was_treated(title: str, condition: str, indication: bool):
    at = title.index(condition)
    assert title_indication(title, at, at + len(condition)) is indication


def test_a_listed_indication_in_the_case_sentence():
    text = (
        "She received therapeutic doses of botulinum toxin for cervical dystonia (one case) and"
        " symptomatic hemidystonia"
    )
    at = text.index("hemidystonia")
    assert pre_existing(text, at, at + len("hemidystonia")) is not None


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("ぶどう膜炎を指摘された", {"HP:0000554"}),  # hiragana for the label's katakana
        ("ブドウ膜炎を指摘された", {"HP:0000554"}),
        ("ツベルクリン反応陰性であった", set()),  # a negative test, not Negativism
        ("腋窩多汗症に対する注射", set()),  # hyperhidrosis, never Hyperpyrexia
    ],
)
def test_japanese_labels_read_in_either_kana_and_not_misread(text: str, codes: set[str]):
    from dermavigil.terminology.translations import translated_spans

    assert {s.term_id for s in translated_spans(text, "ja")} == codes


def test_a_label_at_the_end_of_the_text_ends_there():
    from dermavigil.terminology.translations import translated_spans

    assert [(s.start, s.end) for s in translated_spans("皮膚潰瘍", "ja")] == [(0, 4)]


@pytest.mark.parametrize(
    ("title", "reaction"),
    [
        (
            "Arterial hyaluronidase injection for treatment of vascular embolism resulting from"
            " filler injection",
            "vascular embolism",
        ),
        (
            "Arterial hyaluronidase injection for hyaluronic acid filler-induced necrosis of the"
            " forehead",
            "necrosis",
        ),
    ],
)
def test_what_a_treatment_in_a_title_treats_is_the_reaction(title: str, reaction: str):
    at = title.index(reaction)
    assert not title_indication(title, at, at + len(reaction))


@pytest.mark.parametrize(
    ("text", "reaction"),
    [
        ("She received filler injections for 2 years, but nodule formation", "nodule"),
        (
            "a case of paraffin self-injection for penile girth augmentation presenting with acute"
            " urinary retention",
            "urinary retention",
        ),
        (
            "a woman with acute respiratory failure, confusion and petechiae after an illegal"
            " filler procedure",
            "petechiae",
        ),
        (
            "a woman with multiple chronic diseases experienced sudden visual loss and severe"
            " ocular pain",
            "ocular pain",
        ),
    ],
)
def test_a_reaction_after_an_indication_or_a_condition_stays_a_reaction(text: str, reaction: str):
    at = text.index(reaction)
    assert pre_existing(text, at, at + len(reaction), condition=True) is None


@pytest.mark.parametrize(
    "text",
    [
        "症例は80歳代、男性。以前より糖尿病があり、インスリン治療を行っていた。",
        "インスリン治療中の糖尿病患者で腹部の注射部位に皮下腫瘤を認めた。",
    ],
)
def test_a_japanese_condition_the_patient_had_is_no_reaction(text: str):
    """ "以前より糖尿病があり" (diabetes since before), "糖尿病患者" (a diabetic patient)."""
    from dermavigil.literature.extract.foreign import read_foreign

    codes = {c.code for r in read_foreign(text, "ja").reactions for c in r.codes}
    assert "HP:0000819" not in codes  # diabetes mellitus


def test_a_japanese_text_under_a_han_title_is_read_as_japanese():
    """A title of Han characters alone reads as Chinese; the abstract under it, with its
    kana, is Japanese: the text is read in the language most of it is written in."""
    from dermavigil.literature.extract.quality import check_text

    title = (
        "胰岛素注射部位皮下腫瘤症例報告与文献複習"
        "糖尿病患者胰岛素治療中腹部注射部位皮下腫瘤形成機序病理組織学的検討\n\n"
    )
    body = (
        "症例は80歳代、男性。以前より糖尿病があり、インスリン治療を行っていた。"
        "初診の2ヶ月前から左下腹部に皮下硬結が出現したため、近医を受診し、当科に紹介された。"
        "当科初診時、左下腹部に4cm大の自覚症状のない皮下硬結を認めた。"
        "生検を行ったところ、アミロイドの沈着を認め、インスリンボールと診断した。"
        "注射部位を変更したところ、血糖コントロールは改善し、硬結は縮小した。"
    )
    check = check_text(title + body)
    assert not check.usable
    assert check.languages[0][2] == "ja"
