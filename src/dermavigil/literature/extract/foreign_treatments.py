"""Treatments named in a case report written in Spanish, Portuguese, French, German or Italian.

Read by :mod:`.foreign`: in a case sentence that tells a treatment given
(:data:`.foreign_words.TREATED`), the language's names of the usual treatments
(:data:`.foreign_treatment_words.TREATMENTS`) and the drug names of the English lexicon written as
their cognates (:func:`dermavigil.terminology.drug_spellings.english_drug`: "enoxaparina",
"paracétamol"), written in English with the words of the text as evidence; never the
suspect, the drug given (:data:`.foreign_words.EXPOSURE`), a negated name or the patient's
standing medication (:mod:`.foreign_background`).
"""

from __future__ import annotations

import re

from dermavigil.literature.extract import foreign_words
from dermavigil.literature.extract.ascii_folding import ascii_fold
from dermavigil.literature.extract.foreign_background import BACKGROUND, in_background
from dermavigil.literature.extract.foreign_languages import drug_of, negation, words_for
from dermavigil.literature.extract.foreign_treatment_words import TREATMENTS
from dermavigil.literature.extract.foreign_words import EXPOSURE
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.treatment import TreatmentFact
from dermavigil.terminology.drug_spellings import english_drug
from dermavigil.terminology.translation_match import UNSPACED

_TOKEN = re.compile(r"[a-z]{5,}")
_COMBINED = re.compile(r"\s?[-/+]\s?")
"""Between the two drugs of one combination ("trimetoprima-sulfametoxazol")."""
_INHIBITOR = re.compile(r"clavulanic acid|clavulanate|sulbactam|tazobactam|avibactam")
_BESIDE = re.compile(
    r"(?!$)\s*[-/+]?\s*(?:(?:y|e|et|und|con|com|avec|mit|plus)\s+)?(?:acid[eo]\s+)?"
)
"""A beta-lactamase inhibitor named right after its penicillin, with a space, a hyphen or a
slash, "and" or "with" between, the inhibitor's "acid" word too ("ampicilina sulbactam",
"amoxicilina y ácido clavulánico", "amoxicilline-acide clavulanique"): one
combination (WHO ATC J01CR), as on the English path (:mod:`.treatment_combined`)."""
_CLASSES = frozenset(
    {"antibiotics", "antibiotic therapy", "corticosteroids", "antihistamines", "analgesics"}
)
_MEMBERS = re.compile(
    r"\s*[(:,]?\s*(?:[a-z]+\s+){0,3}?(?:a base de|con|com|avec|par|mit|de|del|da|du)\s+"
    r"|\s*\(\s*"
)
"""Between a drug class and its members: brackets or a preposition ("antibiótico terapia a
base de oxacilina", "tratamiento antibiótico prolongado con claritromicina"): the members
are the names a reader lists, as on the English path (:func:`.treatment_combined.combined`)."""
TREATMENT_HEADING = re.compile(
    r"(?:tratamiento|tratamento|traitement|behandlung|therapie|trattamento|terapia|treatment"
    r"|tedavi|治疗|治療)(?: y evolucion| e evolucao| et evolution)?\s*[:.]?"
)
"""A section heading of its own line that names the treatment ("Tratamiento"): the (at most
three) case sentences after it tell treatments given, the list lines of a poster ("-Frío local,
antihistamínico y paracetamol") as much as a sentence with a verb; :mod:`.foreign` reads
them as case sentences."""
_BOUNDS = {"ja": "(?:{})", "zh": "(?:{})", "tr": r"(?<![\w-])(?:{})\w*"}
"""How a treatment's name is bounded: not at all in Japanese and Chinese (no spaces), at its
start in Turkish (suffixes follow)."""
TREATMENT_NAME = re.compile("|".join(f"(?:{pattern})" for pattern, _ in TREATMENTS))
"""A name of the treatments table (:data:`.foreign_treatment_words.TREATMENTS`)."""


def negated(
    folded: str, sentence: Sentence, start: int, language: str, end: int | None = None
) -> bool:
    """Whether a negation cue of the language (NegEx-style: Chapman et al. 2001, J Biomed
    Inform 34(5):301-310) stands before ``start`` in its clause, or, for a language whose
    denial follows its sign (Japanese, Turkish), right after ``end``."""
    words = words_for(language)
    before_cue, after_cue = negation(words, language)
    before = folded[sentence.start : start]
    cut = [m.end() for m in words.CLAUSE_END.finditer(before)]
    clause = before[cut[-1] if cut else 0 :]
    window = clause[-80:]
    if len(window) < len(clause) and _PART_WORD.match(clause[-81]) and language not in UNSPACED:
        window = _PART_WORD.sub("", window)  # "[vera]no se registraron ...": no "no"
    clause = window
    if any(not _NO_EFFECT.match(clause, cue.end()) for cue in before_cue.finditer(clause)):
        return True
    if after_cue is None or end is None:
        return False
    after = folded[end : sentence.end]
    stop = words.CLAUSE_END.search(after)
    return bool(after_cue.search(after[: stop.start() if stop else 60]))


_PART_WORD = re.compile(r"^[\w'-]+")
"""The tail of a word the 80-character window cut ("no" of "verano"): no cue of its own."""
_NO_EFFECT = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:amelioration|mejoria|melhora|melhoria|besserung|verbesserung"
    r"|miglioramento|respuesta|resposta|reponse|risposta|ansprechen|efecto|efeito|effet|effetto"
    r"|wirkung|exito|sucesso|succes|successo|erfolg)(?![\w-])"
)
"""After a negation cue: the improvement or the effect that did not come ("aucune amélioration
n'était notée après antihistaminiques", "sin mejoría con corticoides"): the treatment named
after it was given (the NegEx cue negates the improvement, not the treatment)."""


_SUSCEPTIBILITY = re.compile(
    r"(?<![\w-])(?:antibiogram(?:a|me|m|ma)?|(?:pruebas?|estudio|testes?|tests?) de"
    r" (?:sensibilidad|susceptibilidad|sensibilidade|suscetibilidade|sensibilite))(?![\w-])"
)
"""A susceptibility test of a culture (the antibiogram, Spanish and Portuguese "antibiograma",
French "antibiogramme", German "Antibiogramm", Italian "antibiogramma", or a "prueba de
sensibilidad"): the drugs its result names were tested against the organism, not given."""
_GIVEN = re.compile(
    r"(?<![\w-])(?:trat|administr|recib|receb|inici|indic|prescri|instaur|institu|traite|recu"
    r"|behandel|erhielt|tratt|somministr)\w*"
)
"""A verb of treating or giving after the test ("según antibiograma se inició claritromicina"):
the drug after it was given."""


def tested(part: str, start: int) -> bool:
    """The name at ``start`` of the folded sentence ``part`` is told in the result of a
    susceptibility test (:data:`_SUSCEPTIBILITY`) before it, with no verb of giving between."""
    tests = list(_SUSCEPTIBILITY.finditer(part, 0, start))
    return bool(tests) and not _GIVEN.search(part, tests[-1].end(), start)


def treatments_of(
    folded: str, case: list[Sentence], suspects: frozenset[str], language: str
) -> list[TreatmentFact]:
    """The treatments the case sentences that tell one name: the language's names of the
    usual treatments and the lexicon drugs written as their cognates, in English; never the
    suspect, the drug given ("aplicación de"), or a negated name."""
    found: dict[str, TreatmentFact] = {}
    suspects = frozenset(ascii_fold(s) for s in suspects)
    given = {english_drug(w) for s in suspects for w in _TOKEN.findall(s)} - {None}
    lexicon = words_for(language)
    bounds = _BOUNDS.get(language, r"(?<![\w-])(?:{})(?![\w-])")
    under_heading = 0
    for sentence in case:
        part = folded[sentence.start : sentence.end]
        if TREATMENT_HEADING.fullmatch(part.strip()):
            under_heading = 3
            continue
        under_heading -= 1
        if not lexicon.TREATED.search(part) and under_heading < 0:
            continue
        hits: list[tuple[int, int, str]] = []
        for pattern, english in lexicon.TREATMENTS:
            for m in re.finditer(bounds.format(pattern), part):
                if not any(a < m.end() and m.start() < b for a, b, _ in hits):
                    hits.append((m.start(), m.end(), english))
        for m in _TOKEN.finditer(part):
            drug = drug_of(m.group(0), language)
            if (
                drug
                and not any(a < m.end() and m.start() < b for a, b, _ in hits)
                and not EXPOSURE.search(part[max(0, m.start() - 40) : m.start()])
            ):
                hits.append((m.start(), m.end(), drug))  # not the drug given ("aplicación de")
        kept: list[tuple[int, int, str]] = []
        for start, end, english in sorted(hits):
            words = folded[sentence.start + start : sentence.start + end]
            if english in given or any(
                s and ((s == words if language in UNSPACED else s in words) or english in s)
                for s in suspects
            ):
                # the suspect in the language's spelling ("ácido hialurónico") is no
                # treatment; "透明质酸酶" (hyaluronidase) is not the filler "透明质酸" it contains
                continue
            if negated(folded, sentence, sentence.start + start, language):
                continue
            if lexicon is foreign_words and in_background(
                folded, sentence.start + start, sentence.start, BACKGROUND
            ):
                continue  # "en tratamiento con metformina": standing medication
            if lexicon is foreign_words and tested(part, start):
                continue  # "el antibiograma mostró resistencia a amikacina": a test result
            between = part[kept[-1][1] : start] if kept else ""
            if kept and (
                (
                    _COMBINED.fullmatch(between)
                    and english_drug(kept[-1][2])
                    and english_drug(english)
                )
                or (_INHIBITOR.fullmatch(english) and _BESIDE.fullmatch(between))
            ):
                first = kept.pop()  # "trimetoprima-sulfametoxazol", "ampicilina sulbactam"
                kept.append((first[0], end, f"{first[2]}-{english}"))
                continue
            if kept and kept[-1][2] in _CLASSES and _MEMBERS.fullmatch(between):
                kept.pop()  # a class with its members ("a base de oxacilina"): the members
            kept.append((start, end, english))
        for start, end, english in kept:
            if english not in found:
                span = (sentence.start + start, sentence.start + end)
                found[english] = TreatmentFact(drug=english, spans={"drug": [span]})
    return list(found.values())
