"""Reaction mentions merged into the case's reactions: by code set, along the HPO hierarchy
within a sentence (an umbrella term beside a more specific one adds no concept), and an
uncoded wording inside a longer wording of the same reaction."""

from __future__ import annotations

from functools import lru_cache

from dermavigil.literature.extract.organism_names import ORGANISM
from dermavigil.literature.extract.reaction_facts import ReactionFacts
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.terminology.coder import default_coder
from dermavigil.terminology.normalize import normalize


@lru_cache(maxsize=4096)
def ancestors(code: str) -> frozenset[str]:
    """Every HPO term above ``code`` (not itself), from the coder tables' ``is_a`` parents."""
    parents = default_coder().tables.parents
    out: set[str] = set()
    stack = list(parents.get(code, ()))
    while stack:
        current = stack.pop()
        if current not in out:
            out.add(current)
            stack.extend(parents.get(current, ()))
    return frozenset(out)


def without_ancestors(
    reactions: list[ReactionFacts], sentences: list[Sentence]
) -> list[ReactionFacts]:
    """The reactions without an umbrella term a sentence names beside a more specific one:
    a reaction whose every code is an HPO ancestor of the code of another reaction named in
    the same sentence ("visual impairment and blindness", "a hypersensitivity reaction with
    anaphylactic shock", "pain and shoulder pain") adds no concept (the terms are compared
    along the hierarchy, ``docs/annotation.md``); its onset and sites go to the specific
    term when that has none."""
    where = {
        id(r): {
            s.index
            for s in sentences
            for a, _ in r.spans.get("verbatim", [])
            if s.start <= a < s.end
        }
        for r in reactions
    }
    kept = []
    for reaction in reactions:
        # "an allergic reaction and anaphylactic shock": one mention, the specific code
        reaction.codes = [
            c
            for c in reaction.codes
            if not any(c.code in ancestors(o.code) for o in reaction.codes)
        ]
        codes = {c.code for c in reaction.codes}
        specific = [
            other
            for other in reactions
            if other is not reaction
            and where[id(other)] & where[id(reaction)]
            and any(code in ancestors(c.code) for c in other.codes for code in codes)
        ]
        covered = {
            code
            for code in codes
            if any(code in ancestors(c.code) for o in specific for c in o.codes)
        }
        if reaction.at_rechallenge or not codes or covered != codes:
            kept.append(reaction)
            continue
        target = specific[0]
        if target.onset_text is None and reaction.onset_text is not None:
            target.onset_latency, target.onset_text = reaction.onset_latency, reaction.onset_text
            target.spans["onset"] = reaction.spans.get("onset", [])
        for site, span in zip(
            reaction.body_sites, reaction.spans.get("body_sites", []), strict=True
        ):
            if site not in target.body_sites:
                target.body_sites.append(site)
                target.spans.setdefault("body_sites", []).append(span)
    return kept


def _key(reaction: ReactionFacts) -> object:
    if reaction.at_rechallenge:
        return ("rechallenge", reaction.sentence)
    if reaction.codes:
        return frozenset(c.code for c in reaction.codes)
    return normalize(reaction.verbatim)


def _names_more(verbatim: str, kept: str) -> bool:
    """A later mention of the same reaction that names it with more words, its organism
    ("infection" in the title, "infection with M. abscessus" in the case), names it."""
    more, less = normalize(verbatim), normalize(kept)
    return bool(ORGANISM.search(verbatim)) and less in more and less != more


def _absorb(kept: ReactionFacts, reaction: ReactionFacts) -> None:
    """``kept`` takes the sites and (when it has none) the onset of ``reaction``, another
    mention of the same reaction."""
    for site, span in zip(reaction.body_sites, reaction.spans.get("body_sites", []), strict=True):
        if site not in kept.body_sites:
            kept.body_sites.append(site)
            kept.spans.setdefault("body_sites", []).append(span)
    if kept.onset_text is None and reaction.onset_text is not None:
        kept.onset_latency, kept.onset_text = reaction.onset_latency, reaction.onset_text
        kept.spans["onset"] = reaction.spans.get("onset", [])


def merge(reactions: list[ReactionFacts]) -> list[ReactionFacts]:
    """Mentions of one reaction (one code set, or one verbatim when uncoded; one rechallenge
    sentence's recurrence) as one reaction: the first mention's verbatim unless a later one
    names the organism, every span, the sites of all and the first stated onset."""
    merged: dict[object, ReactionFacts] = {}
    for reaction in reactions:
        key = _key(reaction)
        if key not in merged:
            merged[key] = reaction
            continue
        kept = merged[key]
        if _names_more(reaction.verbatim, kept.verbatim):
            kept.verbatim = reaction.verbatim
            kept.spans["verbatim"] = reaction.spans.get("verbatim", []) + kept.spans.get(
                "verbatim", []
            )
        else:
            kept.spans.setdefault("verbatim", []).extend(reaction.spans.get("verbatim", []))
        _absorb(kept, reaction)
    return list(merged.values())


def within_longer(reactions: list[ReactionFacts]) -> list[ReactionFacts]:
    """The reactions without an uncoded wording that another reaction's wording holds whole
    ("adenitis" beside "persistent BCG adenitis", "tuberculosis" beside "Mycobacterium
    tuberculosis complex abscess"): one reaction told twice, the second time with fewer
    words, whose mentions go to the longer wording. The coder gives such a wording no code,
    so the merge by code set (:func:`merge`) cannot join it; a rechallenge's recurrence
    stays apart."""
    wordings = {id(r): f" {normalize(r.verbatim)} " for r in reactions}
    kept: list[ReactionFacts] = []
    for reaction in reactions:
        own = wordings[id(reaction)]
        longer = next(
            (
                other
                for other in reactions
                if other is not reaction
                and not other.at_rechallenge
                and own in wordings[id(other)]
                and own != wordings[id(other)]
            ),
            None,
        )
        if reaction.codes or reaction.at_rechallenge or not own.strip() or longer is None:
            kept.append(reaction)
            continue
        longer.spans.setdefault("verbatim", []).extend(reaction.spans.get("verbatim", []))
        _absorb(longer, reaction)
    return kept
