"""The product catalogue as the registry keeps it: shipped entries plus users' entries.

The catalogue shipped with dermavigil (:mod:`dermavigil.catalogue`) is the base;
``products add`` stores a new entry and ``products edit`` a new version of any
entry (a shipped one included), each version whole, with who, when, why and
what changed. Nothing is overwritten: ``history`` lists every version. Every
stated fact of an entry must cite its source (the catalogue's rule), so an edit
that changes the routes without a source for them is refused.

:meth:`ProductService.catalogue` is the merged catalogue that the off-label
assessment and the intake use. Like every service, this one never commits. A
catalogue write moves the registry's revision (``repository.move_revision``): a case
version stored before assessments were (migration 0004) is assessed when read, against
this catalogue, and exported so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dermavigil.catalogue import Catalogue, Entry, default_catalogue, entry_from_dict
from dermavigil.catalogue.data import shipped_entries
from dermavigil.errors import ConflictError, InputError, NotFoundError, Problem
from dermavigil.registry.changes import FieldChange, diff
from dermavigil.registry.product_tables import ProductRow, ProductVersionRow
from dermavigil.registry.repository import move_revision

EDITABLE = (
    "name",
    "synonyms",
    "category",
    "regulatory_class",
    "routes",
    "layers",
    "formulations",
    "labelled_use",
    "manufacturer",
    "product_codes",
    "sources",
)

_FACT_OF = {
    "category": "category",
    "regulatory_class": "regulatory_class",
    "routes": "routes",
    "layers": "routes",
    "formulations": "routes",
    "labelled_use": "routes",
    "manufacturer": "manufacturer",
    "product_codes": "product_codes",
}
"""Editable field -> the fact whose source covers it."""


@dataclass(frozen=True)
class CatalogueItem:
    """An entry as listed: where it comes from (``shipped`` or ``registry``) and its version
    (0 for an unedited shipped entry)."""

    entry: Entry
    origin: str
    version: int


@dataclass(frozen=True)
class ProductVersion:
    """One stored version of an entry."""

    version: int
    at: datetime
    by: str
    action: str
    reason: str | None
    changes: list[FieldChange]
    entry: Entry


def _parse(document: dict[str, Any], where: str) -> Entry:
    problems: list[Problem] = []
    entry = entry_from_dict(document, {}, where, problems)
    if entry is None:
        raise InputError(f"{where}: the catalogue entry has errors", problems)
    return entry


class ProductService:
    """Catalogue entries in the registry, within the caller's transaction."""

    def __init__(self, session: Session, clock: Callable[[], datetime] | None = None) -> None:
        self.session = session
        self.clock = clock or (lambda: datetime.now(UTC))

    def _rows(self) -> dict[str, tuple[ProductRow, ProductVersionRow]]:
        stmt = select(ProductRow, ProductVersionRow).join(
            ProductVersionRow,
            (ProductVersionRow.entry_id == ProductRow.entry_id)
            & (ProductVersionRow.version == ProductRow.current_version),
        )
        return {row.entry_id: (row, version) for row, version in self.session.execute(stmt)}

    def list(self) -> list[CatalogueItem]:
        """Every entry of the merged catalogue, shipped order first, then added ones."""
        stored = self._rows()
        items: list[CatalogueItem] = []
        for entry in shipped_entries():
            if entry.id in stored:
                _, version = stored.pop(entry.id)
                items.append(
                    CatalogueItem(_parse(version.document, entry.id), "registry", version.version)
                )
            else:
                items.append(CatalogueItem(entry, "shipped", 0))
        for entry_id, (_, version) in sorted(stored.items()):
            items.append(
                CatalogueItem(_parse(version.document, entry_id), "registry", version.version)
            )
        return items

    def catalogue(self) -> Catalogue:
        """The merged catalogue (shipped entries, replaced or joined by the registry's)."""
        stored = self._rows()
        if not stored:
            return default_catalogue()
        catalogue = Catalogue(shipped_entries())
        for entry_id, (_, version) in stored.items():
            catalogue.add(_parse(version.document, entry_id))
        return catalogue

    def get(self, entry_id: str) -> CatalogueItem:
        for item in self.list():
            if item.entry.id == entry_id:
                return item
        raise NotFoundError(f"no catalogue entry {entry_id!r} (see `dermavigil products list`)")

    def add(self, document: dict[str, Any], by: str, reason: str | None = None) -> CatalogueItem:
        """Store a new entry; its id must be new to the merged catalogue."""
        entry = _parse(document, str(document.get("id") or "entry"))
        if any(item.entry.id == entry.id for item in self.list()):
            raise ConflictError(f"catalogue entry {entry.id!r} exists; use `products edit`")
        now = self.clock()
        self.session.add(
            ProductRow(entry_id=entry.id, current_version=1, created_at=now, updated_at=now)
        )
        self.session.flush()
        self._write(entry, 1, "add", by, reason, diff({}, entry.as_dict()), now)
        return CatalogueItem(entry, "registry", 1)

    def edit(self, entry_id: str, changes: dict[str, Any], by: str, reason: str) -> CatalogueItem:
        """Store a new version of ``entry_id`` with ``changes`` (field -> new value) applied."""
        if not reason or not reason.strip():
            raise InputError("an edit of the catalogue needs a reason")
        unknown = sorted(set(changes) - set(EDITABLE))
        if unknown:
            raise InputError(
                f"cannot edit {', '.join(unknown)}; editable fields: {', '.join(EDITABLE)}"
            )
        current = self.get(entry_id)
        old = current.entry.as_dict()
        new = {**old, **changes}
        if "sources" in changes:
            new["sources"] = {**old["sources"], **changes["sources"]}
        entry = _parse(new, entry_id)
        cited = set(changes.get("sources") or {})
        uncited = [
            f"{field}: a changed {fact} fact needs its source (--cite {fact}=KIND:CITATION)"
            for field, fact in _FACT_OF.items()
            if field in changes
            and old.get(field) != entry.as_dict().get(field)
            and fact not in cited
        ]
        if uncited:
            raise InputError(
                f"{entry_id}: changed facts without a source",
                [Problem(entry_id, message) for message in uncited],
            )
        changed = diff(old, entry.as_dict())
        if not changed:
            raise InputError(f"the edit changes nothing in {entry_id!r}")
        now = self.clock()
        row = self.session.get(ProductRow, entry_id, with_for_update=True)
        if row is None:
            row = ProductRow(entry_id=entry_id, current_version=0, created_at=now, updated_at=now)
            self.session.add(row)
            self.session.flush()
        if row.current_version != current.version:
            raise ConflictError(f"{entry_id!r} was changed meanwhile; read it again")
        number = row.current_version + 1
        self._write(entry, number, "edit", by, reason, changed, now)
        row.current_version, row.updated_at = number, now
        return CatalogueItem(entry, "registry", number)

    def history(self, entry_id: str) -> list[ProductVersion]:
        """Every stored version of ``entry_id``, oldest first (empty for an unedited
        shipped entry)."""
        self.get(entry_id)
        stmt = (
            select(ProductVersionRow)
            .where(ProductVersionRow.entry_id == entry_id)
            .order_by(ProductVersionRow.version)
        )
        return [
            ProductVersion(
                version=v.version,
                at=v.created_at,
                by=v.created_by,
                action=v.action,
                reason=v.reason,
                changes=[FieldChange.model_validate(c) for c in v.changes],
                entry=_parse(v.document, entry_id),
            )
            for v in self.session.scalars(stmt)
        ]

    def _write(
        self,
        entry: Entry,
        number: int,
        action: str,
        by: str,
        reason: str | None,
        changes: list[FieldChange],
        now: datetime,
    ) -> None:
        self.session.add(
            ProductVersionRow(
                entry_id=entry.id,
                version=number,
                document=entry.as_dict(),
                created_at=now,
                created_by=by,
                action=action,
                reason=reason,
                changes=[c.model_dump(mode="json") for c in changes],
            )
        )
        move_revision(self.session)
