"""CPU time and peak memory of this process and every process it started (Linux ``/proc``).

A Spark run's work is done in a JVM that PySpark starts as a child (``spark-submit``, then
``java``): ``getrusage(RUSAGE_SELF)`` counts the Python driver only, and
``RUSAGE_CHILDREN`` only children that have ended and been waited for, while the JVM lives
until the process ends. So the live descendants are read from ``/proc/<pid>/stat``
(``utime``, ``stime``: fields 14 and 15, in clock ticks; proc(5)) and ``/proc/<pid>/status``
(``VmHWM``, the peak resident set). A DuckDB run has no child: the figures are its own.
"""

from __future__ import annotations

import os
import resource
from pathlib import Path

_TICK = os.sysconf("SC_CLK_TCK")


def _parents() -> dict[int, int]:
    """Each live process's parent id."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # the command name (field 2) may hold spaces: fields follow its closing bracket
        fields = stat[stat.rindex(")") + 2 :].split()
        parents[int(entry.name)] = int(fields[1])
    return parents


def descendants(pid: int | None = None) -> list[int]:
    """The live processes started by ``pid`` (default: this one), at any depth."""
    root = os.getpid() if pid is None else pid
    parents = _parents()
    found, frontier = [], [root]
    while frontier:
        children = [p for p, parent in parents.items() if parent in frontier]
        found.extend(children)
        frontier = children
    return found


def _child_cpu_s(pid: int) -> float:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = stat[stat.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / _TICK


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
    live = sum(_child_cpu_s(p) for p in descendants())
    return own.ru_utime + own.ru_stime + ended.ru_utime + ended.ru_stime + live


def tree_peak_rss_mib() -> float:
    """This process's peak resident set plus each live descendant's (MiB): an upper bound of
    the tree's peak, each process's peak counted whenever it came."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return own + sum(_child_peak_mib(p) for p in descendants())
