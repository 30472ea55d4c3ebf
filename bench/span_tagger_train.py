"""Rebuild the span tagger's model from the annotated dev abstracts (issue 10).

Usage: ``DERMAVIGIL_LITERATURE_CACHE=DIR .venv/bin/python bench/span_tagger_train.py
[--c1 C1] [--c2 C2] [--iterations N] [--out PATH]``

Reads ``bench/data/literature_real.jsonl`` and the cached texts (``bench/literature_cache.py``),
keeps the ``dev`` items only (a held-out item is refused by
:func:`span_tagger.training.training_sequences`, and none is offered), prints how
many gold terms of each field were located in their texts, trains the CRF
(:func:`span_tagger.training.train`; c1/c2 chosen by
``bench/span_tagger_loro.py``) and writes it to ``--out`` (default
``.cache/span_tagger.crfsuite``, git-ignored: the model is not shipped, ``docs/design-notes.md``,
"No learned span tagger"), printing its provenance line (ids, count, date, settings, digest,
command). Deterministic: the same cache gives the same model bytes.
"""

from __future__ import annotations

import datetime
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from literature_cache import annotations, cached_text  # noqa: E402
from span_tagger.training import train, training_sequences  # noqa: E402

C1, C2, ITERATIONS = 0.3, 0.01, 100
"""The best of c1 0.03 / 0.1 / 0.3 (c2 0.01, 100 iterations) by leave-one-round-out on dev
(``bench/span_tagger_loro.py``), by a hair: every one added nothing on most rounds."""


def _arg(name: str, default: str) -> str:
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def main() -> None:
    c1 = float(_arg("--c1", str(C1)))
    c2 = float(_arg("--c2", str(C2)))
    iterations = int(_arg("--iterations", str(ITERATIONS)))
    out = Path(_arg("--out", str(ROOT / ".cache" / "span_tagger.crfsuite")))
    items = []
    for item in annotations():
        if item["split"] != "dev" or item.get("duplicate_of"):
            continue
        text = cached_text(item)
        if text is not None:
            items.append((item, text))
    if not items:
        sys.exit("no cached dev texts: set DERMAVIGIL_LITERATURE_CACHE")
    sequences, located = training_sequences(items)
    print(f"{len(items)} dev abstracts, {len(sequences)} sentences; gold terms located:")
    print("\n".join(f"  {line}" for line in located.lines()))
    out.parent.mkdir(parents=True, exist_ok=True)
    train(sequences, str(out), c1, c2, iterations)
    digest = hashlib.sha256(out.read_bytes()).hexdigest()[:16]
    ids = sorted(item["id"] for item, _ in items)
    print(f"wrote {out} ({out.stat().st_size} bytes, sha256 {digest}...)")
    print(
        f"provenance: CRF span tagger trained {datetime.date.today()} on the {len(items)} dev"
        f" abstracts of bench/data/literature_real.jsonl ({ids[0]}-{ids[-1]}, split == dev,"
        f" duplicates once; held-out items refused), c1={c1} c2={c2}, {iterations} iterations;"
        f" sha256 {digest}...; `python bench/span_tagger_train.py` with"
        " DERMAVIGIL_LITERATURE_CACHE set"
    )


if __name__ == "__main__":
    main()
