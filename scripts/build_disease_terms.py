"""Build ``src/dermavigil/terminology/data/disease_terms.tsv`` from the Human Disease Ontology.

Usage: ``python scripts/build_disease_terms.py GIT_DIR [COMMIT]``: ``GIT_DIR`` is a clone (or
a bare snapshot) of https://github.com/DiseaseOntology/HumanDiseaseOntology, ``COMMIT``
defaults to ``HEAD``. The files are read with ``git show`` (no work tree needed).

The Human Disease Ontology (Schriml LM et al. 2022, "The Human Disease Ontology 2022
update", Nucleic Acids Res 50(D1):D1255-D1261) is released under CC0 1.0. Read from the
snapshot:

- ``DOreports/HumanDO.tsv``: every class's id, label and (first) superclass label — the
  hierarchy and the labels;
- every ``src/ontology/subsets/*.obo`` the snapshot holds: ``name``, ``is_a`` and the
  ``EXACT`` synonyms of the classes of each subset;
- ``src/translations/doid-es-*.tsv``: the English source texts of labels
  (``rdfs:label``) and exact synonyms (``oboInOwl:hasExactSynonym``).

Kept: the labels and exact synonyms of the classes under four branches — *disease by
infectious agent* (DOID:0050117), *integumentary system disease* (DOID:16), *vascular
disease* (DOID:178) and *immune system disease* (DOID:2914) — each tagged with its branch
(and, for infections, the kind of agent: bacterial, fungal, parasitic, viral). Dropped:
short capitalised abbreviations (``MAC``, ``PVAN``: ambiguous in running text), names with a
number (numbered genetic subtypes), names of one letter-word shorter than five characters.
Written sorted as ``DOID id <TAB> branch <TAB> name`` under a header saying where it came
from; :mod:`dermavigil.terminology.disease_spans` reads it.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections import defaultdict
from pathlib import Path

from snapshot import git, show

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "dermavigil" / "terminology" / "data" / "disease_terms.tsv"
BRANCHES = {
    "DOID:0050117": "infectious",
    "DOID:16": "skin",
    "DOID:178": "vascular",
    "DOID:2914": "immune",
}
AGENTS = {
    "DOID:104": "bacterial",  # bacterial infectious disease
    "DOID:1564": "fungal",  # fungal infectious disease
    "DOID:1398": "parasitic",  # parasitic infectious disease
    "DOID:934": "viral",  # viral infectious disease
}
_ABBREVIATION = re.compile(r"[A-Z0-9][A-Za-z0-9-]{0,5}")
_NUMBER = re.compile(r"\b\d+[A-Za-z]?\b")


def _files(git_dir: str, commit: str, under: str) -> list[str]:
    return git(git_dir, "ls-tree", "-r", "--name-only", commit, under).split()


def _read(git_dir: str, commit: str):
    labels: dict[str, str] = {}
    parents: dict[str, set[str]] = defaultdict(set)
    synonyms: dict[str, set[str]] = defaultdict(set)
    parent_labels: dict[str, str] = {}
    table = show(git_dir, commit, "DOreports/HumanDO.tsv")
    for row in csv.reader(io.StringIO(table), delimiter="\t"):
        if len(row) < 2 or not row[0].startswith("DOID:"):
            continue
        labels[row[0]] = row[1]
        if len(row) > 2 and row[2]:
            parent_labels[row[0]] = row[2]
    for path in _files(git_dir, commit, "src/ontology/subsets"):
        if not path.endswith(".obo"):
            continue
        current = None
        for line in show(git_dir, commit, path).splitlines():
            if line.startswith("[Term]"):
                current = None
            elif line.startswith("id: DOID:"):
                current = line[4:].strip()
            elif current and line.startswith("name: "):
                labels.setdefault(current, line[6:].strip())
            elif current and line.startswith("is_a: DOID:"):
                parents[current].add(line[6:].split()[0])
            elif current and line.startswith("synonym: ") and " EXACT" in line:
                synonyms[current].add(line.split('"')[1])
    for path in _files(git_dir, commit, "src/translations"):
        if not re.search(r"doid-es-(?:translated|untranslated|changed)\.tsv$", path):
            continue
        for row in csv.reader(io.StringIO(show(git_dir, commit, path)), delimiter="\t"):
            if len(row) < 3 or not row[0].startswith("DOID:"):
                continue
            if row[1] == "oboInOwl:hasExactSynonym":
                synonyms[row[0]].add(row[2])
    by_label = {label: term for term, label in labels.items()}
    for term, label in parent_labels.items():
        if label in by_label:
            parents[term].add(by_label[label])
    return labels, parents, synonyms


def _ancestors(term: str, parents: dict[str, set[str]]) -> set[str]:
    seen: set[str] = set()
    stack = [term]
    while stack:
        for parent in parents.get(stack.pop(), ()):
            if parent not in seen:
                seen.add(parent)
                stack.append(parent)
    return seen


def _keep(name: str) -> bool:
    name = name.strip()
    if not name or _NUMBER.search(name) or _ABBREVIATION.fullmatch(name):
        return False
    return not (" " not in name and len(name) < 5)


def build(git_dir: str, commit: str = "HEAD") -> list[tuple[str, str, str]]:
    labels, parents, synonyms = _read(git_dir, commit)
    rows: set[tuple[str, str, str]] = set()
    for term, label in labels.items():
        above = _ancestors(term, parents) | {term}
        branch = next((b for root, b in BRANCHES.items() if root in above), None)
        if branch is None:
            continue
        if branch == "infectious":
            agent = next((a for root, a in AGENTS.items() if root in above), None)
            branch = f"infectious/{agent}" if agent else branch
        for name in {label} | synonyms.get(term, set()):
            if _keep(name):
                rows.add((term, branch, " ".join(name.split())))
    return sorted(rows, key=lambda r: (r[2].lower(), r[0]))


def main() -> None:
    git_dir = sys.argv[1]
    commit = sys.argv[2] if len(sys.argv) > 2 else "HEAD"
    sha = git(git_dir, "rev-parse", commit).strip()
    rows = build(git_dir, commit)
    header = (
        "# Disease names (labels and exact synonyms) of the Human Disease Ontology, CC0 1.0,\n"
        "# https://github.com/DiseaseOntology/HumanDiseaseOntology at commit " + sha + ",\n"
        "# branches: disease by infectious agent, integumentary system disease, vascular\n"
        "# disease, immune system disease. Built by scripts/build_disease_terms.py.\n"
        "# DOID id<TAB>branch<TAB>name\n"
    )
    OUT.write_text(header + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} names of {len({r[0] for r in rows})} classes -> {OUT}")


if __name__ == "__main__":
    main()
