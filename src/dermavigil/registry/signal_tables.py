"""Tables of managed signals (GVP Module IX): a signal record with its current version
and the columns lists use, and every immutable version of the record. The statuses are
those of :mod:`dermavigil.domain.signal`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from dermavigil.domain.signal import STATUSES
from dermavigil.registry.table_base import Base, UTCDateTime, one_of

SIGNAL_ACTIONS = ("create", "update", "status")


class SignalRow(Base):
    """A managed signal (GVP IX): its number, current version and the columns lists use."""

    __tablename__ = "signal_records"
    __table_args__ = (CheckConstraint(one_of("status", STATUSES), name="status"),)

    signal_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    current_version: Mapped[int] = mapped_column(Integer, nullable=False)
    status: Mapped[str] = mapped_column(String(32), nullable=False)
    title: Mapped[str] = mapped_column(String(300), nullable=False)
    assessor: Mapped[str | None] = mapped_column(String(64), nullable=True)
    due_on: Mapped[str | None] = mapped_column(String(10), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    created_by: Mapped[str] = mapped_column(String(64), nullable=False)


class SignalVersion(Base):
    """One immutable version of a signal record: the whole record, who, when, why."""

    __tablename__ = "signal_versions"
    __table_args__ = (CheckConstraint(one_of("action", SIGNAL_ACTIONS), name="action"),)

    signal_id: Mapped[str] = mapped_column(
        String(16), ForeignKey("signal_records.signal_id"), primary_key=True
    )
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    document: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    action: Mapped[str] = mapped_column(String(16), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    created_by: Mapped[str] = mapped_column(String(64), nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
