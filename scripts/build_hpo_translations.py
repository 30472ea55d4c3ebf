"""Build ``src/dermavigil/terminology/data/hpo_translations.tsv`` from the HPO translations.

Usage: ``PYTHONPATH=src python scripts/build_hpo_translations.py GIT_DIR [COMMIT]``:
``GIT_DIR`` is a clone (or a bare snapshot) of
https://github.com/obophenotype/hpo-translations, ``COMMIT`` defaults to ``HEAD``; the
files are read with ``git show`` (no work tree needed).

The HPO translations (Köhler S et al. 2021, "The Human Phenotype Ontology in 2021",
Nucleic Acids Res 49(D1):D1207-D1217, section "Internationalization"; the Babelon
format of the Monarch Initiative) are released under CC BY 4.0. Read:
``babelon/hp-{es,pt,fr,de,it}.babelon.tsv`` (columns named by their header, which differs
between files: ``subject_id``, ``predicate_id``, ``translation_value``,
``translation_status``). Kept: the translated labels (``rdfs:label``) whose status is not
``NOT_TRANSLATED``, of the terms the project's coder looks reaction mentions up by (the
HPO ids among the values of
:attr:`dermavigil.terminology.coder_cache.CoderTables.mention_keys`: phenotypic
abnormalities outside the laboratory, cellular and developmental branches), written with
at most :data:`~dermavigil.terminology.coder_cache.MENTION_TOKENS` words. Written sorted
as ``language <TAB> HPO id <TAB> translated label``;
:mod:`dermavigil.terminology.translations` reads it.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

from snapshot import git, show

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "dermavigil" / "terminology" / "data" / "hpo_translations.tsv"
LANGUAGES = ("es", "pt", "fr", "de", "it")


def _indexed_terms() -> frozenset[str]:
    from dermavigil.terminology.coder import default_coder

    keys = default_coder().tables.mention_keys
    return frozenset(v for v in keys.values() if v.startswith("HP:"))


def rows(git_dir: str, commit: str, wanted: frozenset[str]) -> list[tuple[str, str, str]]:
    """(language, HPO id, translated label) of the wanted terms, deduplicated."""
    from dermavigil.terminology.coder_cache import MENTION_TOKENS

    out: set[tuple[str, str, str]] = set()
    for language in LANGUAGES:
        text = show(git_dir, commit, f"babelon/hp-{language}.babelon.tsv")
        for row in csv.DictReader(io.StringIO(text), delimiter="\t"):
            term, value = (
                row.get("subject_id", ""),
                " ".join(row.get("translation_value", "").split()),
            )
            if row.get("predicate_id") != "rdfs:label" or term not in wanted or not value:
                continue
            if row.get("translation_status", "").upper() == "NOT_TRANSLATED":
                continue
            same = value.lower() == row.get("source_value", "").lower()
            if len(value.split()) <= MENTION_TOKENS and not (same and language == "de"):
                out.add((language, term, value))  # "Edema" is Spanish too; German keeps none
    return sorted(out)


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    git_dir, commit = argv[1], argv[2] if len(argv) > 2 else "HEAD"
    found = rows(git_dir, commit, _indexed_terms())
    head = git(git_dir, "rev-parse", commit).strip()
    with OUT.open("w", encoding="utf-8") as out:
        out.write(
            f"# HPO translations (obophenotype/hpo-translations {head}, CC BY 4.0): "
            "language, HPO id, label; see PROVENANCE.md\n"
        )
        for row in found:
            out.write("\t".join(row) + "\n")
    print(f"{len(found)} labels -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
