"""A statement about a condition in general, in Spanish, Portuguese, French, German or Italian.

A case report tells its case as events of one patient and its background and discussion as
statements about many: what a condition *can* do, what it *usually* or *often* does, what
*has been described* in the literature ("Las lesiones pueden originar ...", "geralmente se
manifestam com ...", "a été décrite", "wurde häufig beschrieben"). These are the cues the
English reader takes a sentence out of the narrative by (:mod:`.roles`: a present modal, a
frequency adverb, a review cue), after the *temporality* feature of ConText (Harkema H et al.
2009, "ConText: an algorithm for determining negation, experiencer, and temporal status from
clinical reports", J Biomed Inform 42(5):839-851): a sentence that is no event of this record.

Each language's words, on the text folded to ASCII lower case
(:func:`.ascii_folding.ascii_fold`):

- the modal of possibility in the present or the conditional, third person (Spanish and
  Portuguese *poder*, French *pouvoir*, German *können*, Italian *potere*); the past
  ("pudo", "pôde", "a pu", "konnte", "poté") tells an event and is left out;
- the adverbs and phrases of frequency and generality ("generalmente", "a menudo",
  "muitas vezes", "souvent", "häufig", "in der Regel", "spesso", "di solito");
- the literature's reports in the present perfect or the passive ("se ha descrito", "han
  sido observados", "tem sido relatada", "ont été rapportés", "wurde beschrieben", "sono
  stati descritti").

A sentence that names the patient (a case cue: :data:`.foreign_words.CASE`) is told of the
patient whatever its verbs (:func:`.foreign._case_sentences` reads these cues only in a
sentence without one).
"""

from __future__ import annotations

from dermavigil.literature.extract.ascii_folding import whole_words

_MODAL = (
    r"puede|pueden|podria|podrian|pode|podem|poderia|poderiam|peut|peuvent|pourrait"
    r"|pourraient|kann|konnen|puo|possono|potrebbe|potrebbero"
)
"""Present and conditional, third person, folded ("können" -> "konnen", "può" -> "puo"); the
German conditional "könnte" folds to the past "konnte" and is left out with it."""
_FREQUENCY = (
    r"generalmente|habitualmente|frecuentemente|a menudo|comunmente"
    r"|por lo general|en general|geralmente|frequentemente|muitas vezes|comumente"
    r"|em geral|souvent|generalement|frequemment|habituellement|en regle generale"
    r"|haufig|meist|meistens|oft|gewohnlich|in der regel|spesso|di solito|solitamente"
    r"|in genere|di norma|comunemente"
)
_REPORTED = (
    r"(?:se )?(?:ha|han|habian|havia|haviam|tem) (?:sido )?"
    r"(?:descrit|observad|reportad|publicad|comunicad|relatad|documentad)\w*"
    r"|(?:a|ont|est|sont) (?:ete )?(?:decrit|rapporte|observe|publie)\w*"
    r"|(?:wurde|wurden|ist|sind) (?:\w+ )?(?:beschrieben|berichtet|beobachtet)(?: worden)?"
    r"|(?:e|sono) stat[oaie] (?:descritt|riportat|osservat|segnalat)\w*"
)
GENERIC = whole_words(f"{_MODAL}|{_FREQUENCY}|{_REPORTED}")
"""A cue of a general statement: a modal of possibility, a frequency adverb, a report of the
literature (module docstring)."""
