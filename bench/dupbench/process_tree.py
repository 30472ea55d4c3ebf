"""CPU time and peak memory of this process and every process it started (Linux ``/proc``).

A Spark run's work is done in a JVM that PySpark starts as a child (``spark-submit``, then
``java``): ``getrusage(RUSAGE_SELF)`` counts the Python driver only, and
``RUSAGE_CHILDREN`` only children that have ended and been waited for, while the JVM lives
until the process ends. So the live descendants are read from ``/proc/<pid>/stat``
(``utime``, ``stime``: fields 14 and 15, in clock ticks; proc(5)) and ``/proc/<pid>/status``
(``VmHWM``, the peak resident set); the process table is :mod:`loadbench.cpu`'s. A DuckDB
run has no child: the figures are its own.
"""

from __future__ import annotations

import os
import resource
from pathlib import Path

from loadbench.cpu import proc_table, tree


def _live_descendants() -> tuple[dict[int, tuple[int, str, float]], set[int]]:
    """The process table and this process's live descendants, at any depth."""
    table = proc_table()
    me = os.getpid()
    return table, tree(me, table) - {me}


def _child_peak_mib(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def tree_cpu_s() -> float:
    """User and system CPU seconds of this process (all threads), of its children that
    ended, and of its live descendants."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    ended = resource.getrusage(resource.RUSAGE_CHILDREN)
    table, live = _live_descendants()
    live_cpu = sum(table[pid][2] for pid in live if pid in table)
    return own.ru_utime + own.ru_stime + ended.ru_utime + ended.ru_stime + live_cpu


def tree_peak_rss_mib() -> float:
    """This process's peak resident set plus each live descendant's (MiB): an upper bound of
    the tree's peak, each process's peak counted whenever it came."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    _, live = _live_descendants()
    return own + sum(_child_peak_mib(pid) for pid in live)
