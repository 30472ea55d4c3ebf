"""CSV line listing and CIOMS-I PDF of the seed case."""

from __future__ import annotations

import csv
import io

from pypdf import PdfReader

from dermavigil.domain import Case
from dermavigil.exchange.cioms import latin1
from dermavigil.exchange.formats import export_cases


def test_line_listing_has_one_row_per_case(coded_case: Case) -> None:
    rows = list(csv.DictReader(io.StringIO(export_cases([coded_case, coded_case], "csv").decode())))
    assert len(rows) == 2
    row = rows[0]
    assert row["routes"] == "Lyophilized exosome product: intradermal (labelled topical)"
    assert row["off_label"] == "yes"
    assert row["rechallenge"] == "recurred"
    assert row["reactions"].split(" | ")[0] == "skin necrosis"
    assert row["seriousness"] == "disability | medically_important"  # disfigurement + reporter
    assert row["serious"] == "yes"
    assert row["country"] == "TH"


def test_line_listing_defuses_formulas(coded_case: Case) -> None:
    hostile = coded_case.model_copy(
        update={"products": [coded_case.products[0].model_copy(update={"name": "=HYPERLINK(1)"})]}
    )
    row = next(csv.DictReader(io.StringIO(export_cases([hostile], "csv").decode())))
    assert row["suspect_products"] == "'=HYPERLINK(1)"


def test_cioms_pdf_holds_the_form_fields(coded_case: Case) -> None:
    pdf = export_cases([coded_case], "cioms")
    assert pdf.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(page.extract_text() for page in reader.pages)
    for expected in (
        "SUSPECT ADVERSE REACTION REPORT",
        "14. SUSPECT DRUG",
        "Lyophilized exosome product",
        "intradermal (labelled: topical)",
        "skin necrosis",
        "[X] other medically important condition",
        "[ ] patient died",
        "21. DID REACTION REAPPEAR",
        "prednisolone",
        "Tawanwongsri",
    ):
        assert expected in text, expected


def test_cioms_text_never_loses_characters() -> None:
    assert latin1("Dose ≥ 2 – café") == "Dose >= 2 - café"
    assert latin1("ภ") == "[U+0E20]"


def test_cioms_long_narrative_flows_over_pages(seed_case: Case) -> None:
    narrative = " ".join(f"Sentence {i} of the clinical course." for i in range(400))
    long = seed_case.model_copy(update={"narrative": narrative})
    reader = PdfReader(io.BytesIO(export_cases([long], "cioms")))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) > 1
    assert all(f"Sentence {i} of" in text for i in (0, 199, 399))
    assert "IV. MANUFACTURER INFORMATION" in text


def test_cioms_form_is_complete(coded_case: Case) -> None:
    mapping = coded_case.model_dump(mode="json", exclude_none=True)
    mapping["products"][0].update(start_date="2023-05-01", end_date="2023-05-03")
    mapping["patient"]["birth_date"] = "1971-02-03"
    mapping["report"]["received_date"] = "2024-02-15"
    case = Case.model_validate(mapping)
    reader = PdfReader(io.BytesIO(export_cases([case, case], "cioms", versions=[1, 3])))
    first, second = (page.extract_text() for page in reader.pages[:2])
    for expected in (
        "2. DATE OF BIRTH",
        "1971-02-03",
        "19. THERAPY DURATION",
        "3 days",
        "2023-05-01 / 2023-05-03",
        "24c. DATE RECEIVED",
        "2024-02-15",
        "DATE OF THIS REPORT",
        "25a. REPORT TYPE",
    ):
        assert expected in first, expected
    assert "initial" in first.split("25a. REPORT TYPE")[1]
    assert "follow-up" in second.split("25a. REPORT TYPE")[1]
