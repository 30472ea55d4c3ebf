"""Received reports (E2B or FHIR imports) stored where they belong: a follow-up or an
amendment becomes a new version of the stored case, a nullification retracts it, any
other report is a new case.

A received report names its case by its C.1.8.1 worldwide case id, its sender's C.1.1, or
a dermavigil case id at the end of either (exports send ``<sender>-DV-000001``); the
match is made in SQL on the current versions (:func:`repository.case_by_report_id`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from dermavigil.domain.case import Case
from dermavigil.errors import InputError, Problem
from dermavigil.registry import repository as repo
from dermavigil.registry.changes import diff
from dermavigil.registry.flow import flow_after_new_facts, flow_changes
from dermavigil.registry.models import StoredCase
from dermavigil.registry.versions import VersionStore, document_of, required

_OWN_ID = re.compile(r"(?:^|-)(DV-\d{6})$")
"""A dermavigil case id at the end of a report id (exports send C.1.1 ``<sender>-DV-000001``)."""
ReceivedAs = Literal["created", "follow-up", "amended", "unchanged", "nullified"]
"""What :meth:`FollowUps.receive` did with a received report."""


class FollowUps(VersionStore):
    """The received-report writes of :class:`~dermavigil.registry.CaseService` (which
    gives ``create`` and ``retract``)."""

    def create(self, case: Case, by: str) -> StoredCase:  # pragma: no cover - CaseService's
        raise NotImplementedError

    def retract(self, case_id: str, by: str, reason: str) -> StoredCase:  # pragma: no cover
        raise NotImplementedError

    def receive(
        self,
        case: Case,
        by: str,
        amendment: Literal["nullification", "amendment"] | None = None,
        reason: str | None = None,
        report_ids: Sequence[str] = (),
    ) -> tuple[StoredCase, ReceivedAs]:
        """Store a received report (an E2B or FHIR import) where it belongs.

        A report whose C.1.8.1 worldwide case id (``report.source_id``) or sender's C.1.1
        (``report.sender_report_id``) is that of a stored case, or names a dermavigil case
        (``...-DV-000001``, as dermavigil exports it), is a follow-up: a new version of
        that case, its differences in the history (audit reason "follow-up received" or,
        for C.1.11.1 = 2, "amendment" with C.1.11.2). A nullification (C.1.11.1 = 1)
        retracts the stored case; one for no stored case is refused, nothing stored.
        Otherwise the report is a new case. ``report_ids`` are the ids the report was sent
        with (C.1.8.1, C.1.1), tried before the case's own.
        """
        by = required(by, "by")
        own_ids = (case.report.source_id, case.report.sender_report_id)
        ids = list(dict.fromkeys(x for x in (*report_ids, *own_ids) if x))
        own = [m.group(1) for x in ids if (m := _OWN_ID.search(x))]
        case_id = repo.case_by_report_id(self.session, ids, own) if ids else None
        why = f": {reason}" if reason else ""
        if amendment == "nullification":
            if case_id is None:
                raise InputError(
                    "a nullification (E2B C.1.11.1 = 1) for a case that is not stored; "
                    "nothing was stored",
                    [Problem("C.1.8.1", "no stored case has this id", ", ".join(ids) or None)],
                )
            retracted = self.retract(case_id, by, f"nullified by its sender (C.1.11.1){why}")
            return retracted, "nullified"
        if case_id is None:
            return self.create(case, by), "created"
        row = self._writable(case_id)
        current = self._version(row)
        case = case.model_copy(update={"case_id": row.case_id})
        changes = diff(current.document, document_of(case))
        if not changes:
            return self._stored(row, current), "unchanged"
        if amendment == "amendment":
            action_reason, received = f"amendment (C.1.11.1){why}", "amended"
        else:
            action_reason, received = f"follow-up received ({ids[0]})", "follow-up"
        flow = flow_after_new_facts(row, case, changes, self.clock().date())
        stored = self._write(
            row, case, row.status, by, "update", action_reason,
            changes + flow_changes(row, flow), current.evidence, current.source_text,
            flow=flow,
        )  # fmt: skip
        return stored, received  # type: ignore[return-value]
