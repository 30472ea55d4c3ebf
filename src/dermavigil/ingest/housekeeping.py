"""``dermavigil store gc``: remove what failed or killed imports left in the store.

A failed import cleans up after itself; one killed (``kill -9``, power loss)
cannot, and leaves, per source:

- in ``sources/<source>/``: generation folders ``CURRENT`` does not name, a
  ``CURRENT.tmp``, or the whole folder when no generation ever went live
  (:func:`dermavigil.store.maintenance.stale_generations`);
- in ``staging/<source>/``: unfinished stages (``*.tmp``), DuckDB's spill
  folder, and stages that the live manifest does not list.

Each source is cleaned while holding its lock, so a running import is never
touched: a busy source is skipped and named. An old generation a reader still holds
(a signal run that opened the store before the switch, :mod:`dermavigil.store.snapshot`)
is left too, and named.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from dermavigil.errors import ConflictError
from dermavigil.ingest.runner import WORK, load_manifest
from dermavigil.settings import Settings
from dermavigil.store.lock import SourceLock
from dermavigil.store.maintenance import remove, size_of, source_dirs, stale_generations
from dermavigil.store.snapshot import remove_generation


@dataclass
class Collected:
    """What :func:`collect` removed (path, bytes, why) and which sources were busy."""

    removed: list[tuple[Path, int, str]] = field(default_factory=list)
    busy: list[str] = field(default_factory=list)

    @property
    def bytes_freed(self) -> int:
        return sum(n for _, n, _ in self.removed)


def leftovers(settings: Settings, source: str) -> list[tuple[Path, str]]:
    """What is safe to remove for ``source`` (call with its lock held)."""
    store_dir = settings.store_dir
    found = [(p, "generation never made live") for p in stale_generations(store_dir, source)]
    stage_root = store_dir / "staging" / source
    if stage_root.is_dir():
        live = {e["digest"] for e in load_manifest(store_dir, source)["inputs"].values()}
        for p in sorted(stage_root.iterdir()):
            if p.name == WORK:
                found.append((p, "spill folder of an interrupted build"))
            elif p.name.endswith(".tmp"):
                found.append((p, "unfinished stage"))
            elif p.name not in live:
                found.append((p, "stage not in the live manifest"))
    return found


def collect(settings: Settings) -> Collected:
    """Remove the leftovers of every source that no import is writing now."""
    store_dir = settings.store_dir
    names = {d.name for d in source_dirs(store_dir)}
    staging = store_dir / "staging"
    if staging.is_dir():
        names |= {d.name for d in staging.iterdir() if d.is_dir()}
    result = Collected()
    for source in sorted(names):
        try:
            with SourceLock(store_dir, source, "store gc"):
                for path, why in leftovers(settings, source):
                    size = size_of(path)
                    if path.name.startswith("gen-") and path.parent.name == source:
                        if not remove_generation(path):
                            result.busy.append(f"{path} is being read; left for the next gc")
                            continue
                    else:
                        remove(path)
                    result.removed.append((path, size, why))
        except ConflictError as exc:
            result.busy.append(exc.message)
    return result
