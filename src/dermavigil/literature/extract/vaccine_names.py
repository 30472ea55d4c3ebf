"""A disease named as part of a vaccine's name: the vaccine's target, not a reaction.

A vaccine is named by what it protects against ("hepatitis B vaccine", "the DTaP vaccine
(diphtheria, tetanus, pertussis)", "rabies post-exposure vaccination"): the disease words
are the head noun's premodifiers, inside one noun phrase that ends on the head "vaccine",
"vaccination" or "toxoid" (premodification of the head noun: Quirk et al. 1985, *A
Comprehensive Grammar of the English Language*, 17.97-17.120). A reaction named so was
never the patient's (``docs/annotation.md``: reactions are what happened to this patient).

:func:`names_a_vaccine` reads the words after a mention up to the clause's end: each is a
content word of the same phrase (a capitalised name, a serotype letter, "virus",
"conjugate", "post-exposure", a comma or "and" of a list, a closing parenthesis of a list
the mention sits in); a function word, a verb, a time word or an opening parenthesis ends
the phrase ("fever after the measles vaccine", "erythema (influenza vaccine)"); and the head
must end the phrase, not modify a noun of its own ("a vaccine-induced granuloma", "itching
vaccination granuloma", where the vaccine is the cause). Pure: text in, verdict out.
"""

from __future__ import annotations

import re

_LIMIT = 16
"""Words at most between the mention and the head (a combined vaccine lists six diseases)."""
_GAP = re.compile(r"[\s,)\]/]*")
_WORD = re.compile(r"[^\s,()\[\]/;:.]+(?:\.(?=\w))?[^\s,()\[\]/;:.]*")
_HEAD = re.compile(r"(?:vaccin(?:e|es|ation|ations)|toxoids?)", re.I)
_STOP = re.compile(
    r"(?:"
    r"after|following|post|to|the|a|an|of|with|from|by|at|in|on|for|into|as|than"
    r"|against|was|were|is|are|be|been|being|had|has|have|did|do|does|who|which|that"
    r"|this|these|those|her|his|their|its|our|my|she|he|they|it|we|or|but|then|when"
    r"|while|since|until|day|days|week|weeks|month|months|year|years|hour|hours|minute"
    r"|minutes|dose|doses|first|second|third|fourth|booster|previous|prior|same|recent"
    r"|last|receiving|received|given|administered|injected|injection|injections|site"
    r"|sites"
    r")",
    re.I,
)
"""Words that end the noun phrase: function words, verbs, time and dose words."""
_FOLLOWERS = re.compile(
    r"(?:"
    r"was|were|is|are|had|has|have|given|administered|and|or|in|at|on|into|for|to"
    r"|with|dose|doses|series|schedule|booster|shot|shots"
    r")",
    re.I,
)
"""Words that may follow the head when it ends the phrase ("... vaccines were given")."""


def names_a_vaccine(text: str, start: int, end: int) -> bool:
    """The mention ``text[start:end]`` premodifies a vaccine's head noun in one noun phrase,
    or is listed in a parenthesis right after the head ("a combined vaccine (diphtheria,
    tetanus, pertussis)"); see the module docstring."""
    if _listed_after_head(text, start):
        return True
    position = end
    for _ in range(_LIMIT):
        gap = _GAP.match(text, position)
        assert gap is not None  # the pattern matches the empty string
        if "\n" in gap.group(0):
            return False
        word = _WORD.match(text, gap.end())
        if word is None:
            return False  # an opening parenthesis, a clause's end or the text's end
        token = word.group(0)
        if _HEAD.fullmatch(token):
            return _ends_phrase(text, word.end())
        if _STOP.fullmatch(token):
            return False
        position = word.end()
    return False


def _ends_phrase(text: str, position: int) -> bool:
    """The head ends its phrase: the clause or the line ends after it, or a verb, a
    conjunction or a dose word follows it, not a noun it would modify ("vaccine-induced",
    "vaccination granuloma")."""
    after = re.match(r"[ \t]*(\S*)", text[position:])
    following = after.group(1) if after else ""
    if not following or following[0] in ".,;:)\n" or text[position : position + 1] == "\n":
        return True
    return bool(_FOLLOWERS.fullmatch(following.strip(".,;:")))


_OPENED = re.compile(r"(\S+)\s*\(([^()\n]{0,120})$")
"""An open parenthesis before a mention, with the word before it and what it holds so far."""


def _listed_after_head(text: str, start: int) -> bool:
    """The mention is listed in a parenthesis that follows a vaccine's head noun, with only
    list words before it inside ("vaccine (diphtheria, tetanus, ...")."""
    opened = _OPENED.search(text, max(0, start - 160), start)
    if opened is None or not _HEAD.fullmatch(opened.group(1).strip(",;:")):
        return False
    words = _WORD.findall(opened.group(2))
    return not any(_STOP.fullmatch(w) for w in words) and not re.search(r"[.;:]", opened.group(2))
