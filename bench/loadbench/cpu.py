"""CPU seconds of a process tree, of PostgreSQL and of this process, read from Linux
``/proc`` (``bench/load.py`` reports CPU per request, the figure that carries over on a
shared machine)."""

from __future__ import annotations

import os
import resource
from pathlib import Path

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def proc_table() -> dict[int, tuple[int, str, float]]:
    """pid -> (parent pid, command name, CPU seconds user + system) from /proc."""
    table = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # the process ended meanwhile
            continue
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2 :].split()
        cpu = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
        table[int(entry.name)] = (int(fields[1]), name, cpu)
    return table


def tree(root: int, table: dict[int, tuple[int, str, float]] | None = None) -> set[int]:
    """``root`` and its descendants."""
    table = table if table is not None else proc_table()
    found, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, (ppid, _, _) in table.items() if ppid == parent]
        found.update(children)
        frontier.extend(children)
    return found


def tree_cpu(root: int) -> float:
    """CPU seconds used so far by ``root`` and its descendants (Linux /proc)."""
    table = proc_table()
    return sum(table[pid][2] for pid in tree(root, table) if pid in table)


def postgres_cpu() -> float:
    """CPU seconds used so far by every process named ``postgres`` on this machine."""
    return sum(cpu for _, name, cpu in proc_table().values() if name == "postgres")


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
