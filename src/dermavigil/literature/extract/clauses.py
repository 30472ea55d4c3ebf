"""The parts of a case sentence that name no reaction: a test's result, an outcome's sequela.

A test's result ("the biopsy showed granulomas") is a finding, not a
reaction, and what the outcome leaves ("healed leaving a scar", "resolved
with post-inflammatory hyperpigmentation") is a sequela of the outcome;
:func:`clauses` blanks both out of the sentence (same length, so offsets
stay) and keeps the diagnosis the test concludes with ("... consistent
with foreign body granuloma"). A reaction still there at the end
("residual necrosis of the toes") is the reaction itself, not a sequela.
"""

from __future__ import annotations

import re

from dermavigil.literature.extract.sentences import Sentence

_FINDING_CLAUSE = re.compile(
    r"\b(?:(?:skin |punch |incisional |excisional )?biops(?:y|ies)|histopatholog\w*|histolog\w*|"
    r"patholog\w*|ultrasound|ultrasonography|MRI|magnetic resonance|CT scan|culture|stain(?:s|ing)?"
    r"|HPE|ECG|EKG|electrocardiogra\w*|echocardiogra\w*|PCR|polymerase chain reaction|EMG"
    r"|electromyogra\w*|nerve conduction stud(?:y|ies))\b",
    re.I,
)
_DIAGNOSED_BY = re.compile(r"\bdiagnosed\s+(?:by|on|with|using)\s+(?:an?\s+|the\s+)?$", re.I)
_OUTCOME_CLAUSE = re.compile(
    r"\b(?:leaving|left (?:behind|an?|with)\b|(?:resolved|healed|healing)(?: \w+ly)? with"
    r"|healed (?:\w+ly )?to leave|resolution with|with resultant)\b",
    re.I,
)
_DIAGNOSIS_OF_TEST = re.compile(
    r"\b(?:consistent with|compatible with|diagnostic of|in keeping with|confirm(?:ed|ing) the"
    r" diagnosis of)\s+",
    re.I,
)
"""What a test's result is read as: the report's diagnosis ("... giant cells surrounding cystic
spaces consistent with foreign body granuloma")."""


_RESULT_VERB = re.compile(
    r"\b(?:showed|shows|revealed|reveals|demonstrated|demonstrates|disclosed|confirmed|identified"
    r"|found|included|showing|revealing|demonstrating|consistent with|compatible with|positive for"
    r"|grew|yielded|consisted|composed|shown|proven|proved|presented|exhibited|displayed"
    r"|contained|reported|(?:significant|notable|remarkable) for)\b|:\s",
    re.I,
)
"""A test's result follows: "the biopsy showed ...". A test only named ("management involved
wound care, biopsy, and cultures with antibiotics to control superadded infection") opens no
finding clause."""


_MICROSCOPIC = re.compile(
    r"\b(?:(?:in|of|within|throughout|into) the (?:(?:papillary|reticular|upper|lower|deep|mid)"
    r"\s+)?(?:epidermis|dermis|subcutis|hypodermis)|keratinocytes|histiocytes|spongiosis"
    r"|(?:perivascular|lymphocytic|granulomatous|inflammatory) infiltrates?|histiocyt\w*"
    r"|(?:multinucleated |foreign[- ]body )?giant cells|epithelioid|fat lobules"
    r"|(?:fat |fibrous )?septae?)\b",
    re.I,
)
"""What only a microscope sees: a tissue layer as the place ("... were observed in the
epidermis"), cells, spongiosis, an infiltrate. A sentence that names one and no test
continues a histopathology report whose test is named in an earlier sentence."""
ONE_SENTENCE_WORDS = 40
"""Longer "sentences" are run-on paragraphs (section labels and periods lost) that tell the
clinical picture too: the microscope's words do not blank them."""


def clauses(sentence: Sentence) -> str:
    """The sentence text with a test's result and an outcome's sequela blanked (same
    length); the diagnosis the test concludes with stays. A sentence that tells what a
    microscope sees (:data:`_MICROSCOPIC`) is a test's result all through."""
    text = sentence.text
    if (
        _MICROSCOPIC.search(text)
        and not _FINDING_CLAUSE.search(text)  # the test's own sentence: its result clause
        and not _DIAGNOSIS_OF_TEST.search(text)
        and len(text.split()) <= ONE_SENTENCE_WORDS
    ):
        return " " * len(text)
    match = _FINDING_CLAUSE.search(text)
    if (
        match is not None
        and not _DIAGNOSED_BY.search(text[: match.start()])  # "diagnosed by MRI with bursitis"
        and _RESULT_VERB.search(text, match.end())  # not a test only named
    ):
        diagnosis = _DIAGNOSIS_OF_TEST.search(text, match.end())
        keep = diagnosis.end() if diagnosis else len(text)
        text = text[: match.start()] + " " * (keep - match.start()) + text[keep:]
    outcome = _OUTCOME_CLAUSE.search(text)
    if outcome is not None:
        text = text[: outcome.start()] + " " * (len(text) - outcome.start())
    return text
