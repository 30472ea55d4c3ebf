"""How the treatment names found side by side make the names a reader lists.

Read by :mod:`.treatment`: two names joined by a slash, a plus or a hyphen are one
combination ("amoxicillin/clavulanate"); a drug class named with its members in brackets or
after "including" is its members; a kind of care told with what it consisted of
("conservative management with dressings") is what it consisted of; a drug's brand or an
acronym in brackets after a name is that name again (docs/annotation.md, ``treatments``:
"as named").
"""

from __future__ import annotations

import re

_COMBINATION = re.compile(r"\s?[/+]\s?|-")
"""Between the two names of one combination product ("amoxicillin/clavulanate",
"antibiotic/steroid cream", "trimethoprim+sulfamethoxazole")."""


_INHIBITOR = re.compile(
    r"(?:clavulan(?:ic acid|ate)|sulbactam|tazobactam|avibactam|relebactam|vaborbactam)", re.I
)
"""A beta-lactamase inhibitor, given only with the penicillin or cephalosporin it protects
(WHO ATC J01CR, combinations of penicillins including beta-lactamase inhibitors): named
after it with "and", "with" or "plus" ("amoxicillin and clavulanic acid", "amoxicillin
875 mg and clavulanic acid 125 mg"), the two are one combination."""
_WITH_DOSE = re.compile(r"\s+(?:\d+(?:[.,]\d+)?\s*(?:mg|g)\s+)?(?:and|with|plus|\+)\s+", re.I)


_MEMBERS = re.compile(r"\s*(?:\w+\s+){0,2}\(\s*|\s*,?\s+(?:including|such as)\s+")
"""Between a drug class and its members in brackets or after "including" ("antibiotic
therapy (vancomycin", "an antihistamine (cyproheptadine", "supportive care, including
supplemental oxygen")."""


_CLASS = re.compile(
    r"(?:s|therapy|treatment|care|management|agent|drug|medication|steroid|antibiotic"
    r"|antihistamine|analgesic)$|^anti",
    re.I,
)
"""A drug class or a kind of care ("antibiotic therapy", "an antihistamine", "supportive
care"), which its members in brackets or after "including" name; a single drug followed by a
name in brackets is followed by its brand."""


_SURGICAL_HEAD = re.compile(r"[A-Za-z]+(?:ectom|otom|ostom|plast|pex)(?:y|ies)", re.I)
"""A procedure named by its surgical suffix (-ectomy, -otomy, -ostomy, -plasty, -pexy) right
after another name with a space between ("skin graft phalloplasty"): the head of one noun
compound whose modifier tells how it was done (the right-hand head rule of English
compounds, Williams, "On the notions 'lexically related' and 'head of a word'", Linguistic
Inquiry 12, 1981), one procedure."""
_ACRONYM = re.compile(r"(?-i:[A-Z]{2,}s?)")
"""An acronym in brackets after a name is that name abbreviated, not a member."""


_WITH_MEMBERS = re.compile(
    r"\s+(?:(?P<care>(?:therapy|treatment|management|care|regimen)\s+"
    r"(?:(?:was|were)\s+(?:started|initiated|begun|commenced|instituted)\s+)?)?"
    r"(?:with|using|based on|by)"
    r"|(?P<consisting>(?:(?:was|were)\s+)?(?:\w+\s+)?(?:consist(?:ing|ed) of|compris(?:ing|ed))))"
    r"\s+(?:(?:an?|the|regular|daily)\s+)?(?:[\w-]+\s+){0,2}",
    re.I,
)
_KIND_OF_CARE = re.compile(
    r"^(?:conservative|supportive|symptomatic|medical|pharmacological|non-?surgical|initial)"
    r" (?:management|therapy|treatment|care|measures?|approach)$"
    r"|^(?:anti-?[a-z]+|(?:cortico)?steroid) (?:therapy|treatment)$",
    re.I,
)
"""A kind of care told with what it consisted of ("conservative management with regular
dressings", "conservative therapy with antihistamines", "antibiotic treatment with
ceftriaxone", "antibiotic therapy was initiated with meropenem", "conservative treatment
using antibiotics", "based on", "supportive treatment by corticosteroids": the means), or a
class told with what it consisted of ("antibiotics commenced consisting of flucloxacillin"):
the names after "with", "by" or "consisting of" are the treatments, the class their hypernym
(a reader lists the members); a named therapy with another ("negative pressure wound therapy
with serial debridement") is two."""


def combined(text: str, kept: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Adjacent names joined by a slash, plus or hyphen are one combination treatment; a
    class named with its members in brackets ("an antihistamine (cyproheptadine 2 mg)") or
    a kind of care with what it consisted of ("conservative management with dressings") is
    the members, the names a reader lists."""
    out: list[tuple[int, int, str]] = []
    for start, end, name in kept:
        members = _WITH_MEMBERS.fullmatch(text[out[-1][1] : start]) if out else None
        if members and (
            _KIND_OF_CARE.search(out[-1][2])
            or (
                (members.group("care") or members.group("consisting")) and _CLASS.search(out[-1][2])
            )
        ):
            out.pop()
        if out and _MEMBERS.fullmatch(text[out[-1][1] : start]):
            if _ACRONYM.fullmatch(name) and "(" in text[out[-1][1] : start]:
                continue  # "non-steroidal anti-inflammatory drug (NSAID)": one name, spelt out
            if _CLASS.search(out[-1][2]):
                out.pop()
            elif "(" in text[out[-1][1] : start]:
                continue  # "ceftriaxone (Rocephin)": the drug's brand, not a second treatment
        if out and (
            _COMBINATION.fullmatch(text[out[-1][1] : start])
            or (_INHIBITOR.fullmatch(name) and _WITH_DOSE.fullmatch(text[out[-1][1] : start]))
            or (_SURGICAL_HEAD.fullmatch(name) and text[out[-1][1] : start] == " ")
        ):
            first = out.pop()
            out.append((first[0], end, text[first[0] : end]))
        else:
            out.append((start, end, name))
    return out


_GENERIC_SURGERY = re.compile(
    r"(?:surgical (?:treatment|intervention|procedure|management|therapy|approach)s?"
    r"|surger(?:y|ies)|(?:multiple |several |further )?operations)",
    re.I,
)
_SPECIFIC_SURGERY = re.compile(
    r"excis|debrid|drain|remov|resect|evacuat|incision|ectom|otom|ostom|plast|graft|flap"
    r"|amputat|repair|reconstruct|explor|suction|wash-?out|lavage|irrigat|aspirat|suture",
    re.I,
)


def specific_names(names: list[str]) -> list[bool]:
    """Which names a reader lists: a generic surgical name ("surgical treatment", "surgical
    interventions", "surgery") is dropped when the case names the procedure ("debridement
    and thread removal"): docs/annotation.md, ``treatments``, what was given or done, as
    named."""
    specific = any(_SPECIFIC_SURGERY.search(n) for n in names if not _GENERIC_SURGERY.fullmatch(n))
    return [not (specific and _GENERIC_SURGERY.fullmatch(name)) for name in names]
