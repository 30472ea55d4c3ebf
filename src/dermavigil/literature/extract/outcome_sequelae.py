"""The wordings of a sequela: a lasting change a reaction leaves (E2B E.i.7 "recovered with
sequelae"), for :mod:`.outcome_words`.

A sequela is named after a cue ("leaving", "healed with", "residual", "resulting in"), said
to remain or be permanent ("persistent deformities occurred"), listed ("sequelae included
..."), left after the reaction's resolution ("resolved, but hyperpigmentation persisted"),
or is a lost digit or limb. :func:`sequela_mentions` finds them; a loss of function said to
remain, with no recovery stated, is the reaction persisting (docs/annotation.md, r059).
"""

from __future__ import annotations

import re

from dermavigil.domain.vocab import Outcome

Span = tuple[int, int]

BETTER_VERB = (
    r"(?:resolved|recovered|healed|disappeared|regressed|subsided|faded|cleared|improved|settled"
    r"|reversed|alleviated|relieved|repigmented)"
)
_SEQUELA_WORD = (
    r"(?:scar(?:s|ring|red)?|(?:lipo)?atroph\w*|(?:post-?inflammatory )?(?:hyper|hypo|de)?"
    r"pigment(?:ation|ed)|dyschromi\w*|discolou?ration|depress(?:ed area|ion)|indentation"
    r"|deformit\w*|contour (?:irregularit\w*|defects?|deformit\w*)|asymmetry|fibrosis"
    r"|telangiectas\w*|alopecia|hair loss|keloids?|contractures?|deficits?|weakness|numbness"
    r"|hyp(?:o|er)a?esthesia|par(?:a)?esthesias?|(?:visual|vision) (?:loss|impairment)"
    r"|loss of (?:vision|sight|function|tissue|volume)|disfigurement|tissue loss|volume loss"
    r"|(?:reduced|impaired|limited) (?:\w+ )?function"
    r"|paraly\w+|paresis|palsy|(?:foot|wrist|toe)[- ]?drop"
    r"|sequelae?)"
)
"""Lasting changes a reaction leaves (a scar, atrophy, pigmentation, a deficit): sequelae."""
_DEFICIT = re.compile(
    r"(?:paraly\w+|paresis|palsy|weakness|deficits?|numbness|hyp(?:o|er)a?esthesia"
    r"|par(?:a)?esthesias?|(?:visual|vision) (?:loss|impairment)|blindness"
    r"|loss of (?:vision|sight|function)|reduced (?:\w+ )?function|(?:foot|wrist|toe)[- ]?drop)"
    r"(?:\s+of\b[^.;,]*)?$",
    re.I,
)
"""A loss of function (a paresis, a visual loss, a deficit) said to remain or to be permanent,
with no recovery stated, is the reaction persisting: not recovered, not a sequela
(docs/annotation.md: r059 'the paralysis was considered permanent'); a recovery stated with
a deficit left ('recovered after 4 months with reduced motor function', r421) is recovered
with sequelae."""
_MODIFIERS = (
    r"(?:(?!(?:developed|leaving|left|needed|required|started|used|treated)\b)(?:mild|minimal"
    r"|small|faint|slight|subtle|visible|permanent|persistent|residual|post-?inflammatory|skin"
    r"|tissue|facial|\w+ed|\w+al|\w+ic|\w+ous|\w+ive|\w+ar)\s+){0,2}"
)
"""Up to two adjectives of a sequela ("a depressed scar", "subcutaneous atrophy")."""
_CUE_WORDS = r"(?:(?!(?:and|or|but|with|without|no|not|the|she|he|it|they)\b)[a-z-]+\s+){0,3}?"
"""Any few words between a cue and its sequela ("leaving discreet scar")."""
_MORE = (
    rf"(?P<more>(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:an?\s+|some\s+)?"
    rf"{_MODIFIERS}{_SEQUELA_WORD}\b)*)"
)
"""The further sequelae of a list after the first ("healed with scarring and
hypopigmentation", "leaving atrophy, telangiectasia and a depressed scar"): a coordination
joins phrases of one kind (Quirk et al. 1985, A Comprehensive Grammar of the English
Language, 13.2), so each is a sequela too."""
_SEQUELA_CUE = re.compile(
    r"\b(?:leaving(?: behind)?|left(?: behind)?(?= (?:an?|some|mild|persistent|\w+ed)\b)"
    r"|left (?:the patient|her|him|them) with|(?:was|were|is|are|been) left with"
    r"|resolution with|(?:with )?residual|sequelae (?:of|such as)"
    # "the lesions turned into pigmented scars": a change of state into a lasting mark
    r"|(?:turned|evolved|transformed|changed) into"
    r"|led to an?(?= (?:aesthetic|cosmetic) sequel)"
    r"|(?:heal(?:ed)?|resolved?|recovered|regressed|subsided)\b(?:[^.;,]{0,40}?)\bwith"
    r"(?! (?:an? )?"
    r"(?:acceptable|good|excellent|satisfactory|no|out)\b))"
    # "pigmented scars", "atrophic scar": a sequela word used as an adjective of a scar
    rf"\s+(?:an?\s+|some\s+)?(?P<seq>{_CUE_WORDS}{_SEQUELA_WORD}(?:\s+scar(?:s|ring)?)?)\b{_MORE}",
    re.I,
)
_SEQUELA_STAYS = re.compile(
    rf"\b(?P<seq>{_MODIFIERS}(?:scar(?:s|ring)?|keloids?|sequelae|fibrosis|deformit(?:y|ies)"
    r"|disfigurement)) (?:remained|persisted|was left|were left)\b"
    rf"|\b(?P<seq4>(?:persistent|permanent|lasting) {_MODIFIERS}(?:scar(?:s|ring)?|keloids?"
    r"|fibrosis|deformit(?:y|ies)|disfigurement|(?:hyper|hypo)?pigmentation|contour defects?))"
    r" (?:occurred|developed|remained|resulted|ensued)\b"
    r"|(?:\b(?:the|his|her|a|an) |^)(?P<seq2>[a-z][a-z -]{2,60}?) (?:was|were|is|are|remained)"
    r" (?:considered |deemed |judged )?permanent\b"
    r"|\b(?:lesions?|ulcers?|ulcerations?|wounds?|necrosis|sites?|areas?) (?:had |has |have )?"
    r"(?:\w+ly )?(?P<seq5>scar)red\b"
    r"|\b(?:late |permanent |residual )?sequelae (?:included|were|was|consisted of|comprised)\s+"
    r"(?P<seq3>[a-z][a-z -]{2,60}?)(?=[.,;]|\s+(?:and|at|on|that|which|after)\b|$)"
    rf"|\b(?:{BETTER_VERB}|normali[sz]ed)\b[^.;]{{0,60}}?,?\s+(?:but|while|whereas)\s+"
    r"(?:an?\s+|some\s+|the\s+|her\s+|his\s+|their\s+)?"
    rf"(?P<seq6>(?:[\w-]+ )?{_MODIFIERS}{_SEQUELA_WORD}) (?:(?:was|were|is|are|remained)"
    r" (?:\w+ )?(?:irreversible|permanent)|remained|persisted|persists|remains|was left"
    r"|were left)\b"
    rf"|\bonly (?:an? |some )?(?P<seq7>{_MODIFIERS}{_SEQUELA_WORD}(?: [a-z]+)?) (?:remained"
    r"|persisted|persists|remains|was left|were left)\b",
    re.I,
)
"""A scar, a fibrosis or a deformity said to remain ("persistent deformities occurred"), a
deficit said to be permanent, the lesion that "had scarred", the sequelae listed, or a
sequela left after the reaction's resolution ("resolved the inflammation, but
hyperpigmentation persisted", "the pain resolved, while the atrophy was irreversible": a
recovery stated with a lasting change left, docs/annotation.md), or all that remains ("only
post-inflammatory hyperpigmented patches remained"); a reaction that is itself still present
("the atrophy was still present") is not recovered."""
_LOSS = re.compile(
    r"\b(?:(?P<procedure>(?:(?:above|below|through)[- ]the[- ]\w+ |(?:above|below)[- ]\w+ |\w+ )?"
    r"amputation|amputated|(?:(?:total|partial) )?(?:shoulder|knee|hip|elbow|ankle|joint)"
    r" (?:replacement|arthroplasty|prosthesis)(?= (?:was|were) (?:\w+ )?(?:necessary|needed"
    r"|required)))|(?P<seq>loss of (?:the |a |an )?(?:affected )?(?:toe|finger|digit|limb|hand"
    r"|foot|arm|leg)s?))\b",
    re.I,
)
"""An amputation, a lost digit or limb, a joint replaced by a prosthesis: the last event the
reaction leaves the patient with (docs/annotation.md, r4xx decisions: "an amputation as the
last event is recovered_with_sequelae"; x0xx: "function restored by a prosthesis is
recovered_with_sequelae"): a replacement the reaction made necessary, not an arthroplasty
before the exposure. Only the loss (``seq``) is a sequela the reaction left, listed with the
reactions; the amputation or the replacement (``procedure``) is the surgery that left it, a
treatment (docs/annotation.md: "amputation is a treatment, serious, outcome
recovered_with_sequelae"), which states the outcome and names no reaction."""
SEQUELA_ANY = re.compile(rf"\b(?P<seq>{_MODIFIERS}{_SEQUELA_WORD})\b", re.I)


def _listed(match: re.Match[str], group: str) -> tuple[Span, ...]:
    """The sequela's span, then those of the further sequelae listed after it (:data:`_MORE`)."""
    spans = [match.span(group)]
    if match.groupdict().get("more"):
        start = match.start("more")
        spans += [
            (start + m.start("seq"), start + m.end("seq"))
            for m in SEQUELA_ANY.finditer(match.group("more"))
        ]
    return tuple(spans)


def sequela_mentions(text: str) -> list[tuple[Outcome, Span, tuple[Span, ...]]]:
    """Every phrase of ``text`` that states a sequela (or a deficit that stays, not
    recovered): its outcome, its span and the spans of the sequelae it names."""
    found: list[tuple[Outcome, Span, tuple[Span, ...]]] = []
    for pattern in (_SEQUELA_CUE, _SEQUELA_STAYS):
        for m in pattern.finditer(text):
            group = next(
                g
                for g in ("seq", "seq2", "seq3", "seq4", "seq5", "seq6", "seq7")
                if m.groupdict().get(g)
            )
            if group == "seq7" and _DEFICIT.search(m.group(group)):
                continue  # "only a mild weakness remained": improvement short of complete
            if pattern is _SEQUELA_STAYS and _DEFICIT.search(m.group(group)):
                found.append((Outcome.not_recovered, m.span(), ()))
                continue
            found.append((Outcome.recovered_with_sequelae, m.span(), _listed(m, group)))
    found += [
        (Outcome.recovered_with_sequelae, m.span(), (m.span("seq"),) if m["seq"] else ())
        for m in _LOSS.finditer(text)
    ]
    return found
