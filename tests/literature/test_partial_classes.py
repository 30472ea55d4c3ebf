"""Partial drafts (docs/annotation.md: a truncated excerpt is partial, wherever the cut falls,
r5xx decisions), pinned on texts we wrote: the excerpt's last word cut short inside the index
terms after a complete abstract (r623); an abstract run into a furniture label on one line
('DOI : 10.xxxx A 62-year-old ...') is prose, its end read after the keywords it runs into
(r504)."""

from __future__ import annotations

from pathlib import Path

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.quality import check_text, cut_word

DATA = Path(__file__).resolve().parents[1] / "data" / "literature"


def test_a_last_word_cut_short_in_the_index_terms_is_partial() -> None:
    text = (DATA / "dc17_cut_in_the_index_terms.txt").read_text(encoding="utf-8")
    assert extract_draft(text).partial
    complete = text.rstrip()[: -len("Inflammati")] + "Inflammation\n"
    assert not extract_draft(complete).partial


def test_a_cut_word_is_a_start_of_a_word_of_the_text_and_no_word_of_its_own() -> None:
    assert cut_word("The nodules were injected into the deltoid muscle. References: the delto")
    assert not cut_word("The nodules were injected into the deltoid muscle. Keywords: muscle")
    assert not cut_word("A woman had swelling after a filler. Related Topics")


def test_an_abstract_run_into_a_label_line_is_prose() -> None:
    text = (
        "Septic arthritis after a platelet-rich plasma injection: a case report\n"
        "DOI : 10.0000/example.2022.1 A 62-year-old woman developed pain, swelling and "
        "warmth of the right knee two days after a platelet-rich plasma injection into the "
        "joint, and cultures of the aspirate grew Staphylococcus aureus. Keywords : knee, "
        "platelet rich plasma, septic arthritis\n"
    )
    assert not check_text(text).truncated
    assert check_text(text.replace("grew Staphylococcus aureus.", "grew Staphylococcus")).truncated


_ENDED = (
    "Skin necrosis after a hyaluronic acid filler in the nasolabial fold\n"
    "A 41-year-old woman developed livid mottling of the upper lip an hour after a "
    "hyaluronic acid filler was injected into the nasolabial fold, and the skin healed "
    "after hyaluronidase was injected the same day."
)


def test_furniture_after_a_finished_abstract_is_no_cut() -> None:
    """What a page prints after an abstract's last full stop is furniture, not the abstract
    cut off (y082, s014, t076, u072, y013, v113, r556, y085): a citation in the NLM form
    with its DOI, reference numbers after the full stop, a markup tag, a publisher's
    metadata labels and widgets, a keyword that the text also inflects."""
    ends = [
        _ENDED + " Dermatol Surg Rep 2021;12:101-103 doi: 10.0000/dsr.2021.0101\n",
        _ENDED + "1,2\n",
        _ENDED + " </jats:sec>\n",
        _ENDED + "\n\nPublication Date\n\n  • 2021\n\nConference Location\n\n  • Canada\n",
        _ENDED + "\n\nRelated Topics\n\n    loading  Loading Related Articles\n",
        _ENDED + "\n\nJoin us for a short session where you can tell us what you need\n",
        _ENDED + " Two tests were negative.\n\nKeywords: filler, necrosis, skin test\n",
    ]
    for text in ends:
        assert not check_text(text).truncated, text[-80:]
    cut = _ENDED.rstrip(".") + " to prevent furt\n"
    assert check_text(cut).truncated
    assert cut_word("A patch test was done and two tests were positive. Keywords: patch tes")


def test_a_cut_listed_item_or_preview_is_partial() -> None:
    """The excerpt cut inside its index terms on a capitalised word's first letters (r744),
    inside a numbered reference whose quoted title never closes (r678), or on a preview's
    ellipsis before its '(More)' link (u089) is truncated; a whole item is not."""
    cut = [
        _ENDED + "\n\nMeSH terms\n  • Humans\n  • Skin Diseases / chemically induced\n  • Sk\n",
        _ENDED + "\n\nReferences\n  1. A. Author, et al. \u201cNecrosis after a filler in the lip",
        _ENDED[:-1] + " and a second nodule of 2\u00d72cm... (More)\n",
    ]
    for text in cut:
        assert check_text(text).truncated, text[-60:]
    whole = [
        _ENDED + "\n\nMeSH terms\n  • Humans\n  • Skin Diseases / chemically induced\n",
        _ENDED + "\n\nReferences\n  1. A. Author, et al. \u201cNecrosis after a filler\u201d. "
        "Dermatol Surg 2020;46:1-3.\n",
    ]
    for text in whole:
        assert not check_text(text).truncated, text[-60:]
