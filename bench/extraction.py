"""Score literature extraction field by field, on real abstracts and on our own texts, and time it.

Usage: ``.venv/bin/python bench/extraction.py [--verbose] [--no-cold] [--dev] [--only PREFIX]``

``--dev`` scores the real dev split only (for tuning rounds). ``--only PREFIX``
scores only the real abstracts whose id starts with PREFIX (``--only r1``: the
second batch, r100-r199; ``--only r0,r1,r2``: several batches together), each
split apart as usual.

1. **Real published abstracts** (``bench/data/literature_real.jsonl``, texts
   cached in ``.cache/literature/``, see ``bench/literature_cache.py``):
   scored separately for the ``dev`` and the ``held_out`` split with
   :func:`dermavigil.literature.realscore.score_real`. Without the cache the
   bench says so and skips this part. ``--verbose`` prints, for **dev
   abstracts only**, what was extracted next to the annotation; held-out
   abstracts are scored, never shown (rules are tuned on dev only).
   Each accuracy is printed with its Wilson 95% interval, the reactions' precision
   and recall with a bootstrap one over abstracts: a blind round scores
   route approval or a stated onset on 15-30 abstracts, so a target is met only
   when the interval says so, not the point alone.
2. **Our own texts** (``tests/data/literature/*.txt`` + gold ``*.json``,
   split by name: ``h*`` texts are held out) with :func:`dermavigil.literature.scoring.score`.
   Each abstract is also screened as a bibliographic record (first line the title,
   the rest the abstract) with :func:`dermavigil.literature.screen.screen_record`:
   case reports and series should be kept, the annotated no-case abstracts (reviews,
   studies, guidelines about injected products: the hard negatives of a literature
   search) screened out.
3. **Speed**: per abstract in a batch (one process, every real and own text
   extracted 3 times after a first warm-up call), the first call in the
   process (loads the HPO index), and one cold ``dermavigil extract FILE``
   process (wall clock and CPU, best of 3) with bytecode, with the package compiled
   from source and with nothing compiled (``--no-cold`` skips it).
"""

from __future__ import annotations

import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from literature_cache import annotations, cache_dir, cached_text, status  # noqa: E402

from dermavigil.literature.biblio import Record  # noqa: E402
from dermavigil.literature.kindscore import score_by_kind  # noqa: E402
from dermavigil.literature.realscore import draft_view, score_real  # noqa: E402
from dermavigil.literature.scoring import ListScore, SingleScore, facts_of, score  # noqa: E402
from dermavigil.literature.screen import screen_record  # noqa: E402
from dermavigil.literature.service import draft_from_text  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
OWN = ROOT / "tests" / "data" / "literature"
TARGETS = {
    "reactions": "R >= 0.85 at P >= 0.85",
    "reactions_strict": "R >= 0.85 at P >= 0.85",
    "treatments": "F1 >= 0.8",
    "body_sites": "F1 >= 0.8",
    "histopathology": "F1 >= 0.8",
    "product_found": ">= 0.9",
    "category": ">= 0.9",
    "route_approval": ">= 0.85",
    "serious": ">= 0.9",
    "outcome": ">= 0.85",
    "onset_stated": ">= 0.85",
    "rechallenge": ">= 0.9",
    "dechallenge": ">= 0.9",
}


def _fmt(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:5.2f}"


def _print_scores(title: str, scores: dict, count: int, targets: dict | None = None) -> None:
    print(f"\n== {title}: {count} texts ==")
    print(f"{'field':16} {'P':>5} {'R':>5} {'F1':>5}   (tp/fp/fn)   | accuracy      target")
    for name, entry in scores.items():
        target = (targets or {}).get(name, "")
        if isinstance(entry, ListScore):
            print(
                f"{name:16} {_fmt(entry.precision)} {_fmt(entry.recall)} {_fmt(entry.f1)}"
                f"   ({entry.tp}/{entry.fp}/{entry.fn}){'':>4} |{'':14}{target}"
            )
        else:
            print(
                f"{name:16} {'':>17}   {'':>12} | "
                f"{f'{_fmt(entry.accuracy)} ({entry.correct}/{entry.total})':16}"
                f"{target:12}{_interval(entry)}"
            )


def _reaction_intervals(pairs: list[tuple[dict, dict]]) -> str:
    """Percentile bootstrap 95% intervals of the reactions' precision and recall, abstracts
    resampled with replacement (Efron & Tibshirani 1993, ch. 13; scipy's ``bootstrap``, 2,000
    resamples, fixed seed): the micro-averaged ratios move with which abstracts were drawn."""
    import numpy as np
    from scipy.stats import bootstrap

    counts = []
    for pair in pairs:
        entry = score_real([pair])["reactions"]
        assert isinstance(entry, ListScore)
        counts.append((entry.tp, entry.fp, entry.fn))
    tp, fp, fn = (np.array(column, dtype=float) for column in zip(*counts, strict=True))

    def ratio(a: np.ndarray, b: np.ndarray, axis: int = -1) -> np.ndarray:
        return a.sum(axis=axis) / np.maximum(a.sum(axis=axis) + b.sum(axis=axis), 1)

    out = []
    for name, other in (("P", fp), ("R", fn)):
        found = bootstrap(
            (tp, other),
            ratio,
            paired=True,
            vectorized=True,
            n_resamples=2000,
            method="percentile",
            random_state=np.random.default_rng(0),
        ).confidence_interval
        out.append(f"{name} {found.low:.2f}-{found.high:.2f}")
    return f"reactions 95% bootstrap interval over abstracts: {', '.join(out)}"


def _interval(entry: SingleScore) -> str:
    """The Wilson score 95% interval of an accuracy (Wilson 1927, J Am Stat Assoc 22:209-212;
    scipy's ``binomtest(...).proportion_ci(method="wilson")``): a held-out field scored on
    16 or 21 abstracts is known to within about +-0.2."""
    if not entry.total:
        return ""
    from scipy.stats import binomtest

    low, high = binomtest(entry.correct, entry.total).proportion_ci(0.95, method="wilson")
    return f"95% CI {low:.2f}-{high:.2f}"


def _real(verbose: bool) -> list[str]:
    same, changed, missing = status()
    if not same and not changed:
        print(
            f"\n== real abstracts: cache {cache_dir()} is empty - not scored ==\n"
            "   rebuild it with bench/literature_cache.py (queries in "
            "bench/data/literature_real.jsonl)"
        )
        return []
    if changed or missing:
        print(
            f"\nnote: {len(changed)} cached texts differ from the annotated ones and "
            f"{len(missing)} are missing; figures are not comparable with committed ones"
        )
    texts = []
    parts = ("dev",) if "--dev" in sys.argv else ("dev", "held_out")
    prefixes = (
        tuple(sys.argv[sys.argv.index("--only") + 1].split(",")) if "--only" in sys.argv else ("",)
    )
    for part in parts:
        pairs = []
        verdicts = []  # each abstract screened in (relevant) or out
        kept = {True: [0, 0], False: [0, 0]}  # a report? -> [kept, total]
        cited = [0, 0, 0]  # year given, year in the annotated citation, journal given
        for item in annotations():
            if (
                item["split"] != part
                or not item["id"].startswith(prefixes)
                or item.get("duplicate_of")  # one article collected twice: scored once
            ):
                continue
            text = cached_text(item)
            if text is None:
                continue
            texts.append(text)
            draft, _ = draft_from_text(text)
            view = draft_view(draft)
            pairs.append((view, item["gold"]))
            title, _, abstract = text.strip().partition("\n")
            report = item["gold"]["kind"] != "no_case"
            verdicts.append(screen_record(Record(title=title, abstract=abstract)).relevant)
            kept[report][0] += verdicts[-1]
            kept[report][1] += 1
            own = draft.case["report"].get("literature", {})
            cited[0] += "year" in own
            cited[1] += "year" in own and str(own["year"]) in item["citation"]
            cited[2] += "journal" in own
            if verbose and part == "dev":
                _explain(item, view)
        _print_scores(f"real {part}", score_real(pairs), len(pairs), TARGETS)
        if len(pairs) > 1:
            print(_reaction_intervals(pairs))
        print("by annotated kind:")
        for kind, entry in score_by_kind(pairs, verdicts).items():
            print(f"  {entry.line(kind)}")
        (tp, reports), (fp, others) = kept[True], kept[False]
        print(
            f"screening: case reports and series kept {tp}/{reports}"
            f" (recall {_fmt(tp / reports if reports else None)}), no-case abstracts kept"
            f" {fp}/{others} (precision {_fmt(tp / (tp + fp) if tp + fp else None)})"
        )
        print(
            f"reference read from the text: year {cited[0]}/{len(pairs)} ({cited[1]} as in the"
            f" annotated citation), journal {cited[2]}/{len(pairs)}"
        )
    return texts


def _explain(item: dict, view: dict) -> None:
    gold = item["gold"]
    print(f"\n-- {item['id']} [{gold['kind']}] {item['citation'][:80]}")
    shown = {
        "reactions": (view["reaction_verbatims"], gold["reactions"]),
        "treatments": (view["treatments"], gold["treatments"]),
        "sites": (view["body_sites"], gold["sites"]),
        "histo": (view["histopathology_text"], gold["histopathology"]),
        "products": (view["products"], [(p["name"], p["category"]) for p in gold["products"]]),
        "approval": (view["route_approval"], gold["approved"]),
        "serious": (view["serious"], gold["serious"]),
        "outcome": (view["outcome"], gold["outcome"]),
        "onset": (view["onset_days"], gold["onset_days"]),
        "rechallenge": (view["rechallenge"], gold["rechallenge"]),
        "dechallenge": (view["dechallenge"], gold["dechallenge"]),
        "age/sex": ((view["age"], view["sex"]), (gold["age"], gold["sex"])),
        "series": ((view["is_series"], view["patients"]), (gold["kind"], gold["patients"])),
        "partial": (view["partial"], gold["partial"]),
    }
    for name, (got, want) in shown.items():
        print(f"   {name:11} got {got!r}\n   {'':11} want {want!r}")


def _own() -> list[str]:
    names = sorted(path.stem for path in OWN.glob("*.txt"))
    split = {
        "dev": [name for name in names if not name.startswith("h")],
        "held_out": [name for name in names if name.startswith("h")],
    }
    texts = []
    for part in ("dev", "held_out"):
        pairs = []
        for name in split[part]:
            text = (OWN / f"{name}.txt").read_text(encoding="utf-8")
            texts.append(text)
            draft, _ = draft_from_text(text)
            pairs.append((facts_of(draft), json.loads((OWN / f"{name}.json").read_text())))
        _print_scores(f"own texts {part}", score(pairs), len(pairs))
    return texts


COLD_STATES = {
    "bytecode": "with bytecode (as installed: .pyc written by an untimed first run)",
    "package_source": "dermavigil compiled from source (the libraries' bytecode kept)",
    "no_bytecode": "no bytecode at all (standard library and libraries compiled too)",
}
"""The bytecode states of a cold process: an installed package's (pip compiles its ``.pyc``
at install), this repository's editable install under ``PYTHONDONTWRITEBYTECODE`` (every
dermavigil module compiled from its source in each process), and nothing compiled at all."""


def _cold(path: Path) -> tuple[dict[str, tuple[float, float]], float]:
    """Cold ``dermavigil extract FILE --json`` processes in each of :data:`COLD_STATES`, best of
    3 (wall s, CPU s) each, the states interleaved round by round; and the best wall s of a bare
    ``python -c pass`` in the same rounds, the machine-load reference. Bytecode is read from
    and written to a throwaway ``PYTHONPYCACHEPREFIX`` only (the ``__pycache__`` folders of the
    source tree are never read), filled by one untimed process."""
    exe = Path(sys.executable).with_name("dermavigil")
    command = [str(exe), "extract", str(path), "--json"]
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), PYTHONDONTWRITEBYTECODE="1")

    def run(args: list[str], prefix: Path | None = None) -> tuple[float, float]:
        run_env = env if prefix is None else dict(env, PYTHONPYCACHEPREFIX=str(prefix))
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(args, env=run_env, capture_output=True, check=False)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

    with tempfile.TemporaryDirectory(prefix="dermavigil-pyc-") as scratch:
        prefixes = {state: Path(scratch, state) for state in COLD_STATES}
        written = dict(env, PYTHONPYCACHEPREFIX=str(prefixes["bytecode"]))
        del written["PYTHONDONTWRITEBYTECODE"]
        subprocess.run(command, env=written, capture_output=True, check=False)
        shutil.copytree(prefixes["bytecode"], prefixes["package_source"])
        package = (ROOT / "src" / "dermavigil").resolve()
        shutil.rmtree(prefixes["package_source"].joinpath(*package.parts[1:]), ignore_errors=True)
        prefixes["no_bytecode"].mkdir()
        runs: dict[str, list[tuple[float, float]]] = {state: [] for state in COLD_STATES}
        bare = []
        for _ in range(3):
            for state, prefix in prefixes.items():
                runs[state].append(run(command, prefix))
            bare.append(run([sys.executable, "-c", "pass"])[0])
    return {state: min(found) for state, found in runs.items()}, min(bare)


def main() -> None:
    verbose = "--verbose" in sys.argv
    start = time.perf_counter()
    draft_from_text("Warm-up title\nA 40-year-old woman had erythema after a filler injection.")
    first = time.perf_counter() - start
    texts = _real(verbose) + _own()
    timings = []
    for _ in range(3):
        for text in texts:
            start = time.perf_counter()
            draft_from_text(text)
            timings.append(time.perf_counter() - start)
    print(f"\nfirst call in a process (loads the HPO index): {first:.3f} s")
    print(
        f"per abstract in a batch ({len(timings)} extractions): "
        f"mean {statistics.mean(timings) * 1000:.1f} ms, "
        f"median {statistics.median(timings) * 1000:.1f} ms, max {max(timings) * 1000:.1f} ms"
    )
    if "--no-cold" not in sys.argv:
        seed = OWN / "d01_seed_exosome.txt"
        states, bare = _cold(seed)
        print(f"cold 'dermavigil extract {seed.name} --json' process, best of 3 (target <= 1.5 s):")
        for state, (wall, cpu) in states.items():
            print(f"  {COLD_STATES[state]:66} {wall:.2f} s wall, {cpu:.2f} s CPU")
        print(f"  {'a bare python -c pass in the same rounds':66} {bare:.2f} s wall")
    print(
        f"machine: {platform.platform()}, {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}, load average "
        f"{os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()
