"""Products named only by a descriptive phrase: the object of an administration phrase.

When a case report names no catalogue product or lexicon drug, the object of an
administration phrase is the product: "injections of a skin booster containing ...",
"had a hair-growth serum ... injected", "autologous fat injection", "a tear trough treatment
with dermal filler" (:func:`generic_mentions`). The phrase is cut to the noun phrase it can
be (English pronouns, -ly adverbs, temporal prepositions and reduced relative clauses end a
noun phrase), and a phrase that is a usual treatment, a clause or a body site names nothing.
"""

from __future__ import annotations

import re

from dermavigil.domain.vocab import ProductCategory
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.sites import find_sites
from dermavigil.literature.extract.treatment_names import TREATMENT
from dermavigil.terminology.products import ProductMention, categorize

Mentions = list[tuple[Sentence, ProductMention]]
_DETERMINER = r"(?:an?|the|one|some)\s+"
_NAME = (
    r"(?!(?:into|in|to|under|at|on|with|by|from|for|over|around|following|after|before"
    r"|during|using|per)\b)"
    r"(?P<name>[A-Za-z][\w\-' ]{2,50}?)"
)
_MATERIAL = (
    r"(?P<name>(?:\b(?!(?:from|of|with|after|following|to|in|on|and|or|by|received|receiving"
    r"|had|having|underwent|undergoing|got|getting)\b)[\w-]+\s+){0,3}?"
    r"(?:fillers?|fat|silicone|paraffin|oil|collagen|materials?|mercury"
    r"|substances?|preparations?|[\w-]*peptides?(?:-\d+)?))"
)
_GENERIC = (
    re.compile(
        rf"\b(?:self-)?inject(?:ed|ing)\s+(?:(?:herself|himself)\s+)?"
        r"(?:(?:\w+ly\s+)?with\s+(?![\w-]*\d|(?:an?\s+)?"
        r"(?:[\w-]+\s+)?(?:needles?|cannulas?|syringes?)\b))?"
        rf"(?:{_DETERMINER})?{_NAME}"
        r"(?=\s+(?:in|into|to|under|at|on|by|for|from|mixed|containing)\b|\s*[,.;(]|\s*$)",
        re.I,
    ),
    re.compile(
        rf"\b(?:(?:micro)?injections?|infiltrations?|application)\s+of\s+(?:{_DETERMINER})?{_NAME}"
        r"(?=\s+(?:containing|which|that|for|to|in|into|on|at|by|with|from|over|under|around"
        r"|of)\b|\s*[,.;(]|\s*$)",
        re.I,
    ),
    re.compile(
        rf"\b(?:had|received|was given|were given)\s+{_DETERMINER}{_NAME}"
        r"(?:\s*,[^,]{0,80},)?\s+(?:injected|administered|infiltrated)\b",
        re.I,
    ),
    re.compile(
        rf"\b{_DETERMINER}{_NAME}(?:\s*,[^,]{{0,80}},)?\s+(?:was|were)\s+(?:injected|administered)\b",
        re.I,
    ),
    re.compile(
        rf"{_MATERIAL}(?:\s*\([^)]{{1,30}}\))?\s+(?:injections?|injected|augmentation)\b", re.I
    ),
    re.compile(
        rf"\b(?:treatments?|procedures?|augmentation|sessions?)\s+with\s+(?:{_DETERMINER})?"
        rf"{_MATERIAL}\b",
        re.I,
    ),
)
"""Descriptive product phrases: "self-injected a topical skin preparation", "injections of
a skin booster containing ...", "a collagen-containing dermal filler injection", "autologous
fat injection", "acetyl hexapeptide-8 (argireline) injections", "a tear trough treatment with
dermal filler", "injection of non-steroidal anti-inflammatory drugs"."""
_CLAUSE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|may|might|can|could|will|would|possible)\b",
    re.I,
)
"""A verb or a modal inside a descriptive name: a clause was read, not a product ("the drug
is a possible cause")."""
_LEADING = re.compile(r"^(?:(?:an?|the|one|some|her|his|first|cosmetic|previous)\s+)+", re.I)
_DRUG_CLASS = re.compile(
    r"\b(?:drugs?|medications?|medicines?|antibiotics?|analgesics?|tablets?|pills?|capsules?"
    r"|an(?:a|ae)?esthetics?(?: solutions?| agents?)?"
    r"|analog(?:ue)?s?|agonists?|antagonists?|inhibitors?|blockers?|derivatives?"
    r"|contrast (?:agents?|media|medium|materials?))$"
    r"|^vitamin[\s-]*[a-z]?[\s-]*\d*$",
    re.I,
)
"""Head nouns that name a drug by its class: the word for drugs or a dose form, a
pharmacological class ("analgesics", "anaesthetic agent"), a drug named by what it is made
from or acts on ("a somatostatin analogue", "a GnRH agonist", "a pyrazole derivative",
"TNF inhibitors") and imaging contrast agents ("ionic contrast material")."""


_PRONOUN = frozenset(
    re.findall(r"\w+", "it its they them their theirs he him his she her hers this that these")
    + re.findall(r"\w+", "those which who whom what something anything itself themselves")
)
"""English personal, demonstrative, relative and indefinite pronouns: a closed class."""
_ADJECTIVE_END = re.compile(r"(?:al|ar|ous|ent|ant|ive|ate|ed|ic|ful|less|ct|ete|ise|ure|ear)$")


def _adverb(word: str) -> bool:
    """An adverb made from an adjective with -ly ("intramuscularly", "subcutaneously",
    "previously", "repeatedly"): its stem ends as English adjectives do. "jelly", "family",
    "poly" are not (their stems are not adjectives)."""
    lower = word.lower()
    return len(lower) > 5 and lower.endswith("ly") and bool(_ADJECTIVE_END.search(lower[:-2]))


def _noun_phrase(name: str) -> str:
    """The product name a descriptive phrase can be: the words before the first pronoun,
    adverb or temporal preposition (a noun phrase holds none: "sesame oil intramuscularly" is
    "sesame oil", "subcutaneously" or "them" name nothing)."""
    words = name.split(" ")
    for i, word in enumerate(words):
        if (
            word.lower() in _PRONOUN
            or _adverb(word)
            or (i and word.lower() in _OBTAINED)
            or (i and word.lower() in ("should", "must", "shall"))  # "X should be avoided"
            or (i and word.lower() in _TEMPORAL)  # "a local anesthetic during a procedure"
        ):
            return " ".join(words[:i]).strip()
        if (
            i
            and word.lower() in ("and", "or")
            and i + 1 < len(words)
            and _GERUND.search(words[i + 1])
        ):  # "Melanotan 2 and attending a tanning studio": a second clause begins
            return " ".join(words[:i]).strip()
    return name


_TEMPORAL = frozenset({"during", "after", "before", "following", "since", "until", "while"})
"""Temporal prepositions and conjunctions: a noun phrase has ended before one."""
_GERUND = re.compile(r"^[a-z]{3,}ing$")
"""A present participle (lower case: not a name such as "Sterling")."""


_OBTAINED = frozenset(
    {"bought", "purchased", "obtained", "sold", "ordered", "supplied", "acquired", "given"}
)
"""Participles of obtaining after a noun ("an unknown substance bought on the street"): a
reduced relative clause begins, the product's name has ended."""


_STRUCTURE = re.compile(
    r"\b(?:arter(?:y|ies)|veins?|vessels?|muscles?|nerves?|tendons?|joints?|bursae?|fascia"
    r"|ligaments?|compartments?)$",
    re.I,
)
"""Head nouns of anatomical structures (Terminologia Anatomica's kinds: vessels, muscles,
nerves, tendons, joints, bursae, fasciae, ligaments, compartments): "injection of his left
radial artery" names where the injection went."""


def _body_site(name: str) -> bool:
    """The phrase ends in a body site ("injection of a painful shoulder") or an anatomical
    structure ("accidental injection of an artery"): it names where the injection went, not
    what was injected."""
    return bool(_STRUCTURE.search(name)) or any(end == len(name) for _, _, end in find_sites(name))


def generic_mentions(patient: list[Sentence]) -> Mentions:
    """A product named only by a descriptive phrase ("a skin booster containing ...").

    A usual treatment of injection complications (:data:`.treatment_names.TREATMENT`) is not
    taken; a drug class ("non-steroidal anti-inflammatory drugs") is a drug.
    """
    for sentence in patient:
        for pattern in _GENERIC:
            for match in pattern.finditer(sentence.text):
                name = match.group("name").strip()
                lead = _LEADING.match(name)
                offset = lead.end() if lead else 0
                name = _noun_phrase(name[offset:])
                if (
                    len(name) < 3
                    or TREATMENT.fullmatch(name)
                    or _CLAUSE.search(name)
                    or _body_site(name)
                ):
                    continue
                start = sentence.start + match.start("name") + offset
                # "a skin preparation containing hyaluronic acid" is a skin preparation
                head = re.split(r"\s+(?:containing|with|based on|enriched with)\s+", name)[0]
                category = categorize(head)
                if category is ProductCategory.other and _DRUG_CLASS.search(name):
                    category = ProductCategory.drug
                mention = ProductMention(name, category, start, start + len(name))
                return [(sentence, mention)]
    return []
