"""Signal detection: disproportionality (PRR, ROR, IC, EBGM) over the analytic store.

The public API; the modules hold the parts (``counts`` SQL, ``stats`` and
``mgps``/``posterior`` numerics, ``criteria``, ``detect`` glue, ``output``).
The names below load their module on first use (PEP 562), so importing
``dermavigil.signals`` (e.g. for :data:`METHODS`) pulls in neither numpy nor scipy.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

METHODS = ("prr", "ror", "ic", "ebgm")
"""The measures ``--method`` accepts, in output order."""

_LAZY = {
    "Criteria": "dermavigil.signals.criteria",
    "SignalRequest": "dermavigil.signals.detect",
    "SignalResult": "dermavigil.signals.detect",
    "detect": "dermavigil.signals.detect",
    "detect_file": "dermavigil.signals.detect",
    "detect_store": "dermavigil.signals.detect",
    "Prior": "dermavigil.signals.mgps",
    "fit_prior": "dermavigil.signals.mgps",
}

if TYPE_CHECKING:
    from dermavigil.signals.criteria import Criteria
    from dermavigil.signals.detect import (
        SignalRequest,
        SignalResult,
        detect,
        detect_file,
        detect_store,
    )
    from dermavigil.signals.mgps import Prior, fit_prior


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'dermavigil.signals' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


__all__ = [
    "METHODS",
    "Criteria",
    "Prior",
    "SignalRequest",
    "SignalResult",
    "detect",
    "detect_file",
    "detect_store",
    "fit_prior",
]
