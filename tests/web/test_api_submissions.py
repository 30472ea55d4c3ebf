"""``/api/cases/{id}/submissions`` and ``/api/cases/acks``: E2B(R3) submissions and ACKs."""

from __future__ import annotations

from webtools import bearer

from dermavigil.exchange.e2b.ack import sent_ids, write_ack
from dermavigil.exchange.formats import export_cases
from dermavigil.registry import CaseService
from dermavigil.registry.submissions import SubmissionService


def test_an_ack_sets_the_status_of_a_submission(client, registry):  # type: ignore[no-untyped-def]
    from dermavigil.demo import load_seed_case

    with registry.transaction() as session:
        stored = CaseService(session).create(load_seed_case(), by="reporter")
    batch = export_cases([stored.case], "e2b", assessments=[stored.assessment])
    batch_id, [report_id] = sent_ids(batch)
    with registry.transaction() as session:
        SubmissionService(session).record_sent(
            stored.case_id, stored.version, "RECEIVER", batch_id, report_id, "reporter"
        )
    headers = bearer(client, "reporter")
    listed = client.get(f"/api/cases/{stored.case_id}/submissions", headers=headers).json()
    assert [(s["version"], s["status"]) for s in listed] == [(1, "sent")]
    ack = write_ack(batch, [(report_id, True, "Report Loaded Successfully")], sender="RECEIVER")
    answer = client.post("/api/cases/acks", content=ack, headers=headers)
    assert answer.status_code == 200, answer.text
    assert [s["status"] for s in answer.json()] == ["accepted"]
    listed = client.get(f"/api/cases/{stored.case_id}/submissions", headers=headers).json()
    assert listed[0]["ack_code"] == "CA"
    unknown = write_ack(batch.replace(batch_id.encode(), b"OTHER-BATCH"), [], sender="X")
    refused = client.post("/api/cases/acks", content=unknown, headers=headers)
    assert refused.status_code == 422 or refused.status_code == 400


def test_the_case_page_shows_the_senders_causality_and_what_was_kept(  # type: ignore[no-untyped-def]
    as_assessor, registry, shared_data
):
    from dermavigil.exchange.formats import import_document

    path = shared_data.parent / "standards" / "e2b_r3" / "fda_examples" / "FAERS2022Scenario6.xml"
    [case] = import_document(path.read_bytes(), path.name).cases
    with registry.transaction() as session:
        stored = CaseService(session).create(case, by="assessor")
    page = as_assessor.client.get(f"/cases/{stored.case_id}").text
    assert "Causality as the sender reported it" in page and "Highly related" in page
    assert f"Facts kept as received ({len(case.unmapped)} elements)" in page
