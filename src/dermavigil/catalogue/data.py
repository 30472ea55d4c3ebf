"""Load the shipped catalogue (``data/products.yaml``) and check that every fact is cited.

Also the reverse: :func:`entry_from_dict` builds an entry from the plain form that
:meth:`~dermavigil.catalogue.model.Entry.as_dict` gives (registry rows, CLI files).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from dermavigil.catalogue.model import FACTS, Entry, Layer, RegulatoryClass, Source, SourceKind
from dermavigil.domain.routes import Route
from dermavigil.domain.vocab import Formulation, ProductCategory
from dermavigil.errors import InputError, Problem

_ENUMS: dict[str, type] = {
    "category": ProductCategory,
    "regulatory_class": RegulatoryClass,
    "routes": Route,
    "layers": Layer,
    "formulations": Formulation,
}


def _enum(kind: type, value: object, where: str, problems: list[Problem]) -> Any:
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(m.value for m in kind)  # type: ignore[attr-defined]
        problems.append(Problem(where, f"{value!r} is not one of: {allowed}", value))
        return None


def _enums(kind: type, values: object, where: str, problems: list[Problem]) -> tuple[Any, ...]:
    items = values if isinstance(values, list) else ([] if values is None else [values])
    out = [_enum(kind, v, f"{where}[{i}]", problems) for i, v in enumerate(items)]
    return tuple(v for v in out if v is not None)


def _text(value: object) -> str | None:
    return (str(value).strip() or None) if value else None


def source_from_dict(sid: str, raw: dict[str, Any], where: str, problems: list[Problem]) -> Source:
    kind = _enum(SourceKind, raw.get("kind"), f"{where}.kind", problems)
    citation = str(raw.get("citation") or "").strip()
    if not citation:
        problems.append(Problem(f"{where}.citation", "a source needs a citation"))
    return Source(
        id=sid, kind=kind or SourceKind.user, citation=citation, url=raw.get("url") or None
    )


def entry_from_dict(
    raw: dict[str, Any], sources: dict[str, Source], where: str, problems: list[Problem]
) -> Entry | None:
    """An entry from its plain form; ``sources`` maps source ids to sources, and a fact's
    source may also be given inline as ``{kind, citation, url}``."""
    before = len(problems)
    eid = str(raw.get("id") or "").strip()
    name = str(raw.get("name") or "").strip()
    if not eid:
        problems.append(Problem(f"{where}.id", "an entry needs an id"))
    if not name:
        problems.append(Problem(f"{where}.name", "an entry needs a name"))
    cited: dict[str, Source] = {}
    for fact, ref in (raw.get("sources") or {}).items():
        if fact not in FACTS:
            problems.append(Problem(f"{where}.sources.{fact}", f"not a fact: {', '.join(FACTS)}"))
        elif isinstance(ref, dict):
            sid = str(ref.get("id") or f"{eid}-{fact}")
            cited[fact] = source_from_dict(sid, ref, f"{where}.sources.{fact}", problems)
        elif ref in sources:
            cited[fact] = sources[ref]
        else:
            problems.append(Problem(f"{where}.sources.{fact}", f"unknown source {ref!r}", ref))
    entry = Entry(
        id=eid,
        name=name,
        synonyms=tuple(str(s).strip() for s in raw.get("synonyms") or [] if str(s).strip()),
        category=_enum(ProductCategory, raw.get("category"), f"{where}.category", problems),
        regulatory_class=_enum(
            RegulatoryClass, raw.get("regulatory_class"), f"{where}.regulatory_class", problems
        ),
        routes=_enums(Route, raw.get("routes"), f"{where}.routes", problems),
        layers=_enums(Layer, raw.get("layers"), f"{where}.layers", problems),
        formulations=_enums(
            Formulation, raw.get("formulations"), f"{where}.formulations", problems
        ),
        labelled_use=_text(raw.get("labelled_use")),
        manufacturer=_text(raw.get("manufacturer")),
        product_codes=tuple(str(c).strip().upper() for c in raw.get("product_codes") or []),
        sources=cited,
    )
    stated = {
        "category": True,
        "regulatory_class": True,
        "routes": bool(entry.routes or entry.layers or entry.labelled_use),
        "manufacturer": entry.manufacturer is not None,
        "product_codes": bool(entry.product_codes),
    }
    for fact, present in stated.items():
        if present and fact not in cited:
            problems.append(Problem(f"{where}.sources.{fact}", f"the {fact} fact cites no source"))
    return entry if len(problems) == before else None


def parse_catalogue(doc: dict[str, Any], origin: str) -> list[Entry]:
    """Entries of a catalogue document; any problem refuses the whole document."""
    problems: list[Problem] = []
    sources = {
        sid: source_from_dict(sid, raw or {}, f"sources.{sid}", problems)
        for sid, raw in (doc.get("sources") or {}).items()
    }
    entries: list[Entry] = []
    seen: set[str] = set()
    for i, raw in enumerate(doc.get("entries") or []):
        entry = entry_from_dict(raw or {}, sources, f"entries[{i}]", problems)
        if entry is None:
            continue
        if entry.id in seen:
            problems.append(Problem(f"entries[{i}].id", f"duplicate id {entry.id!r}"))
        seen.add(entry.id)
        entries.append(entry)
    if problems:
        raise InputError(f"{origin}: the product catalogue has errors", problems)
    return entries


@lru_cache(maxsize=1)
def shipped_entries() -> tuple[Entry, ...]:
    """The entries of the catalogue shipped in the package (parsed once).

    The packaged file is trusted and well formed, so it is read by libyaml's safe loader
    (``yaml.CSafeLoader``) when PyYAML was built with it: the same document, about ten times
    faster than the pure-Python ``SafeLoader`` (0.12 -> 0.013 s, a tenth of a cold
    ``dermavigil extract``). Files a user gives keep ``yaml.safe_load`` and its messages.
    """
    import yaml

    text = resources.files("dermavigil.catalogue").joinpath("data/products.yaml").read_text("utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return tuple(parse_catalogue(yaml.load(text, Loader=loader), "catalogue/data/products.yaml"))
