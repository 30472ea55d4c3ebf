"""The registry's whole schema: every table module, registered on the one ``Base``.

Importing a table module registers its tables on :data:`metadata`; this module imports
them all, so that Alembic (``migrations/env.py``) and the tests compare the migrations
with every declared table.
"""

from __future__ import annotations

from dermavigil.registry import (  # noqa: F401 -- imported to register their tables
    account_tables,
    literature_tables,
    product_tables,
    security_tables,
    signal_tables,
    tables,
)
from dermavigil.registry.table_base import Base

metadata = Base.metadata
