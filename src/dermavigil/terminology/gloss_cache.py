"""The translation glossaries, the spelling-skeleton table and the head-word sets derived
from the HPO, cached on disk.

:mod:`.translation_gloss` builds, in the first process that reads a text in Spanish,
Portuguese, French, German or Italian, a table of the spelling skeletons of the English
words of the HPO and Disease Ontology (~0.13 s) and that language's glossary induced from
the HPO translations (0.2-0.6 s); :mod:`.finding_heads`, :mod:`.function_heads` and
:mod:`.function_verbs` read their word sets off the HPO index in every process that extracts a text
(~0.07 s of a cold ``dermavigil extract`` call), and :mod:`.disease_spans` normalises the
Disease Ontology's names (~0.05 s). :func:`cached` keeps each in a
``marshal`` file of the cache directory (:mod:`.disk_cache`), keyed on every source they
are built from: the packaged ``hp.obo`` (the coder's lexicon and labels),
``disease_terms.tsv``, ``hpo_translations.tsv`` and the modules that read them; a changed
source rebuilds them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from dermavigil.terminology import disk_cache
from dermavigil.terminology.obo import packaged_hpo_path

FORMAT = 1
_HERE = Path(__file__).resolve().parent
_DATA = ("disease_terms.tsv", "hpo_translations.tsv")
_CODE = (
    "coder_cache.py",
    "hpo.py",
    "normalize.py",
    "obo.py",
    "disease_spans.py",
    "translations.py",
    "translation_gloss.py",
    "gloss_cache.py",
    "finding_heads.py",
    "function_heads.py",
    "function_verbs.py",
)

Table = dict[str, str] | dict[str, tuple[str, ...]] | frozenset[str]


@lru_cache(maxsize=1)
def _key() -> str:
    data = [packaged_hpo_path(), *(_HERE / "data" / name for name in _DATA)]
    return disk_cache.source_key(FORMAT, data, [_HERE / name for name in _CODE])


def cached(name: str, build: Callable[[], Table]) -> Table:
    """The table ``name`` (``skeletons``, a language code or a head-word set) from its file
    in the cache directory when that file was written from the sources there are now, else
    ``build()``, written to the file."""
    path = disk_cache.cache_dir() / f"gloss-{name}-{FORMAT}.marshal"
    table = disk_cache.read(path, _key())
    if isinstance(table, (dict, frozenset)):
        return table
    built = build()
    disk_cache.write(path, _key(), built, f"gloss-{name}-*.marshal")
    return built
