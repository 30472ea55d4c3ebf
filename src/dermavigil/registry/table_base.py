"""What every table module of the registry shares: the declarative ``Base`` (one
``MetaData`` for all tables), its constraint naming convention, a UTC timestamp column
type and the CHECK of a closed list of values.

Constraint names follow one naming convention so that Alembic batch migrations on
SQLite can find them (Alembic, "Batch migrations for SQLite": constraints must be named
to be dropped or altered). The table modules are :mod:`~dermavigil.registry.tables`
(cases), :mod:`~dermavigil.registry.account_tables`, :mod:`~dermavigil.registry.literature_tables`,
:mod:`~dermavigil.registry.security_tables`, :mod:`~dermavigil.registry.signal_tables`
and :mod:`~dermavigil.registry.product_tables`; :mod:`~dermavigil.registry.schema` holds
them all.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, MetaData, TypeDecorator
from sqlalchemy.orm import DeclarativeBase

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC timestamp on every backend (SQLite keeps no zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the registry; use UTC-aware datetimes")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def one_of(column: str, values: tuple[str, ...]) -> str:
    """The SQL of a CHECK that ``column`` holds one of ``values``."""
    return f"{column} IN ({', '.join(repr(v) for v in values)})"
