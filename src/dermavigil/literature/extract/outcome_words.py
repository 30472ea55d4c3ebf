"""The wordings of an outcome status (E2B E.i.7) and what each one states.

:func:`status_mentions` finds every phrase of a text that states a status, each
with a *rank*: when two phrases overlap, the lower rank is what the words say
("did not improve" over "improve", "healed with a scar" over "healed",
"almost complete resolution" over "complete resolution"). Sequelae are lasting
changes a reaction leaves (scar, atrophy, pigmentation, a deficit left after a stated
recovery: :mod:`.outcome_sequelae`); a loss of function said to remain or be permanent, with
no recovery stated, is the reaction persisting, not recovered; a degree
short of complete ("significantly", "markedly", "partial") is recovering, a pace
("gradually") is not a degree. Which mention is *the* outcome is decided by
:mod:`.outcome`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dermavigil.domain.vocab import Outcome
from dermavigil.literature.extract.outcome_sequelae import BETTER_VERB, sequela_mentions

Span = tuple[int, int]

_DEGREE = (
    r"(?:significantly|markedly|considerably|substantially|notably|dramatically|remarkably"
    r"|greatly|largely|mostly|partially|partly|slightly|somewhat|moderately|almost|nearly"
    r"|incompletely|more or less)"
)
_DEGREE_ADJ = (
    r"(?:significant|marked|considerable|substantial|notable|dramatic|remarkable|great|partial"
    r"|slight|moderate|incomplete|near(?:ly)?|almost)"
)
_BETTER_NOUN = (
    r"(?:resolution|recovery|healing|regression|improvement|remission|disappearance|reversal"
    r"|reversibility|clearance)"
)
_LESION_WORD = (
    r"(?:nodul\w*|swellings?|papul\w*|lumps?|mass(?:es)?|indurations?|erythema|o?edema"
    r"|granulom\w*|lesions?|plaques?|pain|redness|infiltrat\w*|firmness|thickening|eschar"
    r"|crusts?|ulcers?|bruis(?:es|ing)|ecchymos[ie]s|purpura|ha?ematomas?)"
)
"""The reaction's own lesions: when they remain, the reaction is not over (recovering);
bruising and other bleeding into the skin fade over weeks, so "residual bruising" is a lesion
left, not a scar."""
_LESSENED = re.compile(
    rf"\b{_LESION_WORD}\s+(?:(?:\w+\s+){{0,3}}?(?:had|has|have)\s+)?(?:\w+ly\s+)?(?:decreased"
    r"|diminished|shrank|shrunk|softened|flattened|lessened|became (?:smaller|softer|flatter"
    r"|less \w+))\b",
    re.I,
)
_DECREASED = re.compile(
    rf"\b(?:showed|revealed|demonstrated|with) (?:a )?(?:decreased|reduced|diminished|less|milder)"
    rf" {_LESION_WORD}"
    rf"|\b(?:decrease|reduction|diminution|lessening) (?:in|of) (?:the |her |his |its |their )?"
    rf"(?:[\w-]+ )?(?:{_LESION_WORD}|symptoms?|inflammation|size)\b",
    re.I,
)
"""'the nodules gradually decreased', 'the swelling had softened', 'the follow-up showed
decreased edema', 'with a decrease in the swelling': the reaction's own lesions or symptoms
smaller, not gone (a lab value that decreased is no lesion)."""
_LESION_STAYS = re.compile(rf"\b(?:residual|remaining)\s+(?:\w+\s+)?{_LESION_WORD}\b", re.I)
"""'though residual nodules remained': a remnant of the reaction after improvement."""
_COMPLETE = r"(?:completely|fully|entirely|totally)"
_COMPLETE_ADJ = r"(?:complete|full|total|entire|excellent|successful|satisfactory)"
_PARTIAL = re.compile(
    rf"\b(?:did not|didn't|has not|had not|have not|was not|were not|not) (?:yet )?{_COMPLETE}"
    r" (?:resolv|heal|recover|disappear|regress|clear|return(?:ed)? to normal)\w*"
    rf"|\b(?:{BETTER_VERB}|normali[sz]ed)\b[^.;]{{0,30}}?\bexcept\b"
    rf"|\b{_DEGREE}\s+(?:complete(?:ly)?\s+)?(?:{BETTER_VERB}|{_BETTER_NOUN})\b"
    rf"|\b{BETTER_VERB}\s+{_DEGREE}\b"
    rf"|\b{_DEGREE_ADJ}[\s-]+(?:(?:complete|clinical|symptomatic)\s+)?(?:symptoms?\s+)?"
    rf"(?:{_BETTER_NOUN}|response)\b"
    rf"|\b(?:was|were|has been|had been)\s+{_DEGREE}\s+(?:reduced|decreased|diminished|smaller)\b"
    r"|\b(?:reduced|decreased|diminished|shrank|shrunk)\s+(?:\w+\s+)?in size\b"
    r"|\bonly (?:an? |some )?(?:\S+ ){0,5}?(?:remained|persisted|was left|were left)\b"
    r"|\bnear[- ]normal|\b(?:almost|nearly) normal\b"
    rf"|\b{BETTER_VERB} (?:to an? (?:large|great|considerable|certain|significant|good)"
    r" (?:degree|extent)|for the most part)\b"
    r"|\b(?:began|started|beginning|starting) to (?:resolve|improve|heal|fade|subside|regress"
    r"|recover|disappear|clear|shrink)\b"
    r"|\b(?:pigment(?:ation)?|sensation|vision|sight|function|strength|colou?r|hair(?: growth)?)"
    r" (?:\w+ )?(?:began|started|beginning|starting) to return\b"
    rf"|\b{_BETTER_NOUN} (?:began|started|(?:was|were) (?:beginning|starting|initiated))\b",
    re.I,
)
"""Improvement short of complete: 'almost complete resolution', 'regressed significantly',
'the nodule was markedly reduced', 'improved but did not completely resolve', 'only a small
area of eschar remained', 'sensation had not fully returned to normal', 'recovered except for a
slight numbness', 'had healed to a large degree'; a resolution only begun ('began to
resolve', 'healing started')."""
UNRELATED_DEATH = (
    r"(?!(?:\s+[\w-]+){0,3}?\s+(?:from|of|due to|because of)\s+(?:the\s+|an?\s+|his\s+|her\s+)?"
    r"(?:progressi(?:on|ve)\s+(?:of\s+)?(?:the\s+|his\s+|her\s+)?|unrelated\s+|underlying\s+"
    r"|metastatic\s+|advanced\s+)*(?:cancer|malignan\w*|carcinoma|tumou?r|lymphoma|leuka?emia"
    r"|unrelated|other causes|an unrelated)\b)"
)
"""'the patient died from the progression of the cancer', 'died of an unrelated cause': a death
the text gives another cause is no outcome of the reaction (E2B E.i.7: the reaction's
outcome; fatal when the reaction caused the death)."""
CELL_DEATH = (
    r"(?<!cell )(?<!cellular )(?<!tissue )(?<!necrotic )(?<!apoptotic )(?<!programmed )"
    r"(?<!cyte )(?<!cytes )"
)
"""'a skin biopsy confirmed granulomatous inflammation and adipocyte death': a cell's or a
tissue's death, no death of the patient."""
OUTCOMES: tuple[tuple[Outcome, re.Pattern[str]], ...] = (
    (
        Outcome.fatal,
        re.compile(
            rf"\b(?:died(?! out\b){UNRELATED_DEATH}|(?<!risk of ){CELL_DEATH}death"
            r"|(?<!potentially )fatal"
            r"|passed away)\b",
            re.I,
        ),
    ),
    (
        Outcome.not_recovered,
        re.compile(
            r"\b(?:(?<!\ba )(?<!\bthe )persist(?!ent\b)\w*|(?:was|were|is|are|remained) persistent"
            r"|persistent(?= (?:at|after|despite|for|until|over)\b)"
            r"|permanent\w*(?! (?:[\w-]+ ){0,2}?"
            r"(?:fillers?|biops\w+|sections?|implants?|materials?|products?|injectables?|gels?"
            r"|make-?up|tattoo\w*|agents?|substances?)\b)"
            r"|(?:did not|didn't|does not|has not|have not|failed to|could not)\s+(?:\w+\s+){0,2}?"
            r"(?:resolv|improv|recover|heal|regress|subsid|respond|disappear)\w*"
            r"|without (?:any )?(?:\w+ ){0,2}?(?:improvement|recovery|resolution|regression)"
            r"|(?<!\bwith )(?<!\bwithout )\bno (?:(?:visual|functional|neurologic(?:al)?|motor"
            r"|significant|further|meaningful) )?(?:recovery|restoration)\b(?! time\b)"
            r"|without (?:an? |any )?(?:(?:significant|clinical|noticeable|appreciable"
            r"|therapeutic|visible|obvious) )+(?:effect|response|benefit)"
            # "which showed little effect": "little" is a negative quantifier ("not much",
            # Quirk et al. 1985, 5.24), as "no improvement"; "has ongoing pain": persisting
            r"|(?:showed|had|with|of|produced|gave|brought) (?:very |only )?(?:little|minimal)"
            r" (?:\w+ )?(?:effect|improvement|response|benefit)"
            r"|no (?:significant |further |clinical )?improvement|no (?:significant |further )?"
            r"(?:effect|response|benefit) (?:was|were) (?:observed|seen|noted)"
            r"|(?:remained |was |were |is |are |stayed )?unchanged"
            r"|(?:has|have|had|did) not (?:\w+ )?change[ds]?|irreversible|not (?:been )?restored"
            r"|still (?:present|visible"
            r"|sever\w*|palpable|had|has|have|complain\w*|experienc\w*|suffer\w*|report\w*)"
            r"|remained (?:visible|palpable|present|stable|firm|swollen|indurated|painful)"
            r"|(?:was|were) (?:still )?present (?:\w+ ){0,4}?at (?:the )?(?:\w+ )?follow-?up"
            r"|(?:remains|remained|is|was) (?:still )?(?:[\w-]+[- ])?dependent\b"
            r"|continu(?:ed|es) to (?:have|experience|complain|suffer|report)"
            r"|(?:has|have|had|with|reports?|reported|still) (?:an? )?ongoing(?= [\w-]+)"
            r"|(?<!\bof )worsened(?! to \d)|deteriorated|(?:progressive |further )?deterioration"
            r"|(?:showed |with |there was )?no (?:significant |further |visible |appreciable )?"
            r"change(?! (?:in|of) (?:the |her |his )?(?:treatment|therapy|dos\w+|medication))"
            r"|(?:although|though|but|while|whereas) (?:[\w'-]+ ){1,6}?(?:did|does|has|had|have)"
            r" not(?=\s*(?:[,.;)]|and\b|$))"
            r"|(?:acuity|vision|function|sight) (?:\w+ )?declined)\b",
            re.I,
        ),
    ),
    (
        Outcome.recovered,
        re.compile(
            rf"\b(?:{_COMPLETE} {BETTER_VERB}|{BETTER_VERB} {_COMPLETE}"
            rf"|{_COMPLETE_ADJ} (?:\w+ (?:and )?)?(?:{_BETTER_NOUN}|outcome)"
            r"|(?:led|leading|resulted|resulting) (?:to|in) (?:(?:a|the) )?(?:rapid |prompt "
            r"|complete |wound |skin )?"
            r"(?:resolution|healing|disappearance|recovery|remission)"
            r"|recovered|(?<!investigated and )resolved|healed|cured|disappeared|faded|vanished"
            r"|subsided|regressed|self-resolv\w*|repigmented"
            r"|remitted|abated|receded|went away|normali[sz]ed"
            r"|(?:had|has|have|with|there (?:was|were)|did not have|didn't have) (?:no|any)"
            r" (?:long-term|lasting|permanent|residual) (?:damage|sequelae|deficits?|disabilit\w+"
            r"|impairment)"
            r"|had no (?:disabilit\w+|sequelae)"
            r"|(?:no|without (?:any )?) (?:signs? of )?(?:recurrence|relapse)"
            r"|(?:did|has|have|had) not (?:\w+ )?recur(?:red)? (?:during|at|over|in|for|within"
            r"|throughout) (?:the |a |an )?(?:[\w-]+ ){0,4}?follow-?up"
            r"|(?:complete |full |clinical |total )?remission (?:was|has been|had been) (?:\w+ )?"
            r"(?:achieved|obtained|attained|reached)"
            r"|(?:remains|remained|is|was|were|went|stays|stayed) in (?:complete |full |clinical"
            r" |total )?remission"
            r"|(?:continues|continued|continuing) to do well|(?:is|was|were|has been|remains"
            r"|remained) doing well"
            r"|(?:was|were|remained|became|has been|had been) (?:\w+ )?(?:asymptomatic"
            r"|symptom-free|lesion-free|free of (?:symptoms|lesions|disease|complaints))"
            r"|(?:uneventful|unremarkable|uncomplicated|good) (?:recovery|healing)"
            # "the postoperative course was uneventful", "a good cosmetic result was obtained":
            # the outcome told as good, as "the outcome was good"
            r"|(?:postoperative|post-operative|clinical|subsequent|further) course (?:was|has been)"
            r" (?:\w+ )?(?:uneventful|uncomplicated|unremarkable)"
            r"|(?:good|excellent|satisfactory|favou?rable) (?:[\w-]+ (?:and )?){0,2}?"
            r"(?:result|outcome)s? (?:was|were|has been|have been) (?:achieved|obtained|attained)"
            r"|recovered uneventfully"
            r"|(?:(?:complete|full|wound) )?closure (?:was |were )?(?:achieved|obtained)"
            r"|(?:lasting|lasted|persisting|persisted) [^.;]{0,30}? before (?:spontaneous "
            r"|complete )?(?:resolution|resolving|healing|disappearing)"
            r"|with (?:a )?good result"
            r"|(?:presented|had|developed|showed|experienced|there (?:was|were)) no (?:further "
            r"|more |postoperative )?complications?"
            r"|(?:has|had|have|did) not (?:experienced|had|reported|developed|complained of) any"
            r" (?:further|more|new|recurrent|other) (?:\w+ )?(?:pain|symptoms?|complaints?"
            r"|problems?|episodes?|lesions?)"
            r"|had no (?:more |further |residual |previous |remaining )?(?:symptoms|complaints)"
            r"|(?<!partial )(?<!no )resolution of (?:the |her |his |all |its |their )"
            r"|settled(?= (?:completely|fully|within|over|after|in|on|with)\b)|cleared"
            r"(?= (?:completely|fully|entirely|without|within|over|after|in)\b|\s*[.;]|$)"
            r"|no longer (?:\w+ )?(?:present|visible|palpable|detectable|apparent|noticeable"
            r"|evident|seen|observed|felt|complained|experienced|had|required|needed)"
            r"|withdrew|to resolve|helped (?:to )?(?:resolve|heal|clear)"
            # "upon recovering from the rash, she went back to ...": a recovery told as done
            r"|(?:after|upon|following) (?:fully )?recovering from"
            r"|(?:healed|resolved) uneventfully|resolved without sequelae"
            r"|return(?:ed|ing)? to (?:pain-free|normal|full|baseline) (?:\w+ )?(?:function"
            r"|activit\w+|use|life)"
            r"|resum(?:ed|ing) (?:all |her |his )?(?:\w+ )?(?:normal|daily|usual|regular) (?:\w+ )?"
            r"(?:activit\w+|life|function|voiding|work|use)"
            r"|restoration of (?:\w+ )?normal (?:\w+ )?function"
            r"|successfully (?:treated|managed|controlled|removed|excised|reconstructed|drained)"
            r"(?= with| by| using| after| within| in| through|\s*[,.;]|$)"
            r"|(?<!partially )(?<!partly )successful (?:treatment|management|reconstruction"
            r"|removal|excision|therapy|resolution) of\b(?![^.;]{0,40}\b(?:requires?|depends?"
            r"|relies|such|is (?:key|essential|important|crucial))\b)"
            r"|(?:proved|was|were|has been|have been|had been) (?!not\b)(?:\w+ )?(?:successful"
            r"|effective)\b"
            r"|(?:was|were|has been|have been|had been) (?:\w+ )?(?:treated|managed|controlled)"
            r" successfully"
            r"|(?:was|were|became|has been|have been|had been) (?:well |adequately |completely )?"
            r"controlled(?= by| with| after| within| in|\s*[,.;]|$)"
            r"|(?:regained|had|has|with|reported|showed|displayed|demonstrated) (?:an? )?(?:normal"
            r"|full|intact|good) (?:[\w-]+,? (?:and )?){0,3}?(?:range of (?:\w+ )?(?:motion"
            r"|movements?)|function|vision|sensation|mobility|acuity|use(?= of\b))"
            r"|(?:(?:complete|full) )?(?:healing|resolution|recovery) (?:occurs|occurred|was"
            r" (?:achieved|obtained|observed|complete)) (?:after|within|in|at|by) (?:about )?"
            r"(?:\d+|one|two|three|four|five|six|a few|several) (?:hours?|days?|weeks?|months?)\b"
            r"|(?:resolving|healing) (?:completely |fully |spontaneously )?(?:after|within|in"
            r"|over) (?:\d+|one|two|three|four|five|six|a few|several) (?:hours?|days?|weeks?"
            r"|months?)\b"
            r"|discharged (?:home )?(?:in (?:a )?(?:good|stable|satisfactory|excellent) (?:general "
            r"|clinical )?(?:condition|health|state)|well|uneventfully|without (?:any )?"
            r"(?:complications?|sequelae|symptoms|complaints?)|asymptomatic|symptom-free)"
            r"|(?:outcome|result|recovery) (?:was|were|has been) (?:\w+ )?(?:good|excellent"
            r"|favou?rable|uneventful|satisfactory)"
            # "the papules were not visible at the last visit", "the six-month follow-up showed
            # no new nodules": the patient free of the reaction when seen again
            r"|(?:was|were) not (?:\w+ )?(?:noticeable|visible|palpable|detectable|evident"
            r"|apparent) (?:\w+ ){0,2}?(?:at|on|during|by) (?:the |an? |her |his )?(?:[\w-]+ )?"
            r"(?:follow-?up|review|visit|examination)"
            r"|(?:follow-?up|re-?examination|review|visit) (?:\w+ ){0,2}?(?:revealed|showed"
            r"|demonstrated|found|confirmed) no (?:further|new|residual|recurrent|more) (?:\w+ )?"
            r"(?:lesions?|nodules?|papules?|plaques?|signs?|symptoms?|swelling|recurrences?))\b",
            re.I,
        ),
    ),
    (
        Outcome.recovering,
        re.compile(
            r"\b(?:improv\w*|(?<!non-)(?<!non )(?:resolving|healing)|recovering|course of recovery"
            r"|subsid\w*|regress\w*"
            r"|relieve\w*|(?:dramatic\w*|good|marked) response|continued to shrink"
            r"|respond(?:ed|ing) (?:well|favou?rably|promptly|quickly|rapidly|dramatically) to"
            r"|evolved favou?rably|(?:favou?rable|adequate|good|satisfactory) (?:evolution|course)"
            r"|(?:steady|slow|gradual|progressive|ongoing) recovery"
            r")\b",
            re.I,
        ),
    ),
)


@dataclass(frozen=True)
class StatusMention:
    """A phrase stating a status: its outcome, rank, span and the spans of its sequelae."""

    outcome: Outcome
    rank: int
    span: Span
    sequela: tuple[Span, ...] = ()


_RANK = {Outcome.fatal: 2, Outcome.not_recovered: 3, Outcome.recovered: 4, Outcome.recovering: 5}


def status_mentions(text: str) -> list[StatusMention]:
    """Every phrase of ``text`` that states a status (asserted or not), in pattern order."""
    found = [StatusMention(out, 0, span, seq) for out, span, seq in sequela_mentions(text)]
    for pattern in (_PARTIAL, _LESION_STAYS, _LESSENED, _DECREASED):
        found += [StatusMention(Outcome.recovering, 1, m.span()) for m in pattern.finditer(text)]
    for outcome, pattern in OUTCOMES:
        found += [StatusMention(outcome, _RANK[outcome], m.span()) for m in pattern.finditer(text)]
    return found


def strongest(mentions: list[StatusMention]) -> list[StatusMention]:
    """The mentions no overlapping mention of a lower rank outweighs."""
    return [
        m
        for m in mentions
        if not any(
            o.rank < m.rank and o.span[0] < m.span[1] and m.span[0] < o.span[1] for o in mentions
        )
    ]
