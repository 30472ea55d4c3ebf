"""Tables of the product catalogue kept in the registry: an entry (added here, or a
shipped entry edited) with its current version, and every immutable version of it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from dermavigil.registry.table_base import Base, UTCDateTime, one_of

PRODUCT_ACTIONS = ("add", "edit")


class ProductRow(Base):
    """A catalogue entry kept in the registry (added here, or a shipped entry edited):
    its id and a pointer to its current version."""

    __tablename__ = "products"

    entry_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    current_version: Mapped[int] = mapped_column(Integer, nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)


class ProductVersionRow(Base):
    """One immutable version of a catalogue entry: the whole entry with its cited
    sources, who wrote it, when, why and what changed."""

    __tablename__ = "product_versions"
    __table_args__ = (CheckConstraint(one_of("action", PRODUCT_ACTIONS), name="action"),)

    entry_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("products.entry_id"), primary_key=True
    )
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    document: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    created_by: Mapped[str] = mapped_column(String(64), nullable=False)
    action: Mapped[str] = mapped_column(String(16), nullable=False)
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    changes: Mapped[list[dict[str, Any]]] = mapped_column(JSON, nullable=False)
