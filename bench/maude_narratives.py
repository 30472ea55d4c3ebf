"""Score the reactions coded from MAUDE narratives against hand annotations.

Usage: ``.venv/bin/python bench/maude_narratives.py [--verbose]``

Reads ``bench/data/maude_narrative_annotations.yaml`` (68 real MAUDE event descriptions:
keys and annotated reactions only; 52 ``dev``, read while the rules were written, and 16
``held_out``, annotated afterwards), takes each narrative's text from
``../shared/data/maude_samples/general_real_samples`` (or ``DERMAVIGIL_SHARED_DATA``),
runs :func:`dermavigil.ingest.maude_narratives.narrative_reactions` (the literature
extractor, HPO-coded) and prints micro precision and recall of the reactions: a predicted
reaction matches a gold one with the same HPO code (gold terms coded with
:func:`dermavigil.terminology.code_phrase`), or the same folded wording when the gold term
has no code. Figures are printed per split and for all. ``--verbose`` prints each dev
narrative's gold and predicted reactions (no text; held-out ones are scored, never shown).
"""

from __future__ import annotations

import csv
import os
import platform
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from dermavigil.ingest.maude_narratives import narrative_reactions  # noqa: E402
from dermavigil.terminology import code_phrase  # noqa: E402
from dermavigil.terminology.normalize import normalize  # noqa: E402

ANNOTATIONS = ROOT / "bench" / "data" / "maude_narrative_annotations.yaml"


def _data_dir() -> Path:
    return Path(os.environ.get("DERMAVIGIL_SHARED_DATA", ROOT.parent / "shared" / "data"))


def _texts(sources: dict[str, str]) -> dict[tuple[str, str], str]:
    """(source, text key) -> narrative, read from the shared data folder."""
    data = _data_dir()
    out: dict[tuple[str, str], str] = {}
    hernia = data / sources["hernia"]
    csv.field_size_limit(10**9)
    with open(hernia, encoding="utf-8", errors="replace", newline="") as fh:
        for row in csv.DictReader(fh):
            out.setdefault(("hernia", row["MDR_TEXT_KEY"]), row.get("FOI_TEXT") or "")
    with open(data / sources["foitext2007"], encoding="latin-1") as fh:
        for line in fh:
            fields = line.rstrip("\r\n").split("|")
            if len(fields) >= 6:
                out.setdefault(("foitext2007", fields[1]), "|".join(fields[5:]))
    return out


def _gold_key(term: str) -> str:
    codes = code_phrase(term)
    return codes[0].code if codes else f"text:{normalize(term)}"


def _predicted_keys(text: str) -> tuple[set[str], list[str]]:
    keys, shown = set(), []
    for reaction in narrative_reactions(text):
        keys.add(reaction.code or f"text:{normalize(reaction.verbatim)}")
        keys.add(f"text:{normalize(reaction.verbatim)}")
        shown.append(f"{reaction.verbatim} [{reaction.code or '-'}]")
    return keys, shown


def main(verbose: bool = False) -> None:
    doc = yaml.safe_load(ANNOTATIONS.read_text(encoding="utf-8"))
    try:
        texts = _texts(doc["sources"])
    except OSError as exc:
        print(f"the MAUDE samples are not at hand ({exc}); nothing scored")
        return
    counts = {split: [0, 0, 0, 0] for split in ("dev", "held_out")}  # tp, fp, fn, narratives
    missing = 0
    started = time.perf_counter()
    for item in doc["narratives"]:
        split = item.get("split", "dev")
        text = texts.get((item["source"], item["text_key"]))
        if text is None:
            missing += 1
            continue
        gold = {_gold_key(t): t for t in item["reactions"]}
        predicted, shown = _predicted_keys(text)
        hits = {k for k in gold if k in predicted}
        wrong = [
            s for s, r in zip(shown, narrative_reactions(text), strict=True)
            if (r.code or f"text:{normalize(r.verbatim)}") not in gold
            and f"text:{normalize(r.verbatim)}" not in gold
        ]  # fmt: skip
        c = counts[split]
        c[0] += len(hits)
        c[1] += len(wrong)
        c[2] += len(gold) - len(hits)
        c[3] += 1
        if verbose and split == "dev":
            print(f"{item['source']}:{item['key']}  gold={sorted(gold.values())}  got={shown}")
    elapsed = time.perf_counter() - started
    machine = f"{platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    print(f"machine: {machine}")
    print(f"missing texts: {missing}; {elapsed:.1f} s incl. HPO index load")
    counts["all"] = [sum(c[i] for c in counts.values()) for i in range(4)]
    for split, (tp, fp, fn, n) in counts.items():
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(
            f"{split:9s} narratives {n:3d}  gold {tp + fn:3d}  predicted {tp + fp:3d}  "
            f"precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}  "
            f"(TP {tp}, FP {fp}, FN {fn})"
        )


if __name__ == "__main__":
    main(verbose="--verbose" in sys.argv[1:])
