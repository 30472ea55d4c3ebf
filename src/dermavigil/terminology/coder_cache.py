"""The coder's tables, built once from ``hp.obo`` and cached on disk.

Building the HPO index parses ~17 MB of OBO and normalises ~42,000 labels
and synonyms (1-2 s); a literature extraction needs only what the coder
reads: the lexicon of codable entries (normalised text -> term id, label or
synonym, scope), the labels of codable terms, the skin subtree, the
``is_a`` parents of the codable terms and the fuzzy-match keys.
:func:`coder_tables` returns them from a ``marshal`` file in the cache
directory when one exists for this ``hp.obo`` (path, size, modification
time) and these source files; else it builds them from
:func:`dermavigil.terminology.hpo.load_hpo` and writes the file
(:mod:`dermavigil.terminology.disk_cache`: the cache directory, the key, the
atomic write).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from dermavigil.terminology import disk_cache
from dermavigil.terminology.normalize import normalize
from dermavigil.terminology.obo import packaged_hpo_path

if TYPE_CHECKING:
    from dermavigil.terminology.hpo import HpoIndex

FORMAT = 9
PHENOTYPIC_ABNORMALITY = "HP:0000118"
NOT_A_REACTION = (
    "HP:0032180",  # Abnormal circulating metabolite concentration (a blood test)
    "HP:0010876",  # Abnormal circulating protein concentration
    "HP:0033331",  # Acute phase response (C-reactive protein, procalcitonin)
    "HP:0025021",  # Abnormal erythrocyte sedimentation rate
    "HP:0011893",  # Abnormal leukocyte count (a blood count)
    "HP:0001877",  # Abnormal erythrocyte morphology
    "HP:0001903",  # Anemia
    "HP:0011873",  # Abnormal platelet count
    "HP:0011875",  # Abnormal platelet morphology
    "HP:0030057",  # Autoimmune antibody positivity (a serology result)
    "HP:0012415",  # Abnormal blood gas level (an arterial blood gas result: hypoxemia)
    "HP:0025354",  # Abnormal cellular phenotype (a cell-level or flow cytometry result)
    "HP:0100851",  # Abnormal emotional state ("depression" of the skin is a concavity)
    "HP:0001197",  # Abnormality of prenatal development or birth
    "HP:0001507",  # Growth abnormality
)
"""Branches of *Phenotypic abnormality* whose terms a text names as something other than
a reaction it describes — a laboratory result, a cell-level finding, a state of mind, a
development or growth trait: their labels and synonyms are no keys of
:attr:`CoderTables.mention_keys`. Neither are the grouping terms that name an organ or a
system ("Abnormality of the liver", synonym "liver disease"; "Abnormal venous morphology",
synonym "venous abnormality"): :data:`GROUPING`."""
GROUPING = re.compile(r"Abnormality of |Abnormal .* (?:morphology|physiology)$")
"""The label of a grouping term (a class named by the body part or function it groups)."""
MENTION_TOKENS = 8
"""The longest mention key, in tokens."""
_SOURCES = ("coder_cache.py", "hpo.py", "normalize.py", "obo.py")

Entry = tuple[str, bool, str]


@dataclass(frozen=True)
class CoderTables:
    """What :class:`~dermavigil.terminology.coder.PhraseCoder` reads."""

    release: str
    lexicon: dict[str, list[Entry]]
    names: dict[str, str]
    alt: dict[str, str]
    skin: frozenset[str]
    fuzzy_keys: list[str]
    mention_keys: dict[str, str]
    """Normalised label or synonym -> the term it names first, for the codable terms outside
    the :data:`NOT_A_REACTION` branches: the keys a reaction mention is looked up by in running
    text (:mod:`dermavigil.terminology.phenotype_spans`)."""
    parents: dict[str, list[str]]
    """Each codable term -> its ``is_a`` parents: the hierarchy a run reads without the whole
    index (:func:`dermavigil.literature.extract.reaction_merge.ancestors`)."""


def _key(obo: Path) -> str:
    here = Path(__file__).resolve().parent
    return disk_cache.source_key(FORMAT, [obo], [here / name for name in _SOURCES])


def build_tables() -> CoderTables:
    """Build the tables from the packaged HPO release (the slow path)."""
    from dermavigil.terminology.hpo import load_hpo

    return tables_from_index(load_hpo())


def tables_from_index(index: HpoIndex) -> CoderTables:
    """The coder's facts of an HPO index: codable entries, labels, skin subtree."""
    codable = frozenset(index.descendants(PHENOTYPIC_ABNORMALITY))
    excluded = {t for root in NOT_A_REACTION for t in index.descendants(root)}
    excluded |= {tid for tid, term in index.terms.items() if GROUPING.match(term.name)}
    lexicon: dict[str, list[Entry]] = {}
    for key, entries in index.lexicon.items():
        kept = [(e.term_id, e.is_label, e.scope) for e in entries if e.term_id in codable]
        if kept:
            lexicon[key] = kept
    return CoderTables(
        release=index.release,
        lexicon=lexicon,
        names={tid: term.name for tid, term in index.terms.items()},
        alt={alt: tid for tid, term in index.terms.items() for alt in term.alt_ids},
        skin=frozenset(index.skin & codable),
        fuzzy_keys=[key for key in lexicon if len(key) >= 5],
        mention_keys=_mention_keys(lexicon, codable - excluded, index.skin)
        | _disease_keys(packaged_hpo_path().with_name("phenotype.hpoa"), lexicon),
        parents={tid: list(index.terms[tid].is_a) for tid in sorted(codable)},
    )


_DISEASE_NAME = re.compile(r"[A-Za-z][A-Za-z' -]*")
"""A disease name a text may write as such: letters, spaces, hyphens, apostrophes (no gene
number, subtype, comma-inverted qualifier or list)."""


def _disease_keys(hpoa: Path, lexicon: dict[str, list[Entry]]) -> dict[str, str]:
    """Normalised names of the diseases the HPO annotates (``phenotype.hpoa`` shipped beside
    ``hp.obo``: OMIM, Orphanet and DECIPHER names — sarcoidosis, botulism, calciphylaxis,
    Jessner lymphocytic infiltration of the skin) -> the disease id, for names of up to
    :data:`MENTION_TOKENS` words that are no HPO key already. A named diagnosis of this
    patient is a reaction (coded to the HPO where the coder can, else kept by its words)."""
    keys: dict[str, str] = {}
    try:
        lines = hpoa.read_text(encoding="utf-8").splitlines()
    except OSError:
        return keys
    for line in lines:
        if line.startswith("#") or line.startswith("database_id"):
            continue
        disease, name = line.split("\t", 2)[:2]
        if not _DISEASE_NAME.fullmatch(name):
            continue
        key = normalize(name)
        if key and key not in lexicon and key not in keys and len(key.split()) <= MENTION_TOKENS:
            keys[key] = disease
    return keys


def _mention_keys(
    lexicon: dict[str, list[Entry]], allowed: frozenset[str] | set[str], skin: frozenset[str]
) -> dict[str, str]:
    scope_rank = {"EXACT": 0, "RELATED": 1, "NARROW": 2, "BROAD": 3}
    keys: dict[str, str] = {}
    for key, entries in lexicon.items():
        kept = [e for e in entries if e[0] in allowed]
        if kept and len(key.split()) <= MENTION_TOKENS:
            best = min(kept, key=lambda e: (not e[1], scope_rank.get(e[2], 4), e[0] not in skin))
            keys[key] = best[0]
    return keys


def _from_table(table: object) -> CoderTables | None:
    try:
        release, lexicon, names, alt, skin, fuzzy, mention_keys, parents = table  # type: ignore[misc]
    except (TypeError, ValueError):
        return None
    return CoderTables(release, lexicon, names, alt, frozenset(skin), fuzzy, mention_keys, parents)


def _to_table(tables: CoderTables) -> tuple[object, ...]:
    return (
        tables.release,
        tables.lexicon,
        tables.names,
        tables.alt,
        sorted(tables.skin),
        tables.fuzzy_keys,
        tables.mention_keys,
        tables.parents,
    )


def coder_tables() -> CoderTables:
    """The coder tables: from the disk cache when valid, else built and cached."""
    obo = packaged_hpo_path()
    key = _key(obo)
    path = disk_cache.cache_dir() / f"hpo-coder-{FORMAT}.marshal"
    cached = _from_table(disk_cache.read(path, key))
    if cached is not None:
        return cached
    tables = build_tables()
    disk_cache.write(path, key, _to_table(tables), "hpo-coder-*.marshal")
    return tables
