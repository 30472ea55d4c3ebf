"""Case operations on behalf of an actor, shared by the JSON API and the pages.

Each function opens one registry transaction (the caller of a service owns
the transaction; services never commit), checks the actor's permission
(:mod:`dermavigil.web.permissions`) and calls
:class:`dermavigil.registry.CaseService`. Reporters see only the cases they
submitted: their listings are filtered by owner and reading another's case is
refused.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from dermavigil.domain import Case, parse_case
from dermavigil.errors import DermavigilError, PermissionDenied
from dermavigil.settings import Settings
from dermavigil.web.auth import Actor
from dermavigil.web.deps import Credentials, actor_in
from dermavigil.web.permissions import allowed, can_read_case, require
from dermavigil.web.validation import validated

FILTER_FIELDS = (
    "category",
    "route",
    "off_label",
    "reaction",
    "serious",
    "who_umc",
    "naranjo_band",
    "source",
    "status",
    "text",
    "workflow",
    "assignee",
)


def owner_of(stored: Any) -> str | None:
    """Who submitted the case (the author of its first version)."""
    return stored.owner


def _service(session: Any) -> Any:
    from dermavigil.registry import CaseService

    return CaseService(session)


def _readable(actor: Actor, stored: Any) -> Any:
    if not can_read_case(actor, owner_of(stored)):
        raise PermissionDenied(f"case {stored.case_id}: reporters see only their own cases")
    return stored


def _version_fields(stored: Any) -> dict[str, Any]:
    """The scalar fields of a stored case's JSON form, in their order."""
    return {
        "case_id": stored.case_id,
        "version": stored.version,
        "status": stored.status,
        "owner": owner_of(stored),
        "created_at": stored.created_at.isoformat(),
        "created_by": stored.created_by,
        "workflow": {
            "status": stored.workflow,
            "assignee": stored.assignee,
            "expectedness": stored.expectedness,
            "day0": stored.day0,
            "assessed_on": stored.assessed_on,
        },
    }


def stored_json(stored: Any) -> dict[str, Any]:
    """The public JSON form of a stored case."""
    return {
        **_version_fields(stored),
        "case": stored.case.model_dump(mode="json", exclude_none=True),
        "assessment": stored.assessment.model_dump(mode="json"),
        "evidence": stored.evidence,
    }


def stored_json_bytes(
    stored: Any, case_json: str | None = None, assessment_json: str | None = None
) -> bytes:
    """:func:`stored_json` encoded as UTF-8 JSON in one pass: the case and its assessment
    straight from pydantic-core's serialiser (``model_dump_json``), without building and
    re-walking the intermediate dicts; the same document, key order included.
    ``case_json`` and ``assessment_json``: those two already encoded so (a new case's,
    :class:`~dermavigil.registry.intake.PreparedCase`)."""
    head = json.dumps(_version_fields(stored), ensure_ascii=False, separators=(",", ":"))
    parts = (
        head[:-1],
        ',"case":',
        case_json or stored.case.model_dump_json(exclude_none=True),
        ',"assessment":',
        assessment_json or stored.assessment.model_dump_json(),
        ',"evidence":',
        json.dumps(stored.evidence, separators=(",", ":")),
        "}",
    )
    return "".join(parts).encode()


def create(registry: Any, who: Actor | Credentials, data: Mapping[str, Any] | Case) -> Any:
    """Validate ``data`` (422 with one problem per field) and store it as a new case;
    ``who`` is resolved (:func:`~dermavigil.web.deps.actor_in`) in the same transaction."""
    from dermavigil.registry.intake import prepare_new

    case = parse_case(data, record="case")  # validated before joining a batch
    prepared = prepare_new(registry, case)  # assessed here, in parallel, not by the writer
    # group commit: concurrent creations share one transaction, each answered once it commits
    return registry.group_write(_store_new(who, case, prepared))


async def create_json_async(registry: Any, who: Actor | Credentials, case: Case) -> bytes:
    """:func:`create` for an ``async`` endpoint, answering the stored case's JSON
    (:func:`stored_json_bytes`, from the JSON prepared before the write): prepared on the
    event loop (in a thread when the catalogue must be read), then awaited while the
    writer commits its batch."""
    import anyio.to_thread

    from dermavigil.registry.intake import needs_catalogue, prepare, prepare_new

    case = parse_case(case, record="case")
    if needs_catalogue(case):
        prepared = await anyio.to_thread.run_sync(prepare_new, registry, case)
    else:
        prepared = prepare(case, {})
    stored = await registry.group_write_async(_store_new(who, case, prepared))
    return stored_json_bytes(stored, prepared.document(stored.case_id), prepared.assessment_json)


def _store_new(who: Actor | Credentials, case: Case, prepared: Any) -> _NewCaseWrite:
    """The write of a new case for the group-commit writer (see :class:`_NewCaseWrite`)."""
    return _NewCaseWrite(who, case, prepared)


@dataclass(frozen=True)
class _NewCaseWrite:
    """A new case for the group-commit writer: ``who`` checked in its transaction (one
    user look-up per batch and user), then the case stored. The writer stores the
    creations that follow each other in a batch together (:meth:`many`; alone, a run of
    one, see :mod:`dermavigil.registry.batch`)."""

    who: Actor | Credentials
    case: Case
    prepared: Any

    @staticmethod
    def many(session: Any, writes: list[_NewCaseWrite]) -> list[Any]:
        """Each write's stored case, or the error that refused it (the actor's check; a
        refused write stores nothing); the others numbered and inserted together
        (:meth:`~dermavigil.registry.CaseService.create_all`)."""
        from dermavigil.registry import NewCase

        outcomes: list[Any] = []
        news = []
        for write in writes:
            try:
                actor = actor_in(session, write.who, memo=True)
                require(actor, "case.create")
            except DermavigilError as exc:  # refused (401/403): this write alone
                outcomes.append(exc)
                continue
            outcomes.append(None)
            news.append(NewCase(write.case, by=actor.username, prepared=write.prepared))
        stored = iter(_service(session).create_all(news))
        return [next(stored) if outcome is None else outcome for outcome in outcomes]


def get(registry: Any, who: Actor | Credentials, case_id: str, version: int | None = None) -> Any:
    """One version of a case (the current one by default) if ``who`` may read it."""
    with registry.transaction(readonly=True) as session:
        actor = actor_in(session, who)
        require(actor, "case.read")
        return _readable(actor, _service(session).get(case_id, version))


def make_filter(actor: Actor, criteria: Mapping[str, Any]) -> Any:
    """A :class:`CaseFilter` from the given criteria; reporters are held to their own cases."""
    from dermavigil.registry import CaseFilter

    require(actor, "case.read")
    values = {k: criteria[k] for k in FILTER_FIELDS if criteria.get(k) not in (None, "")}
    if not allowed(actor.role, "case.read_all"):
        values["owner"] = actor.username
    return validated(lambda: CaseFilter(**values), "case filters")


def listing(
    registry: Any, actor: Actor, criteria: Mapping[str, Any], offset: int, limit: int
) -> Any:
    """One page of case summaries matching ``criteria``."""
    case_filter = make_filter(actor, criteria)
    with registry.transaction(readonly=True) as session:
        return _service(session).list(case_filter, offset=offset, limit=limit)


def listing_batches(
    registry: Any,
    actor: Actor,
    criteria: Mapping[str, Any],
    batch: int = 200,
    seen: list[tuple[str, int | None]] | None = None,
) -> tuple[int, Iterator[list[tuple[Any, Any]]]]:
    """Every case matching ``criteria`` that ``actor`` may read, in batches
    (:func:`dermavigil.registry.listing.listing_batches`, which the CLI calls too)."""
    from dermavigil.registry.listing import listing_batches as read_batches

    return read_batches(registry, make_filter(actor, criteria), batch, seen)


def update(
    registry: Any, actor: Actor, case_id: str, data: Mapping[str, Any] | Case, expected_version: int
) -> Any:
    """Store ``data`` as the next version; 409 when ``expected_version`` is stale."""
    require(actor, "case.update")
    case = parse_case(data, record=case_id)
    with registry.transaction() as session:
        return _service(session).update(
            case_id, case, by=actor.username, expected_version=expected_version
        )


def history(registry: Any, actor: Actor, case_id: str) -> list[Any]:
    with registry.transaction(readonly=True) as session:
        service = _service(session)
        _readable(actor, service.get(case_id))
        return service.history(case_id)


def submissions(registry: Any, actor: Actor, case_id: str) -> list[Any]:
    """The E2B(R3) submissions of a case with their acknowledgement status."""
    from dermavigil.registry.submissions import SubmissionService

    with registry.transaction(readonly=True) as session:
        stored = _readable(actor, _service(session).get(case_id))
        return SubmissionService(session).for_case(stored.case_id)


def record_ack(registry: Any, actor: Actor, data: bytes) -> list[Any]:
    """Record a receiver's E2B(R3) acknowledgement (``MCCI_IN200101UV01``) of a batch."""
    from dermavigil.exchange.e2b.ack import read_ack
    from dermavigil.registry.submissions import SubmissionService

    require(actor, "case.export")
    answer = read_ack(data, record="ACK")
    messages = [(m.report_id, m.code, m.text) for m in answer.messages]
    with registry.transaction() as session:
        return SubmissionService(session).record_ack(
            answer.batch_id, answer.code, messages, answer.text
        )


def assessment(registry: Any, actor: Actor, case_id: str) -> Any:
    with registry.transaction(readonly=True) as session:
        service = _service(session)
        _readable(actor, service.get(case_id))
        return service.assess(case_id)


def override(
    registry: Any, actor: Actor, case_id: str, target: str, value: str, reason: str
) -> Any:
    require(actor, "case.override")
    with registry.transaction() as session:
        return _service(session).override(case_id, target, value, by=actor.username, reason=reason)


def retract(registry: Any, actor: Actor, case_id: str, reason: str) -> Any:
    require(actor, "case.retract")
    with registry.transaction() as session:
        service = _service(session)
        service.retract(case_id, by=actor.username, reason=reason)
        return service.get(case_id)


def accept_draft(registry: Any, actor: Actor, case_id: str) -> Any:
    require(actor, "draft.review")
    with registry.transaction() as session:
        return _service(session).accept_draft(case_id, by=actor.username)


def export(
    registry: Any,
    actor: Actor,
    case_ids: list[str],
    fmt: str,
    settings: Settings,
    seen: list[tuple[str, int | None]] | None = None,
) -> tuple[bytes, Any]:
    """The given cases written in ``fmt`` with their assessments and the settings' E2B
    sender/receiver ids; returns the bytes and the format's description. ``seen``
    receives each (case id, version) exported, for the access log."""
    from dermavigil.exchange.formats import EXPORT_FORMATS, export_cases

    require(actor, "case.export")
    with registry.transaction(readonly=True) as session:
        service = _service(session)
        stored = [_readable(actor, service.get(case_id)) for case_id in case_ids]
    data = export_cases(
        [s.case for s in stored],
        fmt,
        assessments=[s.assessment for s in stored],
        sender=settings.e2b_sender_id,
        receiver=settings.e2b_receiver_id,
        versions=[s.version for s in stored],
    )
    if seen is not None:
        seen.extend((s.case_id, s.version) for s in stored)
    return data, EXPORT_FORMATS[fmt]


def code_terms(registry: Any, actor: Actor, case_id: str) -> Any:
    """Code every uncoded reaction (verbatim) and finding (result) to the HPO and store
    the coded case as a new version (:func:`dermavigil.terminology.coder.code_phrase`:
    lexical, nearest-parent, sub-phrase, then fuzzy matching; never guessed)."""
    from dermavigil.terminology.coder import code_phrase

    require(actor, "case.update")
    stored = get(registry, actor, case_id)
    case = stored.case
    reactions = [
        r if r.codes else r.model_copy(update={"codes": code_phrase(r.verbatim)})
        for r in case.reactions
    ]
    findings = [
        f if f.codes else f.model_copy(update={"codes": code_phrase(f.result)})
        for f in case.findings
    ]
    coded = case.model_copy(update={"reactions": reactions, "findings": findings})
    return update(registry, actor, case_id, coded, stored.version)
