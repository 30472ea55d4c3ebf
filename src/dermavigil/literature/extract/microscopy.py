"""The grammar of microscopy sentences that name their result without a reporting verb after
the test.

Two sentence shapes of a case report's histology tell what the slide showed without the
"<test> showed <result>" order the findings reader looks for first
(:mod:`dermavigil.literature.extract.findings`):

- **A test adverbial opening the sentence** ("Histologically, ...", "On histopathology,
  ...", "During histological examination, ...", "Microscopically: ..."): the adverbial sets
  the frame and the clause after it is the finding, whatever its verb ("a foreign body
  reaction with lipid vacuoles was observed in the subcutis", "the dermal collagen was
  degenerated"). The subject of a passive observation verb is then the finding, not the
  words after the verb.
- **An excised lesion as the subject of a reporting verb** ("The lumps exhibited chronic
  inflammation with fibrosis.", "Some of the excised nodules showed foamy histiocytes"): a
  case tells what the removed tissue showed without naming the test, and its result names
  what only a microscope shows (cells, an infiltrate, granulomas, the skin's layers).
- **A sentence that goes on describing the slide** after a histopathology finding: its
  subject is a layer of the skin or a part of the slide ("The dermis demonstrates ...",
  "Examination of the deeper dermis revealed ...", "The vacuoles contained ...", "The
  findings were consistent with ...") or its verb is a passive of observation ("Similar
  material is also identified ..."), in the past or in the present a case may be told in.
  The layers are the strata of the skin of Terminologia Anatomica (epidermis, dermis with
  its papillary and reticular layers, subcutaneous tissue or hypodermis) and of the
  microscope (subcutis, panniculus, fat lobules and septa).
"""

from __future__ import annotations

import re

from dermavigil.literature.extract.finding_result import RESULT_END

_TEST_WORD = (
    r"(?:histo\w{0,3}patholog\w*|(?:immuno)?histolog\w*|dermatopatholog\w*|microscop\w*"
    r"|patholog(?:ic|ical)(?:ly)?|cytolog\w*|light microscopy|(?:skin |punch )?biops(?:y|ies))"
)
_OPENING = re.compile(
    rf"^(?:(?:on|at|upon|in|during|by|under)\s+(?:the\s+)?)?(?P<test>{_TEST_WORD}"
    r"(?:\s+(?:exam(?:ination)?s?|evaluations?|analys[ie]s|stud(?:y|ies)|findings?"
    r"|sections?))?)\s*[,:]\s*",
    re.I,
)
"""A test adverbial opening the sentence, closed by a comma or a colon."""
_ACTIVE_REPORT = re.compile(
    r"\b(?:showed|shows|revealed|reveals|demonstrated|demonstrates|disclosed|displayed"
    r"|exhibited|presented|consist(?:ed|s) of|contained|contains)\b",
    re.I,
)
"""A verb whose object is the finding: the findings reader's own verb-led path reads it."""


def opening_clause(text: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(test span, clause span) when ``text`` opens with a test adverbial and the clause after
    it has no active reporting verb ("Histologically, X was observed in the dermis": the
    clause is X and what was said of it); None otherwise."""
    opening = _OPENING.match(text)
    if opening is None:
        return None
    clause = text[opening.end() :]
    if not clause or _ACTIVE_REPORT.search(clause):
        return None
    end = opening.end() + len(clause.rstrip(" .;"))
    return opening.span("test"), (opening.end(), end)


LAYER = (
    r"(?:(?:superficial|deep(?:er)?|mid|upper|lower|papillary|reticular|underlying|entire"
    r"|whole)\s+)*(?:epidermis|dermis|subcutis|hypodermis|panniculus|subcutaneous"
    r"(?:\s+(?:fat|tissue|adipose tissue|layer))?|adipose tissue|fat lobules?|fat septa"
    r"|septa)"
)
"""The skin's layers as a slide shows them."""
_SLIDE_PART = (
    r"(?:granulomas?|infiltrates?|vacuoles?|cysts?|histiocytes|macrophages|lymphocytes"
    r"|(?:(?:multinucleated |foreign[- ]body |giant |inflammatory |epithelioid |plasma )"
    r"*cells)|lesions?|specimens?|samples?|sections?|slides?|tissues?|material|deposits?)"
)
_VERB = (
    r"(?:showed|shows|revealed|reveals|demonstrated|demonstrates|disclosed|discloses|displayed"
    r"|displays|exhibited|exhibits|contained|contains|consisted|consists|were|was|is|are)"
)
GOES_ON = re.compile(
    r"\b(?:were|was|is|are) (?:also )?(?:observed|seen|noted|present|found|identified"
    r"|scattered|detected)\b"
    rf"|^(?:in )?(?:the )?(?:same )?(?:{LAYER}|{_SLIDE_PART})(?:\s+and\s+{LAYER})?"
    rf" (?:also )?{_VERB}\b"
    rf"|^(?:(?:further )?examination|evaluation|sections?) of the {LAYER}\b"
    r"|^(?:these |the )?(?:histolog\w* |microscopic )?(?:findings|features) (?:were|are)"
    r" (?:consistent|compatible) with\b"
    r"|^there (?:was|were)\b",
    re.IGNORECASE,
)
"""A sentence, or a clause after a semicolon, that goes on describing the slide ("Patchy
spongiosis was observed in the epidermis.", "The granulomas were epithelioid ...", "The dermis
demonstrates ...", "Examination of the deeper dermis revealed ...", "The same sample also
showed ...", "the underlying dermis showed ...")."""


_CAPTION_LABEL = re.compile(
    r"^(?:\(?[A-Ha-h]\)|Fig(?:ure)?\.?\s*\d+[A-Za-z]?[.:]?(?:\s*\(?[A-Ha-h]\))?)\s+"
)
_STAIN_NOTE = re.compile(
    r"\s*\((?=[^()]*(?:H\s?&\s?E|h(?:a)?ematoxylin|magnification|\u00d7\s?\d|\bx\s?\d{2,}"
    r"|\bstain))[^()]*\)\.?\s*$",
    re.I,
)


def micrograph_caption(text: str) -> tuple[tuple[int, int] | None, tuple[int, int]] | None:
    """A figure caption of a micrograph: a panel or figure label ("(B)", "Fig. 2") and a
    description closed by the stain and magnification in brackets ("(H&E, x200)"), or naming
    the micrograph itself. Returns (the label's span, the description's span) when the
    stain note closes it, (None, the description's span) when only the word "micrograph"
    names it; None for any other sentence."""
    label = _CAPTION_LABEL.match(text)
    if label is None:
        return None
    note = _STAIN_NOTE.search(text)
    if note is not None and note.start() > label.end():
        return (label.start(), label.end()), (label.end(), note.start())
    if re.search(r"micrograph", text, re.I):
        return None, (label.end(), len(text.rstrip(" .")))
    return None


_LESION_SUBJECT = re.compile(
    r"^(?:(?:some|most|all|each|one|two|three|both|several|many|none|part) of )?"
    r"(?:the |these |those |this |that |an? |her |his )?(?:(?:excised|resected|removed"
    r"|biopsied|aspirated|explanted) )?(?:lumps?|nodules?|masses|mass|lesions?|plaques?"
    r"|papules?|capsules?|granulomas?|tissues?|specimens?|samples?)"
    r"\s+(?:also |all |both )?"
    r"(?P<verb>showed|revealed|exhibited|demonstrated|disclosed|displayed|contained"
    r"|consisted of|were composed of|was composed of)\s+",
    re.I,
)
"""An excised lesion as the subject of a reporting verb ("Some of the lumps showed ...")."""
MICROSCOPIC = re.compile(
    rf"\b(?:{LAYER}|\w*(?:histiocyt|lymphocyt|macrophag|granulom|infiltrat|spongio"
    r"|acanthos|fibros|vacuol|necrobio|eosinophil|neutrophil|epithelioid)\w*"
    r"|(?:giant|plasma|foam|mast|inflammatory) cells?)\b",
    re.I,
)
"""What only a microscope shows: the skin's layers (:data:`LAYER`), its cells and their
arrangements (an infiltrate, granulomas, spongiosis, fibrosis, vacuoles)."""


def lesion_subject(text: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(the lesion's span, the result's span) when ``text`` opens with an excised lesion as the
    subject of a reporting verb and what follows, to the clause end, names a microscopic
    finding (:data:`MICROSCOPIC`: "The lumps exhibited chronic inflammation with fibrosis");
    None for a lesion described as seen ("The nodules showed erythema")."""
    match = _LESION_SUBJECT.match(text)
    if match is None:
        return None
    end = RESULT_END.search(text, match.end())
    stop = end.start() if end else len(text)
    if not MICROSCOPIC.search(text, match.end(), stop):
        return None
    subject = text[: match.start("verb")].rstrip()
    return (0, len(subject)), (match.end(), stop)
