"""Leave-one-round-out bench of the learned span tagger (issue 10): rounds the model did not see.

Usage: ``.venv/bin/python bench/span_tagger_loro.py [--c1 0.1,0.3] [--c2 0.01]
[--iterations 150] [--rounds r,s,t,u,v,w] [--cache PATH]``

For each dev round (the first letter of an id: r, s, t, u, v, w), a CRF
(:mod:`span_tagger.training`) is trained on the other rounds' dev abstracts and
tags the round's abstracts; each field is scored as ``bench/extraction.py`` scores it
(:func:`dermavigil.literature.realscore.score_real`) for the rules alone, the tagger alone and
the rules with the tagger's spans added under several policies (every span; spans above a
marginal probability; only spans in the case's own sentences; for reactions only spans the
HPO codes). A policy is chosen per field by the F1 pooled over the left-out rounds (strict F1
for reactions) and reported with the number of rounds it gains on. Only ``split == "dev"``
items are read (held-out items are never tagged, scored or printed). ``--cache PATH`` keeps
the rules' draft views and the labelled sequences between runs (a pickle; remove it after a
rule change). Every c1/c2 pair of the grid is run; the best pair by pooled F1 is printed.
"""

from __future__ import annotations

import pickle
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from literature_cache import annotations, cached_text  # noqa: E402
from span_tagger.additions import Policy, add_spans  # noqa: E402
from span_tagger.tagger import load_tagger, tag_sequences  # noqa: E402
from span_tagger.training import item_sequences, read_text, train  # noqa: E402

from dermavigil.literature.extract.sites import find_sites  # noqa: E402
from dermavigil.literature.realscore import draft_view, score_real  # noqa: E402
from dermavigil.literature.realscore_names import same_name  # noqa: E402
from dermavigil.literature.scoring import ListScore  # noqa: E402
from dermavigil.literature.service import draft_from_text  # noqa: E402
from dermavigil.terminology.coder import code_phrase  # noqa: E402

FIELDS = {
    "REACTION": ("reactions", "reactions_strict"),
    "TREATMENT": ("treatments",),
    "HISTO": ("histopathology",),
    "SITE": ("body_sites",),
}
POLICIES = [
    (f"{'case' if case else 'any'}>{p}{'+coded' if coded else ''}", Policy(p, case, coded))
    for case in (False, True)
    for p in (0.0, 0.5, 0.7, 0.9)
    for coded in (False, True)
]
"""(name, policy): only the case's sentences, least probability, reactions: only spans the HPO
codes; each applied to every field (the fields are scored apart)."""


def _arg(name: str, default: str) -> str:
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def _items() -> list[tuple[dict, str]]:
    out = []
    for item in annotations():
        if item["split"] != "dev" or item.get("duplicate_of"):
            continue  # held-out items are never read here
        text = cached_text(item)
        if text is not None:
            out.append((item, text))
    return out


def _prepare(items: list[tuple[dict, str]], cache: Path | None) -> dict:
    if cache and cache.exists():
        return pickle.loads(cache.read_bytes())
    data = {}
    for item, text in items:
        draft = draft_from_text(text)[0]
        data[item["id"]] = (draft, item_sequences(item, text), read_text(text)[0])
    if cache:
        cache.write_bytes(pickle.dumps(data))
    return data


def _with_spans(view: dict, spans: list, keep: bool) -> dict:
    """``view`` with the tagger's ``spans`` added (``keep``: the rules' own values stay)."""
    out = dict(view)
    if not keep:
        out.update(
            reaction_codes=[],
            reaction_verbatims=[],
            reaction_uncoded=[],
            treatments=[],
            body_sites=[],
            histopathology_codes=[],
            histopathology_text=[],
        )
    codes, verbatims, uncoded = set(out["reaction_codes"]), [*out["reaction_verbatims"]], []
    uncoded = [*out["reaction_uncoded"]]
    histo_codes, histo_text = set(out["histopathology_codes"]), [*out["histopathology_text"]]
    treatments, sites = [*out["treatments"]], set(out["body_sites"])
    for span in spans:
        if span.field == "REACTION":
            found = {c.code for c in code_phrase(span.text)}
            if not found and any(span.text.lower() in v.lower() for v in verbatims):
                continue
            codes |= found
            verbatims.append(span.text)
            if not found:
                uncoded.append(span.text)
        elif span.field == "HISTO":
            histo_codes |= {c.code for c in code_phrase(span.text)}
            histo_text.append(span.text)
        elif span.field == "TREATMENT":
            if not any(same_name(span.text, t) for t in treatments):
                treatments.append(span.text)
        elif span.field == "SITE":
            sites |= {name for name, _, _ in find_sites(span.text)} - {"injection site"}
    out.update(
        reaction_codes=sorted(codes),
        reaction_verbatims=verbatims,
        reaction_uncoded=uncoded,
        histopathology_codes=sorted(histo_codes),
        histopathology_text=histo_text,
        treatments=treatments,
        body_sites=sorted(sites),
    )
    return out


def _union(draft, spans: list, policy: Policy) -> dict:
    """The view of ``draft`` with the tagged ``spans`` ``policy`` keeps, added as the extractor
    adds them (:func:`span_tagger.additions.add_spans`)."""
    copy = draft.model_copy(deep=True)
    excluded = [tuple(e["span"]) for e in copy.excluded]
    add_spans(copy.case, copy.evidence, spans, excluded, {f: policy for f in FIELDS})
    return draft_view(copy)


def _prf(entry: ListScore) -> str:
    return f"{entry.precision or 0:.3f}/{entry.recall or 0:.3f}/{entry.f1 or 0:.3f}"


def _add(total: ListScore, entry: ListScore) -> None:
    total.tp += entry.tp
    total.fp += entry.fp
    total.fn += entry.fn


def _loro(data: dict, golds: dict, rounds: list[str], c1: float, c2: float, iterations: int):
    """Per round: {setting name: scores}; the settings are rules, tagger alone, and each
    policy's union."""
    results: dict[str, dict[str, dict]] = {}
    import pycrfsuite

    built = {
        k: [(pycrfsuite.ItemSequence(s.features), y) for s, y in v[1]] for k, v in data.items()
    }
    with tempfile.TemporaryDirectory(prefix="span-loro-") as folder:
        for held in rounds:
            start = time.perf_counter()
            training = [s for k, seqs in built.items() if k[0] != held for s in seqs]
            path = f"{folder}/{held}.crfsuite"
            train(training, path, c1, c2, iterations)
            tagger = load_tagger(path)
            tagged = {}
            for key, (_, seqs, text) in data.items():
                if key[0] == held:
                    tagged[key] = tag_sequences([s for s, _ in seqs], text, tagger)
            keys = sorted(tagged)
            views = {k: draft_view(data[k][0]) for k in keys}
            settings = {"rules": [(views[k], golds[k]) for k in keys]}
            settings["tagger"] = [(_with_spans(views[k], tagged[k], False), golds[k]) for k in keys]
            for name, policy in POLICIES:
                settings[f"union {name}"] = [
                    (_union(data[k][0], tagged[k], policy), golds[k]) for k in keys
                ]
            results[held] = {name: score_real(pairs) for name, pairs in settings.items()}
            print(
                f"  round {held}: {len(keys)} abstracts, trained on {len(training)} sentences"
                f" in {time.perf_counter() - start:.0f} s",
                flush=True,
            )
    return results


def _report(results: dict, rounds: list[str]) -> float:
    """Print the per-field tables; returns the pooled F1 summed over fields (best policies)."""
    settings = list(next(iter(results.values())))
    total_best = 0.0
    for fields in FIELDS.values():
        decide = fields[-1]
        pooled = {}
        for name in settings:
            entry = ListScore()
            for held in rounds:
                _add(entry, results[held][name][decide])
            pooled[name] = entry
        unions = [n for n in settings if n.startswith("union")] + ["rules"]
        best = max(unions, key=lambda n: (pooled[n].f1 or 0, n))
        total_best += max(pooled[best].f1 or 0, pooled["rules"].f1 or 0)
        for field in fields:
            print(f"\n{field}: P/R/F1 per left-out round")
            print(f"{'setting':24} " + " ".join(f"{r:>17}" for r in [*rounds, "pooled"]))
            for name in ["rules", "tagger", "union any>0.0", best]:
                cells = []
                entry = ListScore()
                for held in rounds:
                    got = results[held][name][field]
                    _add(entry, got)
                    cells.append(_prf(got))
                print(f"{name:24} " + " ".join(f"{c:>17}" for c in [*cells, _prf(entry)]))
        gains = sum(
            (results[h][best][decide].f1 or 0) > (results[h]["rules"][decide].f1 or 0)
            for h in rounds
        )
        print(f"best policy for {decide}: {best} (gains on {gains}/{len(rounds)} rounds)")
        ranked = sorted(unions, key=lambda n: -(pooled[n].f1 or 0))[:5]
        print("  top policies by pooled F1: " + ", ".join(f"{n} {_prf(pooled[n])}" for n in ranked))
    return total_best


def main() -> None:
    rounds = _arg("--rounds", "r,s,t,u,v,w").split(",")
    cache = Path(_arg("--cache", "")) if "--cache" in sys.argv else None
    iterations = int(_arg("--iterations", "150"))
    items = _items()
    golds = {item["id"]: item["gold"] for item, _ in items}
    start = time.perf_counter()
    data = _prepare(items, cache)
    print(f"{len(data)} dev abstracts prepared in {time.perf_counter() - start:.0f} s")
    best = None
    for c1 in map(float, _arg("--c1", "0.1").split(",")):
        for c2 in map(float, _arg("--c2", "0.01").split(",")):
            print(f"\n=== c1={c1} c2={c2}, {iterations} iterations ===")
            results = _loro(data, golds, rounds, c1, c2, iterations)
            score = _report(results, rounds)
            print(f"sum over fields of the best pooled F1: {score:.3f}")
            if best is None or score > best[0]:
                best = (score, c1, c2)
    if best:
        print(f"\nbest c1/c2 on leave-one-round-out: c1={best[1]} c2={best[2]}")


if __name__ == "__main__":
    main()
