"""What an importer needs to know about one input before parsing it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dermavigil.ingest.files import Member


@dataclass(frozen=True)
class InputPlan:
    """One input: its unit label (e.g. ``2025Q4``), path and the members to read."""

    path: Path
    unit: str
    members: dict[str, Member]  # role in the input ("DEMO", "DATA", "file"...) -> member

    @property
    def member_names(self) -> list[str]:
        return [m.name for m in self.members.values()]
