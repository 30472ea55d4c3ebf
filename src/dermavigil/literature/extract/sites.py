"""Body sites named in a text, normalised to a short site name.

The vocabulary is the shipped data file ``terminology/data/body_sites.tsv``:
one site name a line with the regional terms of Terminologia Anatomica (TA2,
FIPAT 2019, English equivalents) it stands for and the wordings that name it
("deltoid" and "triceps" name the upper arm, "malar" and "zygomatic" the
cheek, "labial mucosa" the lip, "gluteal" the buttock). Sites are listed most
specific first; where two wordings overlap the earlier site wins ("crow's
feet" is the periorbital area, not a foot).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from dermavigil.terminology.coder import default_coder
from dermavigil.terminology.phenotype_spans import phenotype_spans


def _load() -> tuple[tuple[str, str], ...]:
    text = (
        resources.files("dermavigil.terminology")
        .joinpath("data/body_sites.tsv")
        .read_text(encoding="utf-8")
    )
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            name, _source, pattern = line.split("\t")
            rows.append((name, pattern))
    return tuple(rows)


SITE_WORDS: tuple[tuple[str, str], ...] = _load()
"""(site name, wordings as a regular expression), most specific first."""
SITE_NAMES: frozenset[str] = frozenset(name for name, _ in SITE_WORDS)


def _spelling_variants(pattern: str) -> str:
    """A wording's spelling variants: a space may be a hyphen or a line break ("tear-trough
    grooves", "naso-labial"), a hyphen may be typeset as the Unicode hyphen or the
    non-breaking hyphen (U+2010, U+2011: "a chest X-ray" so typeset is still an imaging test)
    and an apostrophe as the right single quotation mark (U+2019: "crow's feet" so typeset is
    still the periorbital area), as the same name is written in real reports."""
    pieces = re.split(r"(\[[^\]]*\])", pattern)  # a character class keeps its own hyphen
    return "".join(
        piece.replace("-", "\u2010\u2011-")
        if piece.startswith("[")
        else piece.replace("-", "[\u2010\u2011-]")
        .replace("'", "['\u2019]")
        .replace(" ", r"[\s\u2010\u2011-]")
        for piece in pieces
    )


@lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (name, re.compile(rf"(?<![\w-])(?:{_spelling_variants(p)})(?![\w-])", re.I))
        for name, p in SITE_WORDS
    )


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a wording pattern ("a|b(?:c|d)" -> "a", "b(?:c|d)")."""
    out, depth, start = [], 0, 0
    for at, char in enumerate(pattern):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth == 0:
            out.append(pattern[start:at])
            start = at + 1
    return [*out, pattern[start:]]


@lru_cache(maxsize=1)
def _regional_adjectives() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The regional adjectives the vocabulary names a site by only before a region noun
    ("temporal (?:regions?|areas?|...)", "frontal (?:regions?|...)"): a wording of
    ``body_sites.tsv`` that is one word followed by a group of nouns among which "regions?"
    stands."""
    found = []
    for name, pattern in SITE_WORDS:
        for alternative in _alternatives(pattern):
            words = re.fullmatch(r"([a-z]+(?:-\?[a-z]+)?) \(\?:(.*)\)", alternative)
            if words and "regions?" in _alternatives(words.group(2)):
                found.append((name, re.compile(rf"(?<![\w-]){words.group(1)}\s+", re.I)))
    return tuple(found)


_INJECTED_NOUN = re.compile(
    r"(?:(?:hyaluronic acid |HA |dermal |soft[- ]tissue )?(?:fillers?|injections?|filling)"
    r"|skin|soft tissues?|subcutaneous|nodules?|lumps?|masses|mass)\b",
    re.I,
)


def _adjective_sites(text: str) -> list[tuple[str, int, int]]:
    """A regional adjective (:func:`_regional_adjectives`) before a skin reaction the HPO names
    ("frontal skin necrosis", "buccal erythema": a phenotype span of the skin subtree starting
    at the next word, :func:`~dermavigil.terminology.phenotype_spans.phenotype_spans`) or
    before an injection,
    a filler, the skin or a lump ("zygomatic filler injection") names its region; one that
    starts a phenotype's own name ("frontal headache", "nasal congestion") or another noun
    ("temporal artery", "nasal spray", "frontal headache") does not."""
    starts: set[int] | None = None
    found = []
    for name, adjective in _regional_adjectives():
        for match in adjective.finditer(text):
            if starts is None:
                skin = default_coder().tables.skin
                starts = {span.start for span in phenotype_spans(text) if span.term_id in skin}
            if match.end() in starts or _INJECTED_NOUN.match(text, match.end()):
                found.append((name, match.start(), match.start() + len(match.group(0).rstrip())))
    return found


@lru_cache(maxsize=1)
def _gated_wordings() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The wordings the vocabulary counts only after a determiner ("(?<=the )back", "(?<=her
    )back": "back" is also an adverb), without that determiner: a wording of
    ``body_sites.tsv`` that opens with a lookbehind."""
    found: dict[tuple[str, str], None] = {}
    for name, pattern in SITE_WORDS:
        for alternative in _alternatives(pattern):
            gated = re.fullmatch(r"\(\?<=[^()]*\)(.+)", alternative)
            if gated:
                found[(name, gated.group(1))] = None
    return tuple(
        (name, re.compile(rf"(?<![\w-])(?:{bare})(?![\w-])", re.I)) for name, bare in found
    )


_CONJUNCTION = re.compile(r"\s*(?:,\s*(?:(?:and|or|&)\s+)?|\s(?:and|or|&)\s+)")
"""What joins two members of a list: a comma, "and", "or", ", and"."""


def _coordinated_sites(text: str, found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """A wording the vocabulary gates on its determiner (:func:`_gated_wordings`) that is a
    member of a list of sites ("his face, back, and chest", "on the legs and back"): the
    list's determiner or preposition stands before its first member only."""
    out = []
    for name, pattern in _gated_wordings():
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(
                _CONJUNCTION.fullmatch(text, e, start) or _CONJUNCTION.fullmatch(text, end, s)
                for _, s, e in found
                if e <= start or s >= end
            ):
                out.append((name, start, end))
    return out


_SHARED_HEAD = re.compile(r"([A-Za-z-]{4,})(?:\s*,\s*|\s*,?\s+(?:and|or|&)\s+)$")
"""A regional word coordinated with the next one, sharing its noun: "the right infraorbital
and nasolabial area" names the infraorbital area too."""


def find_sites(text: str) -> list[tuple[str, int, int]]:
    """Body sites in ``text`` as (site, start, end), in text order, no overlaps; a regional
    word that shares the noun of the site named after it counts as its own site."""
    found: list[tuple[str, int, int]] = []
    for name, pattern in _compiled():
        for match in pattern.finditer(text):
            if all(match.end() <= s or match.start() >= e for _, s, e in found):
                found.append((name, match.start(), match.end()))
    for name, start, end in [*_adjective_sites(text), *_coordinated_sites(text, found)]:
        if all(end <= s or start >= e for _, s, e in found):
            found.append((name, start, end))
    for _name, start, end in list(found):
        shared = _SHARED_HEAD.search(text, max(0, start - 40), start)
        head = text[start:end].split()[-1]
        if shared is None or len(text[start:end].split()) < 2:
            continue
        word = shared.group(1)
        if any(s <= shared.start(1) < e for _, s, e in found):
            continue
        for other, pattern in _compiled():
            if pattern.fullmatch(f"{word} {head}"):
                found.append((other, shared.start(1), shared.end(1)))
                break
    return sorted(
        (
            site
            for site in found
            if not _STRUCTURE_AFTER.match(text, site[2]) and not _limb_surface(text, *site)
        ),
        key=lambda item: item[1],
    )


_ASPECT_BEFORE = re.compile(
    r"\b(?:(?:antero|postero|supero|infero)-?)?(?:anterior|posterior|lateral|medial|dorsal"
    r"|ventral|volar|palmar|plantar|extensor|flexor|inner|outer|internal|external)\s+$",
    re.I,
)
_OF_AFTER = re.compile(r"\s+of\b", re.I)


def _limb_surface(text: str, name: str, start: int, end: int) -> bool:
    """ "face" between an aspect adjective and "of" ("the anterior face of the forearm", "the
    outer face of both thighs") is the surface of the part named next (Terminologia
    Anatomica's *facies*: "facies anterior antebrachii"), not the face."""
    return (
        name == "face"
        and text[start:end].lower() == "face"
        and bool(_ASPECT_BEFORE.search(text, max(0, start - 30), start))
        and bool(_OF_AFTER.match(text, end))
    )


_STRUCTURE_AFTER = re.compile(
    r"[\s-]+(?:(?:and|or)\s+[\w-]+\s+)?(?:arter(?:y|ies)|veins?|nerves?|screws?"
    r"|bones?|fractures?|prosthes[ie]s|drop|lobes?|sinus(?:es)?)\b",
    re.I,
)
"""A structure named after a region ("the submental artery", "a dynamic hip screw", "foot
drop", "the frontal lobe"): a vessel, a nerve or a bone of the region, or a deficit named by
it, not its skin, where an injection or a skin reaction is. A joint stays: the shoulder joint
lies under the deltoid a vaccine is injected into."""


_TREATMENT_INJECTION = re.compile(
    r"^\s*(?:(?!(?:after|following|before|with|of|a|an|the|and|or)\b)[\w-]+\s+){0,2}?"
    r"(?P<drug>(?:cortico)?steroids?|triamcinolone|dexamethasone|(?:methyl)?prednisolone"
    r"|betamethasone|hyaluronidase|antibiotics?|penicillin|ceftriaxone|analgesics?"
    r"|local ana?esthetics?)\s+(?:injections?|shots?)\b",
    re.I,
)
_INDICATION_BEFORE = re.compile(
    r"\b(?:for|due to|because of|to (?:treat|relieve))\s+(?:(?:chronic|acute|severe|persistent"
    r"|recurrent|intractable|refractory|her|his|the)\s+)*$",
    re.I,
)
_COMPLAINT_AFTER = re.compile(
    r"(?:\s*(?:,|and|or)\s*[\w-]+)*\s+(?:pain|aches?|stiffness)\b",
    re.I,
)


_IMAGING = (
    r"(?:CT|(?:computed |axial |helical |spiral )+tomograph\w*|MRI|MR|magnetic resonance"
    r"(?: imaging)?|x[-\u2010\u2011]?rays?|radiograph(?:s|ic|y)?|films?|scans?"
    r"|(?:CT[ -])?angiograph\w*|PET|imaging)"
)
_IMAGED_BEFORE = re.compile(
    rf"\b{_IMAGING}(?:\s+scans?)?\s+(?:of\s+)?(?:the\s+|both\s+|her\s+|his\s+)?$", re.I
)
_IMAGED_AFTER = re.compile(rf"(?:\s+and\s+[\w-]+)?\s+{_IMAGING}\b", re.I)
"""'CT chest revealed ...', 'a computed tomography scan of the chest', 'chest and abdominal
films': the region an imaging test covered, not a site of the reaction."""
_DONOR_AFTER = re.compile(r"(?:\s+[\w-]+)?\s+(?:flaps?|grafts?|donor)\b", re.I)
_DONOR_BEFORE = re.compile(
    r"\b(?:harvested|taken|obtained|transfer(?:red)?|removed|aspirated|liposuctioned"
    r"|extracted|(?:fat|adipose tissue|lipoaspirate))\s+"
    r"(?:[\w-]+\s+){0,5}?from\s+(?:the\s+|both\s+|her\s+|his\s+)?(?:[\w-]+\s+)?$",
    re.I,
)
"""'a sensate free anterolateral thigh flap', 'fat harvested from the abdomen': where a flap or
a graft was taken, not a site of the reaction."""


def imaged_or_donor_site(text: str, start: int, end: int) -> bool:
    """The site word at ``start``-``end`` names the region an imaging test covered ("CT chest
    revealed", "chest and abdominal films") or where a flap or graft was taken ("thigh flap",
    "fat harvested from the abdomen"): neither is where the product went or the reaction was."""
    before = text[max(0, start - 60) : start]
    return bool(
        _IMAGED_BEFORE.search(before)
        or _IMAGED_AFTER.match(text, end)
        or _DONOR_AFTER.match(text, end)
        or _DONOR_BEFORE.search(before)
    )


_PREDICATE = re.compile(r"\b(?:was|were|showed|revealed|had|but)\b", re.I)
"""A predicate before the site or between it and the normal result: the site is not the subject
of that result ("findings were positive for deltoid tenderness ... sensation was intact")."""
_EXAMINED = re.compile(
    r"\b(?:examinations?|exams?|examined|evaluations?|auscultation|palpation|inspection|ultraso\w+"
    r"|doppler|clinically)\b",
    re.I,
)
"""An examination of a region (by hand, by ear or by ultrasound)."""
_FOUND_NORMAL = re.compile(
    r"(?i)\b(?:(?:was|were)\s+(?:\w+\s+)?(?:normal|unremarkable|satisfactory|clear|intact)"
    r"|(?:revealed|showed|disclosed|demonstrated) no\b)"
)
"""What an examination found normal: "was normal", "were satisfactory", "revealed no ..."."""


def examined_normal(text: str, start: int, end: int) -> bool:
    """The site word at ``start``-``end`` names a region an examination found normal, in one
    clause ("Abdominal examination revealed no tenderness", "chest and cardiovascular
    examinations were satisfactory", "the right hip and abdomen were clinically normal"):
    a negative finding of the work-up, not where the product went or the reaction was
    (docs/annotation.md: negated findings are not the patient's)."""
    begin = max(text.rfind(c, 0, start) for c in ".;:") + 1
    stops = [i for i in (text.find(c, end) for c in ".;") if i >= 0]
    clause = text[begin : min(stops, default=len(text))]
    result = _FOUND_NORMAL.search(clause, end - begin)
    return (
        result is not None
        and not _PREDICATE.search(clause, 0, start - begin)
        and not _PREDICATE.search(clause, end - begin, result.start())
        and bool(_EXAMINED.search(clause, 0, result.end()))
    )


def treatment_site(text: str, end: int, start: int | None = None, suspect: str = "") -> bool:
    """The site word ending at ``end`` places an injection of a treatment ("a gluteal
    intramuscular steroid injection provided relief"), not of the ``suspect`` product; or,
    with its ``start``, names where the complaint treated by the injection was ("given for
    chronic neck and back pain"), the region an imaging test covered or where a flap or a
    graft was taken (:func:`imaged_or_donor_site`), or a region an examination found normal
    (:func:`examined_normal`)."""
    treatment = _TREATMENT_INJECTION.search(text[end : end + 80])
    if treatment and treatment.group("drug").lower() not in suspect.lower():
        return True
    if start is not None and (
        imaged_or_donor_site(text, start, end) or examined_normal(text, start, end)
    ):
        return True
    return bool(
        start is not None
        and _INDICATION_BEFORE.search(text[max(0, start - 60) : start])
        and _COMPLAINT_AFTER.match(text, end)
    )


def add_sites(body_sites: list[str], spans: dict, found: list[tuple[str, tuple[int, int]]]) -> None:
    """Add the ``found`` (site, evidence span) pairs to ``body_sites`` and their evidence
    ``spans["body_sites"]``, each site once."""
    for site, span in found:
        if site not in body_sites:
            body_sites.append(site)
            spans.setdefault("body_sites", []).append(span)


def keep_sites_within(body_sites: list[str], spans: dict, within: list[tuple[int, int]]) -> None:
    """Keep only the sites (``body_sites`` with their evidence ``spans["body_sites"]``) found
    inside the ``within`` spans (the case sentences): a product found only in background
    sentences keeps its name, not the sites those sentences give."""
    kept = [
        (site, span)
        for site, span in zip(body_sites, spans.get("body_sites", []), strict=True)
        if any(a <= span[0] and span[1] <= b for a, b in within)
    ]
    body_sites[:] = [site for site, _ in kept]
    if kept:
        spans["body_sites"] = [span for _, span in kept]
    else:
        spans.pop("body_sites", None)
