"""Line listings: every matching case (no cap at the list's page size), a header block
(title, date, filters, count), CSV streamed in batches and an Excel workbook; cells that
would run as formulas stay text."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook
from webtools import bearer

from dermavigil.demo import load_seed_case
from dermavigil.registry import CaseService

N = 523  # more than the old 500-row cap and than two export batches of 200


def _fill(registry) -> None:  # type: ignore[no-untyped-def]
    seed = load_seed_case()
    with registry.transaction() as session:
        cases = CaseService(session)
        for i in range(N):
            name = "=HYPERLINK(1)" if i == 0 else seed.products[0].name
            products = [seed.products[0].model_copy(update={"name": name}), *seed.products[1:]]
            cases.create(seed.model_copy(update={"products": products}), by="reporter")


def _csv_rows(body: bytes) -> list[list[str]]:
    text = body.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_csv_and_xlsx_listings_hold_every_matching_case(client, registry, as_assessor):  # type: ignore[no-untyped-def]
    _fill(registry)
    headers = bearer(client, "assessor")
    response = client.get(
        "/api/cases/export", params={"format": "csv", "limit": 50}, headers=headers
    )
    assert response.status_code == 200 and response.headers["x-case-count"] == str(N)
    assert "attachment" in response.headers["content-disposition"]
    rows = _csv_rows(response.content)
    assert rows[0] == ["dermavigil line listing"]
    assert rows[1][0] == "Generated (UTC)" and rows[2] == ["Filters", "status = active"]
    assert rows[3] == ["Cases", str(N)] and rows[4] == []
    assert rows[5][:3] == ["case_id", "source", "source_id"]
    data = rows[6:]
    assert len(data) == N and len({r[0] for r in data}) == N  # every case once
    assert data[0][rows[5].index("suspect_products")].startswith("'=HYPERLINK")
    filtered = client.get(
        "/api/cases/export",
        params={"format": "csv", "category": "exosome", "serious": "true"},
        headers=headers,
    )
    assert "category = exosome; serious = True" in filtered.text
    workbook = client.get("/api/cases/export", params={"format": "xlsx"}, headers=headers)
    assert workbook.status_code == 200
    assert workbook.headers["content-type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(workbook.content), read_only=True).active
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert values[0][0] == "dermavigil line listing" and values[3][:2] == ["Cases", str(N)]
    cases = values[6:]
    assert len(cases) == N
    column = values[5].index("suspect_products")
    assert cases[0][column].startswith("=HYPERLINK")
    first = next(sheet.iter_rows(min_row=7, max_row=7))
    assert first[column].data_type == "s"  # a string, not a formula
    page = as_assessor.client.get("/cases").text
    assert f"Line listing (CSV, all {N})" in page and "format=xlsx" in page
    assert "limit=500" not in page
