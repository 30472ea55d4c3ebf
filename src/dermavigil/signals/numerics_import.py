"""Import the scipy-backed signal modules without the numpy submodules scipy does not use.

scipy 1.17's ``scipy.special`` imports its vendored ``array_api_compat.numpy``, which
copies numpy's namespace (``from numpy import *`` and ``getattr`` over ``dir(numpy)``):
both name numpy's lazily loaded submodules, so the copy imports ``numpy.f2py``,
``numpy.testing`` (with ``unittest``, ``email``, ``importlib.metadata``), ``numpy.ma``,
``numpy.polynomial`` and more -- about 110 modules, 0.07 s of a signal run's
0.3 s of scipy import, none of them used by scipy.special or scipy.optimize.

:func:`import_lean` imports the given modules with those submodules (the ones not yet
imported) left out of ``numpy.__all__`` and ``dir(numpy)``, restores both, and then
gives the copied namespace a module ``__getattr__`` (PEP 562) that finds any name left
out on numpy, importing it on first use as ``numpy`` itself does: the namespace
answers the same names, only later. With another numpy or scipy (no
``__numpy_submodules__``, no copied namespace) it is a plain import.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from types import ModuleType

COPIED_NAMESPACE = "scipy._lib.array_api_compat.numpy"
"""The module of scipy's that copies numpy's namespace when scipy.special is imported."""


def import_lean(modules: Iterable[str]) -> None:
    """Import ``modules`` (which import scipy) without numpy's unused lazy submodules."""
    if COPIED_NAMESPACE in sys.modules:  # scipy's copy of numpy is made already
        for name in modules:
            importlib.import_module(name)
        return
    import numpy

    with _lazy_submodules_hidden(numpy) as hidden:
        for name in modules:
            importlib.import_module(name)
    copied = sys.modules.get(COPIED_NAMESPACE)
    if hidden and copied is not None:
        _forward_missing(copied, numpy, hidden)


@contextmanager
def _lazy_submodules_hidden(numpy: ModuleType) -> Iterator[frozenset[str]]:
    """``numpy.__all__`` and ``dir(numpy)`` without the lazy submodules not imported yet;
    yields their names (empty when this numpy has no such list: nothing changed)."""
    lazy = getattr(numpy, "__numpy_submodules__", None)
    original_dir = numpy.__dict__.get("__dir__")
    original_all = numpy.__dict__.get("__all__")
    if not lazy or original_dir is None or original_all is None:
        yield frozenset()
        return
    hidden = frozenset(n for n in lazy if f"numpy.{n}" not in sys.modules)

    def lean_dir() -> list[str]:
        return [n for n in original_dir() if n not in hidden]

    numpy.__dir__ = lean_dir
    numpy.__all__ = [n for n in original_all if n not in hidden]
    try:
        yield hidden
    finally:
        numpy.__dir__ = original_dir
        numpy.__all__ = original_all


def _forward_missing(copied: ModuleType, numpy: ModuleType, hidden: frozenset[str]) -> None:
    """Let ``copied`` answer the ``hidden`` names as numpy does (imported on first use)."""
    if "__getattr__" in copied.__dict__:
        return

    def __getattr__(name: str) -> object:
        if name in hidden:
            value = getattr(numpy, name)
            setattr(copied, name, value)
            return value
        raise AttributeError(f"module {copied.__name__!r} has no attribute {name!r}")

    copied.__getattr__ = __getattr__  # type: ignore[method-assign]
    names = getattr(copied, "__all__", None)
    if isinstance(names, list):
        names.extend(sorted(hidden - set(names)))
