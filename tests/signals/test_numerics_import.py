"""The scipy-backed signal modules are imported without numpy's unused lazy submodules,
and numpy and scipy's copy of its namespace answer the same names afterwards."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import sys
import numpy
all_before, dir_before = list(numpy.__all__), sorted(dir(numpy))
from dermavigil.signals.detect import import_numerics
import_numerics()
from dermavigil.signals import mgps, posterior, stats  # imported by import_numerics
assert list(numpy.__all__) == all_before, "numpy.__all__ not restored"
assert sorted(dir(numpy)) == dir_before, "dir(numpy) not restored"
left_out = [m for m in ("numpy.f2py", "numpy.testing", "numpy.ma", "numpy.polynomial")
            if m in sys.modules]
assert not left_out, left_out
from scipy._lib.array_api_compat import numpy as copied
assert "testing" in dir(copied)
assert copied.testing is numpy.testing  # imported on first use, as numpy does
assert copied.ma is numpy.ma and copied.f2py is numpy.f2py
assert copied.float64 is numpy.float64
try:
    copied.no_such_name
except AttributeError:
    pass
else:
    raise AssertionError("unknown names must still raise AttributeError")
from scipy.optimize import minimize
from scipy.special import gammaincinv
assert abs(float(gammaincinv(2.0, 0.5)) - 1.6783469900166608) < 1e-12
print("ok")
"""


def test_import_numerics_leaves_out_unused_numpy_submodules_and_restores_numpy() -> None:
    # a fresh interpreter: this test process may have imported scipy already
    done = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_import_lean_is_a_plain_import_once_scipy_copied_numpy() -> None:
    import scipy.special  # noqa: F401  (the copy exists from here on)

    from dermavigil.signals.numerics_import import import_lean

    import_lean(["dermavigil.signals.stats"])
    assert "dermavigil.signals.stats" in sys.modules
