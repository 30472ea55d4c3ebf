"""Whether an operation a sentence tells is surgery on the reaction (ICH E2A, medically
important: an intervention to prevent a serious outcome), for :mod:`.seriousness`.

An excision or a removal for histology is diagnostic, like a biopsy, and so is any operation
to exclude a tumour (:func:`diagnostic`); an excision or a removal the text does not tie to
the reaction's resolution is neither a treatment nor serious (:func:`untied`;
docs/annotation.md, the r7xx decisions). Debridement, grafting, drainage and flaps always
treat the reaction.
"""

from __future__ import annotations

import re

from dermavigil.literature.extract.sentences import Sentence

_DIAGNOSTIC = re.compile(
    r"\b(?:for (?:\w+ )?(?:histolog\w*|histopatholog\w*|patholog\w*|diagnos\w*|analysis"
    r"|examination|culture|microscop\w*)|processed for|sent for|excisional biops\w*)\b",
    re.I,
)
"""'An intradermal nodule was excised and processed for histopathology': a diagnostic excision,
not a surgical treatment (``docs/annotation.md``)."""
_REMOVAL_ONLY = re.compile(
    r"(?:excision|excised|resections?|(?:\w+ )*(?:removed|resected)|remov\w+ (?:\w+ ){0,3}"
    r"surgically|surgical (?:removal|excision)|underwent (?:\w+ ){0,3}?(?:removal|excision"
    r"|resection)|(?:excision|removal|resection)\b.*|surgery for (?:the )?(?:removal|excision))",
    re.I,
)
"""The operations that only take the lesion or the material out (not debridement, drainage,
grafting or a flap, which treat the reaction's tissue)."""
_EXCISION = re.compile(r"excis|remov|resect", re.I)
_SURGICAL = re.compile(r"\bsurg\w+|\boperat\w+|general an(?:a)?esthesia", re.I)
"""A surgical removal stays a treatment even when its specimen goes to histology."""
_TUMOUR = r"(?:malignan\w*|cancer|carcinoma|tumou?r|neoplas\w*|metasta\w*|sarcoma|lymphoma)"
_FOR_TUMOUR = re.compile(
    r"[^.;]{0,40}?\b(?:(?:because of|for|due to|given|on)\s+(?:the\s+|a\s+)?(?:possibility"
    rf"|suspicion|concern|fear|risk)\s+(?:of|for)\s+(?:an?\s+)?(?:[\w-]+\s+)?{_TUMOUR}"
    rf"|to (?:rule out|exclude) (?:an?\s+)?(?:[\w-]+\s+)?{_TUMOUR}"
    rf"|(?:as|for) (?:a\s+)?(?:suspected|presumed|possible) (?:[\w-]+\s+)?{_TUMOUR})",
    re.I,
)
"""'he was surgically treated because of the possibility of malignancy', 'excised to rule out a
sarcoma': an operation to exclude a tumour is diagnostic, like an excisional biopsy
(docs/annotation.md: a biopsy or an excision for histology is neither a treatment nor, alone,
a reason for serious)."""


def diagnostic(text: str, match: re.Match[str]) -> bool:
    """An excision or removal for histology, not a surgical one ("a nodule was excised and
    processed for histopathology"), or any operation to exclude a tumour; drainage,
    debridement or grafting always treat."""
    if _FOR_TUMOUR.match(text, match.end()):
        return True
    if not _EXCISION.search(match.group(0)) or _SURGICAL.search(text):
        return False
    return bool(_DIAGNOSTIC.search(text, match.start(), match.end() + 60))


_RESOLVED_BY = re.compile(
    r"\b(?:resolved|healed|recovered|improved|disappeared|subsided|regressed|cleared)\b"
    r"(?:\s+\w+ly)?\s+(?:after|following|with|by)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)
"""'heart failure, which resolved promptly after surgical excision of the foreign material':
the resolution told right before the removal ties them in one sentence."""


_TO_REMOVE = re.compile(
    r"[^.;]{0,40}?\b(?:to|for)\s+(?:the\s+)?(?:extract|remov|excis|resect)", re.I
)
"""'Surgical treatment was performed to extract a well-encapsulated lesion', 'we made an
external incision to remove the neoplasm': an operation told as a removal."""
_GENERIC_OPERATION = re.compile(r"surg|operat|incis", re.I)


_AS_TREATMENT = re.compile(
    r"\b(?:for (?:the )?(?:treatment|management) of|to treat\b|(?:was|were) (?:then |later )?"
    r"(?:treated|managed) (?:with|by)|requir\w+|needed|necessitat\w+)",
    re.I,
)
"""'17 patients who underwent perilesional surgical excision for treatment of a foreign body
granuloma', 'three patients required surgical excision': the removal told as the reaction's
treatment, whatever resolution follows (docs/annotation.md, the t0xx decisions: a surgical
excision is serious)."""


_SUCCEEDED = re.compile(r"[^.;]{0,100}?\b(?:successfully|uneventfully)\b", re.I)
"""'Surgical removal of the breast filler ... was successfully performed': told as a success."""


def untied(sentence: Sentence, match: re.Match[str], resolved: int | None) -> bool:
    """An excision or a removal the text does not tie to the reaction's resolution: no
    resolution is told in its sentence or after it ('persisted for 10 months until it was
    excised', 'the clinician excised the initial lesion only'; docs/annotation.md, r7xx
    decisions: neither a treatment nor serious). Debridement, grafting, drainage and
    flaps always treat the reaction."""
    removal = _REMOVAL_ONLY.fullmatch(match.group(0)) or (
        _GENERIC_OPERATION.search(match.group(0)) and _TO_REMOVE.match(sentence.text, match.end())
    )
    if not removal:
        return False
    if _AS_TREATMENT.search(sentence.text):
        return False
    if _RESOLVED_BY.search(sentence.text, 0, match.start()) or _SUCCEEDED.match(
        sentence.text, match.end()
    ):
        return False
    return resolved is None or resolved < sentence.start + match.start()
