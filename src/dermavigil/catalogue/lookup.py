"""Resolve a product name as reported to a catalogue entry.

Names and synonyms are compared after :func:`dermavigil.terminology.normalize.normalize`
(case, accents, punctuation, plurals folded) as whole-word phrases inside the
verbatim name: "JUVEDERM VOLUMA XC 20MG/ML" contains the phrase "juvederm voluma".
The longest phrase found wins. When several entries share it ("sodium
hyaluronate" is a filler, an eye drop, a knee injection and an oral
supplement), the evidence decides, in this order:

1. the regulatory classes the caller's source can hold (CAERS: supplements and
   cosmetics; MAUDE: devices);
2. the route given (an entry is kept when its labelled routes cover it);
3. the formulation given;
4. words of the name itself or of the dose form as worded ("tablets", "caplets" -> oral;
   "eye drops" -> ophthalmic; "filler", "syringe" -> an injection).

If more than one entry is left the name is ambiguous and :meth:`Catalogue.resolve`
returns None; :meth:`Catalogue.category` still answers when every candidate has the
same category.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from dermavigil.catalogue.model import Entry, Match, RegulatoryClass
from dermavigil.domain.off_label import covered
from dermavigil.domain.routes import INJECTION_ROUTES, Route, parse_route
from dermavigil.domain.vocab import Formulation, ProductCategory
from dermavigil.terminology.normalize import normalize

_MAX_PHRASE = 8

_R = Route
_WORD_ROUTES: dict[str, frozenset[Route]] = {
    **dict.fromkeys(
        ("tablet", "tab", "capsule", "caplet", "softgel", "chewable", "gummy", "oral", "drink",
         "powder drink", "supplement", "dietary"),
        frozenset({_R.oral}),
    ),
    **dict.fromkeys(("eye", "ophthalmic", "drop"), frozenset({_R.ophthalmic})),
    **dict.fromkeys(("knee", "intraarticular", "articular"), frozenset({_R.intra_articular})),
    **dict.fromkeys(
        ("cream", "ointment", "lotion", "serum", "topical", "mask", "ampoule"),
        frozenset({_R.topical, _R.cutaneous}),
    ),
    **dict.fromkeys(("patch", "transdermal"), frozenset({_R.transdermal})),
    **dict.fromkeys(
        ("filler", "implant", "syringe", "injectable", "injection", "inj", "needle"),
        INJECTION_ROUTES,
    ),
}  # fmt: skip
"""Name words that say how a product is taken, as the routes they allow."""


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(normalize(text).split())


class Catalogue:
    """Entries indexed by their name and synonym phrases."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: dict[str, Entry] = {}
        self._phrases: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for entry in entries:
            self.add(entry)

    def add(self, entry: Entry) -> None:
        """Add or replace an entry (a registry edit replaces the shipped entry of its id)."""
        if entry.id in self.entries:
            for ids in self._phrases.values():
                if entry.id in ids:
                    ids.remove(entry.id)
        self.entries[entry.id] = entry
        for phrase in (entry.name, *entry.synonyms):
            key = _tokens(phrase)
            if key and entry.id not in self._phrases[key]:
                self._phrases[key].append(entry.id)

    def get(self, entry_id: str) -> Entry | None:
        return self.entries.get(entry_id)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.entries.values())

    def __len__(self) -> int:
        return len(self.entries)

    def candidates(self, name: str) -> tuple[str, list[Entry]]:
        """The longest catalogue phrase in ``name`` and every entry that has it."""
        tokens = _tokens(name)
        best: tuple[int, str, list[str]] = (0, "", [])
        for start in range(len(tokens)):
            for length in range(min(_MAX_PHRASE, len(tokens) - start), best[0], -1):
                ids = self._phrases.get(tokens[start : start + length])
                if ids:
                    best = (length, " ".join(tokens[start : start + length]), list(ids))
                    break
        _, phrase, ids = best
        return phrase, [self.entries[i] for i in dict.fromkeys(ids)]

    def resolve(
        self,
        name: str | None,
        route: Route | str | None = None,
        formulation: Formulation | str | None = None,
        *,
        classes: Iterable[RegulatoryClass | str] | None = None,
    ) -> Match | None:
        """The entry ``name`` means, or None when no entry or more than one fits."""
        if not name or not name.strip():
            return None
        phrase, found = self.candidates(name)
        if not found:
            return None
        left, decided_by = _decide(found, name, route, formulation, classes)
        if len(left) != 1:
            return None
        return Match(
            entry=left[0],
            verbatim=name,
            matched=phrase,
            decided_by=decided_by,
            alternatives=tuple(e.id for e in found if e is not left[0]),
        )

    def category(
        self,
        name: str | None,
        route: Route | str | None = None,
        formulation: Formulation | str | None = None,
        *,
        classes: Iterable[RegulatoryClass | str] | None = None,
    ) -> ProductCategory | None:
        """The category of ``name``: its entry's, or the one all its candidates share."""
        if not name or not name.strip():
            return None
        _, found = self.candidates(name)
        if not found:
            return None
        left, _ = _decide(found, name, route, formulation, classes)
        categories = {e.category for e in left}
        return categories.pop() if len(categories) == 1 else None


def _narrow(
    entries: list[Entry], keep: list[Entry], why: str, decided_by: str
) -> tuple[list[Entry], str]:
    if keep and len(keep) < len(entries):
        return keep, why
    return entries, decided_by


def _decide(
    found: list[Entry],
    name: str,
    route: Route | str | None,
    formulation: Formulation | str | None,
    classes: Iterable[RegulatoryClass | str] | None,
) -> tuple[list[Entry], str]:
    left, decided_by = found, "name"
    if len(left) > 1 and classes is not None:
        wanted = {RegulatoryClass(c) for c in classes}
        keep = [e for e in left if e.regulatory_class in wanted]
        left, decided_by = _narrow(left, keep, "regulatory class", decided_by)
    parsed = route if isinstance(route, Route) or route is None else parse_route(route)
    if len(left) > 1 and parsed is not None and parsed not in (Route.unknown, Route.other):
        keep = [e for e in left if covered(parsed, list(e.routes))]
        left, decided_by = _narrow(left, keep, "route", decided_by)
    if len(left) > 1 and formulation:
        form = _formulation(formulation)
        keep = [e for e in left if form is not None and form in e.formulations]
        left, decided_by = _narrow(left, keep, "formulation", decided_by)
    if len(left) > 1:
        words = f"{name} {formulation}" if isinstance(formulation, str) else name
        hinted = _name_routes(words)
        if hinted:
            keep = [e for e in left if any(r in hinted for r in e.routes)]
            left, decided_by = _narrow(left, keep, "name words", decided_by)
    return left, decided_by


def _formulation(value: Formulation | str) -> Formulation | None:
    if isinstance(value, Formulation):
        return value
    slug = "_".join(normalize(value).split())
    if slug in Formulation._value2member_map_:
        return Formulation(slug)
    for word in slug.split("_"):
        if word in ("drop", "solution", "liquid"):
            return Formulation.solution
        if word in Formulation._value2member_map_:
            return Formulation(word)
    return None


def _name_routes(name: str) -> frozenset[Route]:
    routes: set[Route] = set()
    for token in _tokens(name):
        routes |= _WORD_ROUTES.get(token, frozenset())
    return frozenset(routes)
