"""The real-abstract development set: committed annotations, a local text cache.

Usage::

    python bench/literature_cache.py check          # which cached texts are present / changed
    python bench/literature_cache.py missing        # query, URL, DOI/PMID of each missing text
    python bench/literature_cache.py add ID [FILE]  # store a text (FILE or stdin) for annotation ID
    python bench/literature_cache.py recover ID FILE  # store the annotated part of a whole excerpt

Abstract texts are third-party sentences: they are never committed. The
annotations (``bench/data/literature_real.jsonl``, one JSON object a line:
id, split, citation, DOI, PMID, URL, the search query that finds the text,
the SHA-256 of the cached text, and the gold facts; conventions in
``docs/annotation.md``) are. The texts live in ``.cache/literature/ID.txt``
(git-ignored; ``DERMAVIGIL_LITERATURE_CACHE`` moves it). They were taken from
the ``pages`` corpus of the project's search tool: run each recorded query,
take the result with the recorded URL, keep its excerpt from the title line
through the abstract (markup, hyphenation and truncation as they come) and
``add`` it; ``check`` then tells whether the text is byte-identical to the one
the committed figures were measured on. To rebuild a lost cache, save the
result's whole excerpt and ``recover`` it: the part (from a line's start) whose
digest is the annotated one is found and stored.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ANNOTATIONS = ROOT / "bench" / "data" / "literature_real.jsonl"


def cache_dir() -> Path:
    """Where the abstract texts are cached."""
    return Path(os.environ.get("DERMAVIGIL_LITERATURE_CACHE", ROOT / ".cache" / "literature"))


def annotations() -> list[dict]:
    """The committed annotations, in file order."""
    return [json.loads(line) for line in ANNOTATIONS.read_text(encoding="utf-8").splitlines()]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def annotated_span(excerpt: str, digest: str) -> str | None:
    """The part of ``excerpt`` whose digest is ``digest``: a run from the start of a line to
    any character, as it stands (later rounds stored the excerpt untrimmed) or stored as
    ``add`` stores it (stripped, one final newline)."""
    starts = [0] + [i + 1 for i, c in enumerate(excerpt) if c == "\n"]
    for start in starts:
        for end in range(start + 1, len(excerpt) + 1):
            text = excerpt[start:end]
            if _digest(text) == digest:
                return text
            trimmed = text.strip() + "\n"
            if _digest(trimmed) == digest:
                return trimmed
    return None


def _item(ident: str) -> dict | None:
    item = next((i for i in annotations() if i["id"] == ident), None)
    if item is None:
        print(f"no annotation {ident!r} in {ANNOTATIONS}", file=sys.stderr)
    return item


def _store(item: dict, text: str) -> None:
    cache_dir().mkdir(parents=True, exist_ok=True)
    (cache_dir() / f"{item['id']}.txt").write_text(text, encoding="utf-8")


def cached_text(item: dict) -> str | None:
    """The cached text of an annotation, or None when it is missing."""
    path = cache_dir() / f"{item['id']}.txt"
    return path.read_text(encoding="utf-8") if path.is_file() else None


def status() -> tuple[list[dict], list[dict], list[dict]]:
    """(present and identical, present but changed, missing) annotations."""
    same, changed, missing = [], [], []
    for item in annotations():
        text = cached_text(item)
        if text is None:
            missing.append(item)
        elif _digest(text) == item["sha256"]:
            same.append(item)
        else:
            changed.append(item)
    return same, changed, missing


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "check":
        same, changed, missing = status()
        print(
            f"{len(same)} cached texts identical, {len(changed)} changed, {len(missing)} missing "
            f"(cache: {cache_dir()})"
        )
        for item in changed:
            print(f"  changed: {item['id']} {item['citation'][:70]}")
        return 0 if not changed and not missing else 1
    if command == "missing":
        for item in status()[2]:
            ident = item.get("doi") or item.get("pmid") or ""
            print(f"{item['id']}\tquery: {item['query']}\n\turl: {item['url']}\n\t{ident}")
        return 0
    if command == "recover" and len(argv) == 3:
        item = _item(argv[1])
        if item is None:
            return 2
        text = annotated_span(Path(argv[2]).read_text(encoding="utf-8"), item["sha256"])
        if text is None:
            print(f"{item['id']}: no part of {argv[2]} is the annotated text")
            return 1
        _store(item, text)
        print(f"stored {item['id']}: identical to the annotated text")
        return 0
    if command == "add" and len(argv) >= 2:
        item = _item(argv[1])
        if item is None:
            return 2
        text = Path(argv[2]).read_text(encoding="utf-8") if len(argv) > 2 else sys.stdin.read()
        text = text.strip() + "\n"
        _store(item, text)
        same = _digest(text) == item["sha256"]
        print(
            f"stored {item['id']}: {'identical to' if same else 'DIFFERS from'} the annotated text"
        )
        return 0 if same else 1
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
