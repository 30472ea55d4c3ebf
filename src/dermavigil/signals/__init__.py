"""Signal detection: disproportionality (PRR, ROR, IC, EBGM) over the analytic store.

The public API; the modules hold the parts (``counts`` SQL, ``stats`` and
``mgps``/``posterior`` numerics, ``criteria``, ``detect`` glue, ``output``).
"""

from dermavigil.signals.criteria import Criteria
from dermavigil.signals.detect import (
    METHODS,
    SignalRequest,
    SignalResult,
    detect,
    detect_file,
    detect_store,
)
from dermavigil.signals.mgps import Prior, fit_prior

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
