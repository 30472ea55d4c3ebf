"""NegEx-style assertion status of a mention: present, negated or uncertain.

After Chapman WW et al. (2001), "A simple algorithm for identifying negated findings and
diseases in discharge summaries", J Biomed Inform 34(5):301-310: a *pre* trigger ("no",
"without", "denied", "absence of") negates mentions that follow it within a scope of a
few words; a *post* trigger ("was ruled out", "were absent") negates the mention before
it, over the rest of its noun phrase ("septic arthritis of the shoulder could not initially
be ruled out", "an anaphylactic reaction was immediately suspected"); the scope stops at a
termination term ("but", "however", "which", "although") or at the clause end (";", ":");
a post trigger with a plural verb reaches back over a list of mentions ("hypotension, rash or
dyspnea were not observed"), as NegEx's backward window does, and "excluded" before a
mention negates it. NegEx's *pseudo-triggers* ("without difficulty": a trigger word that
negates nothing after it) include "no improvement", "no change", "no response" ("there was
no improvement to the tender and painful lesion": the lesion is tender and painful),
"without success", "without improvement", "without response" ("antibiotics were given
without success, and the abscess was drained": the drainage is not negated) and "did not
improve / respond / resolve" ("did not improve despite intravenous fluids": the fluids were
given), and a "not" that closes an elided predicate before a comma ("her vision did not, and
an exotropia was found": nothing after it is negated).
Uncertainty triggers ("suspected", "possible", "may have", "could not be excluded") give
the status ``uncertain`` the same way, as in ConText (Harkema et al. 2009, J Biomed
Inform 42(5):839-851). A diagnosis "consistent with" or "suggestive of" what was found
is the report's diagnosis, not an uncertain one (``docs/annotation.md``). ConText's
temporality and hypothetical values are kept too: a mention after a *history* trigger
("her past medical history included ...", "known case of", "a known asthmatic",
"underlying diabetes", "previously diagnosed with", "under treatment for",
"comorbidities included": the background illnesses of the patient) or before a post one
("since early childhood") is ``historical`` (pre-existing, not the reaction), one after
a *hypothetical* trigger ("can routinely cause", "the risk of", "to avoid", "prophylaxis
against", "monitored for signs of") is ``hypothetical`` (a possibility, not an event of
this patient), and so is what a test looked for (ConText's *indication*: "investigation
for systemic vasculitis was negative"). A first suspicion or hypothesis ("our first
suspicion was an abscess"), a hedged cause ("might be due to ischaemia", "was the most
probable cause") are uncertain; a hypothesis excluded ("ultrasound excluded the
possibility of a collection") is negated.
"""

from __future__ import annotations

import re
from enum import StrEnum


class Assertion(StrEnum):
    """The status of a mention in its sentence."""

    present = "present"
    negated = "negated"
    uncertain = "uncertain"
    historical = "historical"
    hypothetical = "hypothetical"


_PRE_NEGATION = (
    r"no(?! (?:(?:further|significant|clinical|marked|notable) )?(?:improvement|change|response"
    r"|relief|benefit|effect|resolution|regression)s?\b)"
    r"|not(?! (?:improve|respond|resolve|regress|subside|heal)\w*)(?!\s*,)"
    r"|without(?! (?:any )?(?:success|improvement|benefit|effect|response|relief|result))"
    r"|denie[sd]|deny|absence of|absent|negative for|free of|ruled out|rule out"
    r"|no evidence of|no signs? of|no further|never|neither|nor"
    r"|did not (?:show|develop|have|reveal)"
    r"|failed to reveal|lacking|lacked|devoid of|excluded"
    r"|(?:excluded|ruled out|eliminated|refuted) (?:the )?(?:hypothesis|diagnosis|possibility) of"
)
_POST_NEGATION = (
    r"(?:was|were|is|are) (?:\w+ly )?(?:ruled out|absent|excluded|not (?:seen|observed|found"
    r"|present|noted))"
    r"|did not (?:occur|develop|recur|appear)|not observed"
)
_PRE_UNCERTAIN = (
    r"suspected|suspecting|suspicion of|possible|possibly|(?:the )?possibility of|probable"
    r"|probably|questionable|presumed|presumably|presumptive"
    r"|may have|might have|could have|likely|concern for|impending|imminent|threatened|incipient"
    r"|differential diagnos[ie]s(?: (?:of|included|includes|including|such as|like|were|was))?"
    r"|(?:initial |working |clinical |first )?(?:suspicion|impression|hypothesis) (?:was|of)"
    r"|considered (?:as|to be)(?! \w+ed\b)"
    r"|(?:may|might|could) (?:have )?be(?:en)? (?:due to|caused by|related to|secondary to"
    r"|explained by)"
)
_POST_UNCERTAIN = (
    r"(?:was|were|is|are) (?:\w+ly )?(?:suspected|possible|presumed|not excluded|considered"
    r"|unlikely)"
    r"|(?:was|were|is|are) (?:the )?(?:most )?(?:probable|likely|possible|presumed|suspected)"
    r" (?:cause|diagnosis|explanation|etiology|aetiology|mechanism)"
    r"|could not (?:\w+ly )?be (?:excluded|ruled out)"
)
_PRE_HISTORICAL = (
    r"(?:past|personal|previous|prior|medical) (?:medical )?history(?: of| included| includes"
    r"| was (?:significant|notable|remarkable) for)?|history (?:included|includes)"
    r"|known (?:case|history) of|known to have|pre[- ]?existing"
    r"|(?:a|chronic|long-?standing|lifelong) history of"
    r"|(?<!well-)(?<!well )known(?! (?:as|to|for|by|about|complications?|risks?|side)\b)"
    r"|(?<!the )underlying(?! (?:cause|mechanism|etiology|aetiology|pathophysiology|muscles?"
    r"|tissues?|structures?|skin|dermis|fat|bone|vessels?)\b)"
    r"|previously (?:diagnosed|treated|known)|(?:under|on|receiving|undergoing)(?: [\w-]+){0,2}?"
    r" (?:treatment|therapy|chemotherapy|radiotherapy|medications?) for"
    r"|(?:previous|prior|earlier|past) (?:treatments?|therap(?:y|ies)|surger(?:y|ies)) (?:for|of)"
    r"|(?:had|has|have) been (?:diagnosed with|treated for)"
    r"|co-?morbidit(?:y|ies)(?: of| included| includes| were| was| such as)?"
)
_POST_HISTORICAL = (
    r"(?:\w+\s+){0,2}since (?:early |late )?(?:childhood|birth|infancy|adolescence|youth"
    r"|(?:the )?age (?:of )?\d+)"
)
"""A condition dated from long before the case ("asthma since early childhood")."""
_NOT_A_DURATION = (
    r"(?!\s+(?:\d+|a|an|one|two|three|four|five|six|ten|several|a few)\s+(?:seconds?|minutes?"
    r"|hours?|days?|weeks?|months?|years?)\b)"
)
_PRE_HYPOTHETICAL = (
    r"(?:investigations?|work-?up|screening|screened|testing|tests?|tested|search)"
    rf" for{_NOT_A_DURATION}|to (?:evaluate|investigate|look) for"
    r"|to (?:rule out|exclude)|"
    r"(?:can|may|might|could) (?:\w+ )?(?:cause|lead to|result in|induce|produce|trigger)"
    r"|(?:the )?risks? of|to (?:avoid|avert|prevent|minimi[sz]e|reduce the risk of)|prevention of"
    r"|risk factors?(?: (?:included|includes|include|were|are|such as|like|for|of))?"
    r"|(?:the |high |low |higher |lower )?(?:rates?|incidences?|frequency|prevalence) of"
    r"|prevent(?:ed|s)?|minimi[sz](?:ed|es)|prophyla(?:xis|ctic)(?: (?:against|of|for))?"
    r"|(?:sav|spar)(?:ed|es|ing|e) (?:[\w-]+ ){0,3}?from|averted"
    r"|(?:followed|monitored|observed|watched|checked) (?:closely )?"
    rf"for{_NOT_A_DURATION}(?: any)?(?: signs? of)?"
)
"""... the risk factors of a reaction or those a study found ("major risk factors included
uncontrolled asthma") are a population's, not events of this patient; "(tested) for" or
"(followed) for" a duration ("an exercise test for 50 minutes", "was
followed for 1 year and ... improved") looks for nothing; what
a treatment "saved the eye from" or "spared her from" did not happen; the rate, incidence or
prevalence of a reaction ("the comparably high rates of injection-site reactions") is a
population's, not an event of this patient."""
_POST_HYPOTHETICAL = (
    r"(?:\w+\s+){0,2}(?:can|may|might|could) (?:\w+ )?(?:occur|develop|appear|arise|happen|follow)"
)
_TERMINATION = re.compile(
    r"\b(?:but|however|although|though|yet|except|which|whereas|while|after|then|later|"
    r"subsequently|and (?:then|later)|before|until)\b|[;:]"
    r"|,\s*and\s+(?:the|his|her|its|their|this|these|those)\s+[\w-]+(?:\s+[\w-]+){0,2}?"
    r"\s+(?:was|were|is|are|became|remained)\b",
    re.IGNORECASE,
)
"""Where a trigger's scope ends: NegEx's termination terms, a clause's end, and a clause of its
own joined by ", and" with its own subject and verb ("there were no skin changes, and the
lesions were tender": the lesions' tenderness is not negated; "no pain, redness, and
swelling" is one list)."""
_LIST_ITEM = r"(?!(?:the|a|an|was|were|is|are|had|has|she|he|it|they)\b)[\w'-]+"
_POST_LIST = re.compile(
    rf"^(?:(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+){_LIST_ITEM}(?:\s+{_LIST_ITEM}){{0,3}})+"
    r"\s*,?\s*(?:were|are) (?:ruled out|absent|excluded|not (?:seen|observed|found|present|noted"
    r"|detected))\b",
    re.IGNORECASE,
)
"""A post-trigger after a list of mentions negates each ("hypotension, generalized rash, tongue
and pharynx edema, or dysphagia were not observed"): the list's items hold no article, verb
or pronoun (", and the infection was ruled out" negates nothing before it), and the verb is
plural."""
_POST_GAP = (
    r"(?:\s+(?!(?:and|or|but|which|that|who|was|were|is|are|had|has|have|been|be|not|no|then"
    r"|after|before|while|as|because|since)\b)(?:\([^()]{1,30}\)|[\w'-]+)){0,4}?"
)
"""The rest of the mention's noun phrase before a post-trigger, as NegEx's window of a few words
reaches over it: a prepositional phrase or a head noun ("septic arthritis of the shoulder could
not be ruled out", "a diagnosis of anthrax infection was considered"), a short form in brackets
("a fixed drug eruption (FDE) was suspected"); no verb, conjunction or relative pronoun (", and
the infection was ruled out" and "pain, which was not observed before" end it)."""
_PRE = re.compile(rf"\b(?:{_PRE_NEGATION})\b", re.IGNORECASE)
_POST = re.compile(rf"^{_POST_GAP}\s*,?\s*(?:{_POST_NEGATION})\b", re.IGNORECASE)
_PRE_U = re.compile(rf"\b(?:{_PRE_UNCERTAIN})\b", re.IGNORECASE)
_POST_U = re.compile(rf"^{_POST_GAP}\s*,?\s*(?:{_POST_UNCERTAIN})\b", re.IGNORECASE)
_PRE_HIST = re.compile(rf"\b(?:{_PRE_HISTORICAL})\b", re.IGNORECASE)
_POST_HIST = re.compile(rf"^\s*,?\s*(?:{_POST_HISTORICAL})\b", re.IGNORECASE)
_PRE_HYPO = re.compile(rf"\b(?:{_PRE_HYPOTHETICAL})\b", re.IGNORECASE)
_POST_HYPO = re.compile(rf"^\s*,?\s*(?:{_POST_HYPOTHETICAL})\b", re.IGNORECASE)
SCOPE_WORDS = 6
"""Words a pre-trigger reaches (NegEx used 5; 6 covers "no signs of skin necrosis"); articles,
prepositions and "or" are not counted ("denied a history of previous severe or frequent
infections" is in scope)."""
LIST_SCOPE_WORDS = 16
"""Words a pre-trigger reaches over an enumeration it introduces ("such as", "including")."""
_LISTING = re.compile(r"\b(?:such as|including|like|e\.g\.|namely)\b", re.IGNORECASE)
_ENUMERATION = re.compile(
    r"(?:\s*[\w'-]+(?:\s+[\w'-]+){0,5}\s*,)+\s*(?:(?:[\w'-]+\s+){0,5}(?:and|or)\s+)?"
)
"""The items of a list before the mention ("denies any history of systemic disease, weight
loss, palpitations, cough, or fatigue"; "her history included osteoarthritis, osteoporosis
and hypothyroidism"): the trigger reaches over the whole list."""
_FUNCTION_WORDS = frozenset({"a", "an", "the", "of", "or", "any", "in", "on", "to", "at", "with"})


_EVENT = re.compile(
    r"\b(?:(?:was|were) admitted|presented|developed|complained|noticed|experienced)\b", re.I
)
"""The verb that tells the events of the case: it ends a history or negation trigger's scope
("with no medical history was admitted with cough", "a woman with no medical history
presented with painful swelling")."""


def _in_pre_scope(
    before: str, trigger: re.Pattern[str], stop: re.Pattern[str] | None = None
) -> bool:
    matches = list(trigger.finditer(before))
    if not matches:
        return False
    last = matches[-1]
    gap = before[last.end() :]
    if _TERMINATION.search(gap) or (stop is not None and stop.search(gap)):
        return False
    words = [w for w in re.findall(r"[A-Za-z0-9]+", gap) if w.lower() not in _FUNCTION_WORDS]
    if _LISTING.search(gap) or _ENUMERATION.fullmatch(gap):
        return len(words) <= LIST_SCOPE_WORDS  # "no sign of infection such as heat, redness, pain"
    return len(words) <= SCOPE_WORDS


def _in_post_scope(after: str, trigger: re.Pattern[str]) -> bool:
    return bool(trigger.match(after))


def assertion(sentence: str, start: int, end: int) -> Assertion:
    """Status of the mention ``sentence[start:end]`` in its sentence."""
    before, after = sentence[:start], sentence[end:]
    if (
        _in_pre_scope(before, _PRE, _EVENT)
        or _in_post_scope(after, _POST)
        or _POST_LIST.match(after)
    ):
        return Assertion.negated
    if _in_pre_scope(before, _PRE_U) or _in_post_scope(after, _POST_U):
        return Assertion.uncertain
    if _in_pre_scope(before, _PRE_HIST, _EVENT) or _in_post_scope(after, _POST_HIST):
        return Assertion.historical
    if _in_pre_scope(before, _PRE_HYPO) or _in_post_scope(after, _POST_HYPO):
        return Assertion.hypothetical
    return Assertion.present
