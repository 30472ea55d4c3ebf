"""Format dispatch: JSON and YAML cases in and out, detection, batch semantics."""

from __future__ import annotations

import json

import pytest
import yaml

from dermavigil.domain import Case
from dermavigil.errors import InputError
from dermavigil.exchange.formats import EXPORT_FORMATS, export_cases, import_document


def test_json_round_trip_one_case(coded_case: Case) -> None:
    data = export_cases([coded_case], "json")
    result = import_document(data, "case.json")
    assert result.format == "json"
    assert result.cases == [coded_case]
    assert result.problems == []


def test_json_round_trip_many_cases(coded_case: Case) -> None:
    data = export_cases([coded_case, coded_case], "json")
    assert isinstance(json.loads(data), list)
    assert import_document(data).cases == [coded_case, coded_case]


def test_yaml_case_imports(coded_case: Case) -> None:
    text = yaml.safe_dump(coded_case.model_dump(mode="json", exclude_none=True))
    result = import_document(text.encode(), "seed.yaml")
    assert result.format == "yaml"
    assert result.cases == [coded_case]


def test_yaml_alias_bomb_refused() -> None:
    bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\n"
    with pytest.raises(InputError, match="aliases"):
        import_document(bomb.encode(), "bomb.yaml")


def test_batch_with_one_bad_case_keeps_the_good(coded_case: Case) -> None:
    good = coded_case.model_dump(mode="json", exclude_none=True)
    bad = dict(good, products=[dict(good["products"][0], route="intradermall")])
    data = json.dumps({"cases": [good, bad]}).encode()
    result = import_document(data, "batch.json")
    assert result.cases == [coded_case]
    assert [p.location for p in result.problems] == ["cases.1.products.0.route"]
    with pytest.raises(InputError, match="1 of 2 case"):
        import_document(data, "batch.json", all_or_nothing=True)


def test_all_bad_is_refused() -> None:
    with pytest.raises(InputError) as error:
        import_document(b'[{"report": {"source": "nowhere"}}]')
    assert any(p.location.startswith("cases.0.") for p in error.value.problems)


def test_unknown_format_and_empty_set_refused(coded_case: Case) -> None:
    with pytest.raises(InputError, match="unknown export format"):
        export_cases([coded_case], "docx")
    with pytest.raises(InputError, match="nothing to export"):
        export_cases([], "json")
    assert set(EXPORT_FORMATS) == {"json", "csv", "e2b", "fhir", "fhir-r4", "cioms"}


def test_undetectable_documents_refused() -> None:
    with pytest.raises(InputError, match="not UTF-8"):
        import_document(b"%PDF-1.7\xff\xfe")
    with pytest.raises(InputError, match="not valid JSON"):
        import_document(b'{"report": ')
    with pytest.raises(InputError, match="empty"):
        import_document(b"  \n")
