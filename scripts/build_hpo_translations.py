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
import subprocess
import sys
from pathlib import Path

from snapshot import git, show

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "dermavigil" / "terminology" / "data" / "hpo_translations.tsv"
LANGUAGES = ("es", "pt", "fr", "de", "it", "ja", "zh", "tr")
UNSPACED = ("ja", "zh")
MOST_UNSPACED = 12
"""Japanese and Chinese labels of more than 12 characters are not kept (no space counts
their words; the longest reaction labels, "眼动脉阻塞", "皮肤溃疡", are far shorter)."""
SYNONYMS = ("tr",)
"""Languages whose exact synonyms (``babelon/hp-LANG.synonyms.tsv``: ``subject_id``,
``translation_value``, status in ``comment``) are kept too: the Turkish translation gives
most of its clinical words there ("Ödem", "Döküntü", "Baş dönmesi"), and its label file
may be absent from a partial snapshot (then only the synonyms are read)."""


def _indexed_terms() -> frozenset[str]:
    from dermavigil.terminology.coder import default_coder

    keys = default_coder().tables.mention_keys
    return frozenset(v for v in keys.values() if v.startswith("HP:"))


def rows(git_dir: str, commit: str, wanted: frozenset[str]) -> list[tuple[str, str, str]]:
    """(language, HPO id, translated label) of the wanted terms, deduplicated."""
    from dermavigil.terminology.coder_cache import MENTION_TOKENS

    out: set[tuple[str, str, str]] = set()
    for language, row in _source_rows(git_dir, commit):
        term, value = row.get("subject_id", ""), " ".join(row.get("translation_value", "").split())
        if row.get("predicate_id") != "rdfs:label" or term not in wanted or not value:
            continue
        if row.get("translation_status", "").upper() == "NOT_TRANSLATED":
            continue
        if language in UNSPACED and len(value) > MOST_UNSPACED:
            continue  # a long CJK label names a syndrome, never a reaction's words
        same = value.lower() == row.get("source_value", "").lower()
        if len(value.split()) <= MENTION_TOKENS and not (same and language == "de"):
            out.add((language, term, value))  # "Edema" is Spanish too; German keeps none
    return sorted(out)


def _source_rows(git_dir: str, commit: str):
    """(language, row) of each language's label file, then of the synonyms of
    :data:`SYNONYMS` (as label rows: ``predicate_id`` ``rdfs:label``)."""
    for language in LANGUAGES:
        try:
            text = show(git_dir, commit, f"babelon/hp-{language}.babelon.tsv")
        except subprocess.CalledProcessError:
            if language not in SYNONYMS:
                raise
            text = ""  # a partial snapshot lacks the largest files; the synonyms remain
        for row in csv.DictReader(io.StringIO(text), delimiter="\t"):
            yield language, row
        if language in SYNONYMS:
            text = show(git_dir, commit, f"babelon/hp-{language}.synonyms.tsv")
            for row in csv.DictReader(io.StringIO(text), delimiter="\t"):
                if row.get("subject_id", "").startswith("HP:"):
                    status = row.get("comment", "")
                    yield (
                        language,
                        {**row, "predicate_id": "rdfs:label", "translation_status": status},
                    )


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
