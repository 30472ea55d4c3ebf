"""Training labels of the span tagger: where a text names its gold facts, as BIO tags.

The gold facts (``docs/annotation.md``, "Gold facts") give reactions, treatments and
histopathology as short terms and sites as site names, not as spans. Each is located in the
text: a term word for word (case-insensitive; a space may be a hyphen or a line break; a
plural "s" or "es" may follow or drop), else, for a term the HPO codes, a phenotype key of
the text with the same code (:func:`~dermavigil.terminology.phenotype_spans.phenotype_spans`:
"necrosis of the skin" found for "skin necrosis"); a site name where
:func:`.sites.find_sites` reads a wording of it. Occurrences in the case's own sentences (title,
patient and continuing sentences, :func:`.span_features.sentence_roles`) are preferred: when
a term stands there, only those occurrences are labelled. A token an earlier field already
claims stays with it (:data:`.span_features.FIELDS` order). Pure.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.sites import find_sites
from dermavigil.terminology.coder import code_phrase
from dermavigil.terminology.phenotype_spans import phenotype_spans
from span_tagger.features import FIELDS, Sequence, Token

Span = tuple[int, int]
GOLD_KEYS = {"REACTION": "reactions", "HISTO": "histopathology", "TREATMENT": "treatments"}
_CASE_ROLES = frozenset({"title", "patient", "case"})


def _pattern(term: str) -> re.Pattern[str] | None:
    words = re.findall(r"[A-Za-z0-9]+", term)
    if not words:
        return None
    last = words[-1]
    stem = last[:-2] if last.lower().endswith("es") and len(last) > 4 else last
    stem = stem[:-1] if stem.lower().endswith("s") and len(stem) > 3 else stem
    body = r"[\s\u2010\u2011-]+".join(re.escape(w) for w in [*words[:-1], stem])
    return re.compile(rf"(?<![A-Za-z0-9]){body}(?:e?s)?(?![A-Za-z0-9])", re.I)


def locate(text: str, term: str, coded: bool = True) -> list[Span]:
    """Where ``text`` names ``term``: word for word, else (``coded``) a phenotype key coded
    as the term is."""
    pattern = _pattern(term)
    found = [m.span() for m in pattern.finditer(text)] if pattern else []
    if found or not coded:
        return found
    codes = {c.code for c in code_phrase(term)}
    return [(p.start, p.end) for p in phenotype_spans(text) if p.term_id in codes]


def _preferred(spans: list[Span], case: list[Span]) -> list[Span]:
    inside = [s for s in spans if any(a <= s[0] and s[1] <= b for a, b in case)]
    return inside or spans


def gold_spans(
    text: str, sentences: list[Sentence], roles: Mapping[int, str], gold: Mapping[str, Any]
) -> dict[str, list[tuple[str, list[Span]]]]:
    """Per field, each gold term with the spans labelled for it (empty: not located)."""
    case = [(s.start, s.end) for s in sentences if roles.get(s.index) in _CASE_ROLES]
    out: dict[str, list[tuple[str, list[Span]]]] = {}
    for field, key in GOLD_KEYS.items():
        out[field] = [(t, _preferred(locate(text, t), case)) for t in gold.get(key, [])]
    sites = find_sites(text)
    out["SITE"] = [
        (name, _preferred([(s, e) for n, s, e in sites if n == name], case))
        for name in gold.get("sites", [])
    ]
    return out


def bio_labels(sequence: Sequence, spans: Mapping[str, list[Span]]) -> list[str]:
    """The BIO tag of each token of ``sequence`` for the fields' ``spans`` (field -> spans);
    a token belongs to a span when its characters lie inside it."""
    tags = ["O"] * len(sequence.tokens)
    for field in FIELDS:
        for start, end in sorted(spans.get(field, [])):
            inside = [
                i
                for i, t in enumerate(sequence.tokens)
                if start <= t.start and t.end <= end and tags[i] == "O"
            ]
            for n, i in enumerate(inside):
                tags[i] = f"{'B' if n == 0 or inside[n - 1] != i - 1 else 'I'}-{field}"
    return tags


def decode(tokens: list[Token], tags: list[str]) -> list[tuple[str, int, int, list[int]]]:
    """The spans of a tag sequence: (field, start, end, token positions)."""
    out: list[tuple[str, int, int, list[int]]] = []
    current: tuple[str, list[int]] | None = None
    for i, tag in enumerate([*tags, "O"]):
        kind, _, field = tag.partition("-")
        if current and (kind != "I" or field != current[0]):
            positions = current[1]
            out.append(
                (current[0], tokens[positions[0]].start, tokens[positions[-1]].end, positions)
            )
            current = None
        if kind == "B" or (kind == "I" and current is None):
            current = (field, [i])
        elif kind == "I" and current:
            current[1].append(i)
    return out
