"""What an importer needs to know about one input before parsing it, and how to find it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dermavigil.errors import InputError
from dermavigil.ingest.files import Member, members


@dataclass(frozen=True)
class InputPlan:
    """One input: its unit label (e.g. ``2025Q4``), path and the members to read."""

    path: Path
    unit: str
    members: dict[str, Member]  # role in the input ("DEMO", "DATA", "file"...) -> member

    @property
    def member_names(self) -> list[str]:
        return [m.name for m in self.members.values()]


def expand_inputs(path: Path, is_input: Callable[[Path], bool]) -> list[Path]:
    """A folder holding input files (zips, CSVs...) gives one input per file; else one input."""
    if path.is_dir():
        found = sorted(p for p in path.iterdir() if p.is_file() and is_input(p))
        if found:
            return found
    return [path]


def plan_single_file(path: Path, is_input: Callable[[str], bool], what: str) -> InputPlan:
    """An input that is one file; its unit is the file name."""
    found = [m for m in members(path) if is_input(m.basename.lower())]
    if len(found) != 1:
        raise InputError(f"{path}: {what}")
    return InputPlan(path=path, unit=path.name, members={"file": found[0]})


def plan_file_set(
    path: Path, pattern: re.Pattern[str], required: tuple[str, ...], what: str
) -> InputPlan:
    """An input of several files named ``pattern`` (groups ``kind`` and ``unit``).

    All files must share one unit (a quarter, a year) and every ``required``
    kind must be there; ``what`` describes the expected files for the error.
    """
    found: dict[str, Member] = {}
    units: set[str] = set()
    for m in members(path):
        match = pattern.match(m.basename)
        if not match:
            continue
        kind = match.group("kind").upper()
        if kind in found:
            raise InputError(f"{path}: two {kind} files ({found[kind].name}, {m.name})")
        found[kind] = m
        units.add(match.group("unit").upper())
    missing = [k for k in required if k not in found]
    if missing:
        raise InputError(f"{path}: no {', '.join(missing)} file; expected {what}")
    if len(units) != 1:
        raise InputError(f"{path}: files of several periods ({', '.join(sorted(units))})")
    return InputPlan(path=path, unit=units.pop(), members=found)
