"""Sites of the case that no reaction holds (the injection sentence, a caption)."""

from __future__ import annotations

from dermavigil.literature.extract.negation import Assertion, assertion
from dermavigil.literature.extract.reaction_facts import ReactionFacts, Span, shift
from dermavigil.literature.extract.roles import told_in_past
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.sites import find_sites, treatment_site


def unplaced_sites(
    told: list[Sentence], rechallenge: set[int], reactions: list[ReactionFacts]
) -> list[tuple[str, Span]]:
    """Sites of the case that no reaction holds: those a past-tense narrative sentence names
    when it names no reaction (the injection sentence, a caption, "the swelling spread to the
    neck"), not in a rechallenge sentence, not a treatment's site and not in a negated,
    historical or hypothetical context ("her past history of a skin cancer of the nose",
    "examination of the chest showed no abnormality")."""
    held = [span for r in reactions for span in r.spans.get("verbatim", [])]
    found: list[tuple[str, Span]] = []
    for sentence in told:
        if sentence.index in rechallenge or not told_in_past(sentence.text):
            continue
        if any(sentence.start <= a < sentence.end for a, _ in held):
            continue
        for site, start, end in find_sites(sentence.text):
            if (
                site != "injection site"
                and not treatment_site(sentence.text, end, start)
                and assertion(sentence.text, start, end) is Assertion.present
            ):
                found.append((site, shift(sentence, (start, end))))
    return found
