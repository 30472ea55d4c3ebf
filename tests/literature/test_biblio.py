"""Bibliographic readers (seed WoS record, MEDLINE, RIS) and de-duplication."""

from __future__ import annotations

from pathlib import Path

import pytest

from dermavigil.errors import InputError
from dermavigil.literature.biblio import (
    dedupe,
    detect_format,
    merge_files,
    normalized_title,
    parse_records,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "literature" / "biblio"


def test_seed_record(shared_dir: Path) -> None:
    text = (shared_dir / "seed" / "case_report.txt").read_text(encoding="utf-8")
    assert detect_format(text) == "plain"
    (record,) = parse_records(text)
    assert record.title.startswith("Skin necrosis after intradermal injection")
    assert record.authors == ["Tawanwongsri, Weeratian", "Vachiramon, Vasanop"]
    assert record.affiliations[0].endswith("Nakhon Si Thammarat 80161, Thailand")
    assert len(record.affiliations) == 2
    assert record.keywords[:3] == ["eccrine necrosis", "exosome", "intradermal"]
    assert len(record.keywords) == 10
    assert record.doi == "10.1111/jocd.16206"
    assert record.pages == "1597-1603"
    assert record.abstract.startswith("Background: Exosomes have gained attention")
    assert record.abstract.endswith("could cause aesthetic issues.")
    assert record.references[0].startswith("Recurrent Urticarial Vasculitis")
    assert "Alijotas-Reig, Jaume" in record.references[0]
    assert record.references[1] == "Antiga E, 2015, GIORN ITAL DERMAT V, V150, P203"
    assert record.citation() == (
        "Tawanwongsri W, Vachiramon V. Skin necrosis after intradermal injection of "
        "lyophilized exosome: A case report and a review of the literature. pp. 1597-1603. "
        "doi:10.1111/jocd.16206"
    )


def test_medline() -> None:
    text = (DATA / "two_records.nbib").read_text()
    assert detect_format(text) == "medline"
    first, second = parse_records(text)
    assert first.pmid == "38411234"
    assert first.title.endswith("A case report and a review of the literature.")
    assert "  " not in first.title
    assert first.doi == "10.1111/jocd.16206"
    assert first.year == 2024
    assert first.journal == "Journal of cosmetic dermatology"
    assert first.authors == ["Tawanwongsri, Weeratian", "Vachiramon, Vasanop"]
    assert first.keywords == ["exosome", "skin necrosis"]
    assert "middle-aged man" in first.abstract
    assert second.pmid == "30000001" and second.year == 2019
    assert second.doi == "10.1016/j.jaip.2019.03.010"


def test_ris_with_doi_url_and_case() -> None:
    records = parse_records((DATA / "three_records.ris").read_text())
    assert [r.format for r in records] == ["ris"] * 3
    assert records[0].doi == "10.1111/jocd.16206"
    assert records[0].pages == "1597-1603" and records[0].year == 2024
    assert records[1].pmid == "34001234"


def test_dedupe_by_doi_pmid_then_title() -> None:
    medline = (DATA / "two_records.nbib").read_text()
    ris = (DATA / "three_records.ris").read_text()
    result = merge_files([("a.nbib", medline), ("b.ris", ris)])
    assert len(result.unique) == 3
    assert sorted(key for _, key in result.duplicates) == ["doi", "title"]
    again = dedupe(result.unique + result.unique)
    assert len(again.unique) == 3 and len(again.duplicates) == 3


def test_normalized_title_ignores_case_and_punctuation() -> None:
    assert normalized_title("Skin Necrosis: a Case.") == normalized_title("skin necrosis - A case")


@pytest.mark.parametrize("text", ["", "   \n", "\x00\x01binary"])
def test_unreadable_input_is_a_clear_error(text: str) -> None:
    with pytest.raises(InputError):
        parse_records(text, "upload.txt")


def test_titles_in_other_scripts_keep_their_words() -> None:
    """Two Japanese case reports ("...の1例") are two publications, not one title "1"."""
    first = normalized_title("注射後に生じた皮膚潰瘍の1例")
    second = normalized_title("局注療法後に筋無力症状を認めた1例")
    assert first != second
    assert normalized_title("Réaction au point d'injection") == "réaction au point d injection"


def test_a_shared_title_is_no_duplicate_when_the_dois_differ() -> None:
    """Generic titles recur ("Nicolau syndrome"): the DOI decides, as the screening log's
    :func:`~dermavigil.domain.literature_screening.matches` does."""
    ris = (
        "TY  - JOUR\nTI  - Nicolau syndrome\nDO  - 10.1000/one\nER  - \n"
        "TY  - JOUR\nTI  - Nicolau Syndrome.\nDO  - 10.1000/two\nER  - \n"
        "TY  - JOUR\nTI  - Nicolau syndrome\nER  - \n"
    )
    result = dedupe(parse_records(ris))
    assert [r.doi for r in result.unique] == ["10.1000/one", "10.1000/two"]
    assert [key for _, key in result.duplicates] == ["title"]


def test_medline_records_without_pmid_are_each_read() -> None:
    """A MEDLINE-tagged export whose records lack a PMID (another database's export) is
    read record by record, not as one plain text titled by its first tag."""
    text = (
        "TI  - Ulcer after a vitamin injection in the thigh.\nLID - 10.1000/a [doi]\n"
        "AB  - A woman developed an ulcer.\n\n"
        "PMID- 30000002\nTI  - Granuloma after a filler.\nAB  - A man had nodules.\n\n"
        "TI  - Abscess after an insulin injection.\nAB  - A boy had an abscess.\n"
    )
    assert detect_format(text) == "medline"
    records = parse_records(text)
    assert [r.title for r in records] == [
        "Ulcer after a vitamin injection in the thigh.",
        "Granuloma after a filler.",
        "Abscess after an insulin injection.",
    ]
    assert records[0].doi == "10.1000/a" and records[1].pmid == "30000002"


def test_an_empty_file_says_it_is_empty() -> None:
    with pytest.raises(InputError) as refused:
        parse_records("", "week.nbib")
    assert "week.nbib is empty" in str(refused.value)


def test_a_ris_file_whose_last_record_lacks_its_end_line_is_read() -> None:
    """Exports cut by hand often lose the last 'ER  -' line; the record is still there."""
    (record,) = parse_records("TY  - JOUR\nTI  - Ulcer after an injection\nAB  - A case.\n")
    assert record.title == "Ulcer after an injection"


def test_an_unreadable_ris_file_says_what_to_check() -> None:
    with pytest.raises(InputError) as refused:
        parse_records("TY  - JOUR\nTI  - A\nER  - \nTY  - \nXX broken\n", "search.ris")
    message = str(refused.value) + " ".join(p.message for p in refused.value.problems)
    assert "search.ris" in message and "'TY  - '" in message and "'ER  - '" in message
