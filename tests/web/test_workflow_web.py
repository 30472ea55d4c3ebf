"""The case workflow through the pages and the API: an assessor takes a received case
into review, judges it, assesses and closes it; the clock, the inbox and the overdue board
follow; comments; refused moves are shown in the panel; reporters cannot move cases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from webtools import bearer


def _post(browser, path: str, **data):  # type: ignore[no-untyped-def]
    return browser.client.post(
        path, data={**data, "csrf_token": browser.csrf}, follow_redirects=False
    )


def _case(client, seed_json, days_ago: int) -> str:  # type: ignore[no-untyped-def]
    received = (datetime.now(UTC).date() - timedelta(days=days_ago)).isoformat()
    body = {**seed_json, "report": {**seed_json["report"], "received_date": received}}
    response = client.post("/api/cases", json=body, headers=bearer(client, "reporter"))
    assert response.status_code == 201, response.text
    return response.json()["case_id"]


def test_assessor_moves_a_case_through_the_pages(client, as_assessor, as_reporter, seed_json):  # type: ignore[no-untyped-def]
    case_id = _case(client, seed_json, days_ago=3)
    url = f"/cases/{case_id}"
    page = as_assessor.client.get(url).text
    assert 'id="workflow-stage">Received<' in page
    assert "<strong>Day 3</strong> of 15" in page and "12 days left" in page
    assert as_assessor.client.get("/inbox").text.count(case_id) == 0
    assert _post(as_assessor, f"{url}/workflow", status="in_review").status_code == 303
    page = as_assessor.client.get(url).text
    assert 'id="case-assignee">assessor<' in page and 'id="move-assessed"' in page
    assert case_id in as_assessor.client.get("/inbox").text
    refused = _post(as_assessor, f"{url}/workflow", status="closed")
    assert refused.status_code == 422 and "from in review a case moves to assessed" in refused.text
    judged = {"expectedness": "unexpected", "assignee": "assessor"}
    assert _post(as_assessor, f"{url}/workflow", **judged).status_code == 303
    assert _post(as_assessor, f"{url}/comments", text="biopsy report requested").status_code == 303
    empty = _post(as_assessor, f"{url}/comments", text="  ")
    assert empty.status_code == 422 and "needs text" in empty.text
    done = {"status": "assessed", "reason": "causality done"}
    assert _post(as_assessor, f"{url}/workflow", **done).status_code == 303
    page = as_assessor.client.get(url).text
    assert "clock met" in page and "assessed on day 3 of 15" in page
    assert _post(as_assessor, f"{url}/workflow", status="closed").status_code == 303
    page = as_assessor.client.get(url).text
    assert 'id="workflow-stage">Closed<' in page and "biopsy report requested" in page
    assert "Workflow · status" not in page  # history changes read in words
    assert "Workflow status" in page and "causality done" in page
    # reporters see the status but cannot move the case
    mine = as_reporter.client.get(url).text
    assert 'id="workflow-stage">Closed<' in mine and 'id="move-' not in mine
    assert _post(as_reporter, f"{url}/workflow", status="in_review").status_code == 403


def test_workflow_api_inbox_and_board(client, seed_json):  # type: ignore[no-untyped-def]
    late = _case(client, seed_json, days_ago=20)
    fresh = _case(client, seed_json, days_ago=1)
    assessor = bearer(client, "assessor")
    moved = client.post(
        f"/api/cases/{late}/workflow", json={"status": "in_review"}, headers=assessor
    )
    assert moved.status_code == 200 and moved.json()["workflow"]["assignee"] == "assessor"
    client.post(f"/api/cases/{fresh}/workflow", json={"assignee": "admin"}, headers=assessor)
    inbox = client.get("/api/inbox", headers=assessor).json()
    assert [i["case_id"] for i in inbox] == [late]
    assert inbox[0]["clock"]["state"] == "overdue" and inbox[0]["clock"]["days_left"] == -5
    board = client.get("/api/workflow/board", headers=assessor).json()
    assert [i["case_id"] for i in board["overdue"]] == [late]
    assert board["rule"] == {"serious_unexpected_days": 15, "other_days": 90}
    bad = client.post(
        f"/api/cases/{late}/workflow", json={"assignee": "reporter"}, headers=assessor
    )
    assert bad.status_code == 422 and bad.json()["problems"][0]["location"] == "assignee"
    reporter = bearer(client, "reporter")
    assert client.get("/api/inbox", headers=reporter).status_code == 403
    note = client.post(f"/api/cases/{late}/comments", json={"text": "chased"}, headers=assessor)
    assert note.status_code == 201
    assert [
        c["text"] for c in client.get(f"/api/cases/{late}/comments", headers=assessor).json()
    ] == ["chased"]
    history = client.get(f"/api/cases/{late}/history", headers=assessor).json()
    assert history[-1]["action"] == "workflow"


def test_overdue_board_page(client, as_assessor, seed_json):  # type: ignore[no-untyped-def]
    late = _case(client, seed_json, days_ago=40)
    page = as_assessor.client.get("/workflow").text
    assert 'id="count-overdue">1<' in page and late in page and "25 d overdue" in page
