"""The read-access log: every case page, API read, export and line listing records who read
which case (and version), when, how and from where; admins alone read it (page, API, CSV,
CLI) and it answers "who saw case X" however X was read."""

from __future__ import annotations

import csv
import io
import sys
from datetime import UTC, datetime, timedelta

import pytest
from typer.testing import CliRunner
from webtools import bearer

from dermavigil.cli.app import app as cli_app
from dermavigil.cli.app import main


def _create(client, seed_json, who: str = "reporter") -> str:  # type: ignore[no-untyped-def]
    response = client.post("/api/cases", json=seed_json, headers=bearer(client, who))
    assert response.status_code == 201, response.text
    return response.json()["case_id"]


def _log(client, **params):  # type: ignore[no-untyped-def]
    response = client.get("/api/admin/access-log", params=params, headers=bearer(client, "admin"))
    assert response.status_code == 200, response.text
    return response.json()


def test_who_saw_case_x_after_a_page_view_an_api_read_and_exports(  # type: ignore[no-untyped-def]
    client, seed_json, as_assessor
):
    case_id = _create(client, seed_json)
    other = _create(client, seed_json)
    assert as_assessor.client.get(f"/cases/{case_id}").status_code == 200  # page
    headers = bearer(client, "admin")
    assert client.get(f"/api/cases/{case_id}", headers=headers).status_code == 200  # API JSON
    e2b = client.get(f"/api/cases/{case_id}/export", params={"format": "e2b"}, headers=headers)
    assert e2b.status_code == 200
    listing = client.get(
        "/api/cases/export", params={"format": "csv", "category": "exosome"}, headers=headers
    )
    assert listing.status_code == 200
    assert as_assessor.client.get("/series.csv").status_code == 200

    log = _log(client, case=case_id)
    seen = [(e["user"], e["how"], e["format"]) for e in log["items"]]
    assert seen == [  # newest first
        ("assessor", "listing", "series-csv"),
        ("admin", "listing", "csv"),
        ("admin", "export", "e2b"),
        ("admin", "api", "json"),
        ("assessor", "page", "html"),
    ]
    assert log["total"] == 5
    page = log["items"][-1]
    assert page["cases"] == [{"case_id": case_id, "version": 1}]
    assert page["address"] == "testclient"
    csv_listing = log["items"][1]
    assert (
        csv_listing["case_count"] == 2 and csv_listing["filter"] == "category=exosome&status=active"
    )
    assert {c["case_id"] for c in csv_listing["cases"]} == {case_id, other}
    assert csv_listing["cases"][0]["case_id"] == case_id  # the searched case first
    # the other case was only in the listings
    assert [e["how"] for e in _log(client, case=other)["items"]] == ["listing", "listing"]
    assert [e["how"] for e in _log(client, user="assessor")["items"]] == ["listing", "page"]


def test_reads_refused_or_absent_are_not_logged_and_filters_page(client, seed_json):  # type: ignore[no-untyped-def]
    case_id = _create(client, seed_json, "reporter")
    refused = client.get(f"/api/cases/{case_id}", headers=bearer(client, "reporter2"))
    assert refused.status_code == 403
    assert _log(client, case=case_id)["total"] == 0
    headers = bearer(client, "assessor")
    for _ in range(3):
        client.get(f"/api/cases/{case_id}", headers=headers)
        client.get(f"/api/cases/{case_id}/history", headers=headers)
    everything = _log(client, case=case_id, limit=4)
    assert everything["total"] == 6 and len(everything["items"]) == 4
    assert len(_log(client, case=case_id, limit=4, offset=4)["items"]) == 2
    today = datetime.now(UTC).date()
    assert _log(client, case=case_id, since=str(today), until=str(today))["total"] == 6
    assert _log(client, case=case_id, since=str(today + timedelta(days=1)))["total"] == 0
    assert _log(client, case=case_id, until=str(today - timedelta(days=1)))["total"] == 0


def test_only_admins_read_the_access_log(client, as_assessor, as_reporter, as_admin):  # type: ignore[no-untyped-def]
    for who in ("reporter", "assessor"):
        api = client.get("/api/admin/access-log", headers=bearer(client, who))
        assert api.status_code == 403, who
    assert client.get("/api/admin/access-log").status_code == 401
    for browser in (as_assessor, as_reporter):
        assert browser.client.get("/admin/access-log").status_code == 403
        assert browser.client.get("/admin/access-log.csv").status_code == 403
    assert as_admin.client.get("/admin/access-log").status_code == 200


def test_admin_page_and_csv_export(client, seed_json, as_admin, as_assessor):  # type: ignore[no-untyped-def]
    case_id = _create(client, seed_json)
    as_assessor.client.get(f"/cases/{case_id}")
    page = as_admin.client.get("/admin/access-log", params={"case": case_id})
    assert page.status_code == 200
    assert f'href="/cases/{case_id}"' in page.text and "assessor" in page.text
    assert 'href="/admin/access-log.csv?case=' in page.text
    download = as_admin.client.get("/admin/access-log.csv", params={"case": case_id})
    assert download.status_code == 200 and "attachment" in download.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(download.text)))
    assert rows[0] == ["at_utc", "user", "how", "format", "address", "filter", "case_id", "version"]
    assert rows[1][1:] == ["assessor", "page", "html", "testclient", "", case_id, "1"]
    bad = as_admin.client.get("/admin/access-log", params={"case": "x"})
    assert bad.status_code == 422


def test_cli_access_log_table_and_csv(client, seed_json, web_settings, monkeypatch, capsys):  # type: ignore[no-untyped-def]
    case_id = _create(client, seed_json)
    client.get(f"/api/cases/{case_id}", headers=bearer(client, "assessor"))
    client.app.state.registry.flush_writes()
    monkeypatch.setenv("DERMAVIGIL_HOME", str(web_settings.home))
    runner = CliRunner()
    table = runner.invoke(cli_app, ["access-log", "--case", case_id])
    assert table.exit_code == 0, table.output
    assert "assessor" in table.output and "api (json)" in table.output
    out = runner.invoke(cli_app, ["access-log", "--user", "assessor", "--csv"])
    assert out.exit_code == 0
    rows = list(csv.reader(io.StringIO(out.output)))
    assert rows[1][1:4] == ["assessor", "api", "json"] and rows[1][6] == case_id
    none = runner.invoke(cli_app, ["access-log", "--user", "admin", "--csv"])
    assert none.output.strip().count("\n") == 0  # the header alone
    monkeypatch.setattr(sys, "argv", ["dermavigil", "access-log", "--since", "yesterday"])
    with pytest.raises(SystemExit) as exited:
        main()
    assert exited.value.code == 2 and "YYYY-MM-DD" in capsys.readouterr().err


def test_retention_deletes_old_entries(client, seed_json, web_settings, monkeypatch, capsys):  # type: ignore[no-untyped-def]
    from dermavigil.registry import access_log as log

    case_id = _create(client, seed_json)
    client.get(f"/api/cases/{case_id}", headers=bearer(client, "assessor"))
    registry = client.app.state.registry
    registry.flush_writes()
    old = log.AccessRead(
        datetime.now(UTC) - timedelta(days=400), "assessor", "page", "html", "x", [(case_id, 1)]
    )
    with registry.transaction() as session:
        log.record(session, old)
    assert _log(client, case=case_id)["total"] == 2
    monkeypatch.setenv("DERMAVIGIL_HOME", str(web_settings.home))
    monkeypatch.setenv("DERMAVIGIL_ACCESS_LOG_DAYS", "365")
    pruned = CliRunner().invoke(cli_app, ["access-log", "--prune"])
    assert pruned.exit_code == 0 and "deleted 1 " in pruned.output
    assert _log(client, case=case_id)["total"] == 1
    monkeypatch.delenv("DERMAVIGIL_ACCESS_LOG_DAYS")
    monkeypatch.setattr(sys, "argv", ["dermavigil", "access-log", "--prune"])
    with pytest.raises(SystemExit) as exited:
        main()
    assert exited.value.code == 2 and "kept for ever" in capsys.readouterr().err
