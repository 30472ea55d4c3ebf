"""The product a case report in Spanish, Portuguese, French, German or Italian was given.

Read by :mod:`.foreign` in the case sentences: the first drug of the English lexicon
written as its cognate (:func:`dermavigil.terminology.drug_spellings.english_drug`), vaccine
(:data:`.foreign_words.VACCINE`) or drug class (:data:`.foreign_words.DRUG_CLASSES`) named
as what was given or what the reaction was due to, the route word of a sentence naming it
and the mistakes the case tells of its giving (docs/annotation.md, ``products``, ``route``,
``approved``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dermavigil.literature.extract.ascii_folding import ascii_fold
from dermavigil.literature.extract.foreign_languages import drug_of, words_for
from dermavigil.literature.extract.foreign_treatment_words import TREATMENTS
from dermavigil.literature.extract.foreign_treatments import TREATMENT_NAME
from dermavigil.literature.extract.foreign_words import (
    CAUSE,
    DRUG_CLASSES,
    EXPOSURE,
    ROUTES,
    TITLE_CAUSE,
    VACCINE,
    WRONG,
)
from dermavigil.literature.extract.foreign_words_tr import given_after
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.unspaced_product import unspaced_product
from dermavigil.terminology.drug_spellings import SALT, romance_salt
from dermavigil.terminology.drug_variants import SKIN_TEST_ANTIGENS
from dermavigil.terminology.translation_match import UNSPACED

if TYPE_CHECKING:
    from dermavigil.literature.extract.foreign import ForeignFacts

_TOKEN = re.compile(r"[a-z]{5,}")
VACCINATION = re.compile(
    r"(?:impfung|vacunacion|vacinac|vaccinazion|vaccination|^post?-?vac\w+)\w*$"
)
"""A vaccination noun names the giving itself ("nach der zweiten Sechsfachimpfung"), as does an
adjective prefixed "after" ("post-vaccinal"): no word of giving is needed before it."""


def _given(folded: str, sentence: Sentence, start: int) -> bool:
    """Whether the name at ``start`` is the drug given: after the words of its giving
    (:data:`.foreign_words.EXPOSURE`), after words that tie the reaction to it or tell it
    was received (:data:`.foreign_words.CAUSE`), or after a title's preposition of a cause
    ("necrosis cutánea por heparina"; not "tratada por")."""
    # an aside in brackets does not part the noun of the giving from its drug ("injeção
    # intramuscular (glúteo esquerdo) de diclofenaco")
    window = _ASIDE.sub("", folded[max(sentence.start, start - 100) : start])[-40:]
    if EXPOSURE.search(window) or CAUSE.search(window) or _REACTION_TO.search(window):
        return True
    giving = _GIVING_VERB.search(window)
    if giving and not _TREATED_GAP.search(giving.group("gap")):
        return True
    # the drugs a giving lists after a class noun, or in brackets after it ("aplicación de dos
    # medicamentos por vía intramuscular, diclofenaco y dexametasona", "injeção de medicação
    # analgésica (dipirona)")
    listed = _LISTED.search(folded, max(sentence.start, start - 90), start)
    if listed and EXPOSURE.search(folded, max(sentence.start, listed.start() - 40), start):
        return True
    return sentence.section == "title" and bool(
        TITLE_CAUSE.search(window) and not _TREATED_TITLE.search(window)
    )


_ROUTE_ADJECTIVES = (
    r"intramuscular|endovenosa|intravenosa|subcutanea|intramusculaire|intraveineuse"
    r"|sous-cutanee|intramuscolare|sottocutanea|intramuskular|subkutan|intravenos"
)
_ROUTE_AFTER = re.compile(
    r"^(?:(?:[ -]?[a-z0-9]{1,12}){0,2}?,? (?:por|pela|per|par) (?:via|voie) "
    rf"|(?:[ -]depot)? )(?:{_ROUTE_ADJECTIVES})(?![\w-])"
)
"""Right after a drug's name (and a word of its form or salt: "penicilina G procaina"), the
route it was given by ("por vía intramuscular", "par voie intraveineuse"), or the route's
adjective right after it as a noun's modifier follows its noun in these languages
("flufenazina intramuscular", "Triamcinolon intramuskulär"): the drug given."""
_GIVING_VERB = re.compile(
    r"(?<![\w-])(?:inyect|injet|inject|iniett|administr|somministr|injizier|verabreich"
    r"|gespritz)[a-z]*(?:-(?:se|lhe|lo|la))?(?P<gap>(?: [a-z]+){0,4}?) ?(?:[dl]')?$"
)
"""Before a drug's name, a verb of its giving in any person, tense or voice, its clitic or
reflexive pronoun included, and at most four words of its object's determiners, quantity or
manner ("tras inyectarse la insulina", "s'injectait généralement son bolus d'insuline", "se
le administró", "wurde ... injiziert"; the verbs of injecting and administering of Spanish,
Portuguese, French, Italian and German, by their stems): the drug given, as after the noun of
its giving (:data:`.foreign_words.EXPOSURE`)."""
_TREATED_GAP = re.compile(r"(?:trat|trait|behandl|terap|therap|cura)")
"""A word of treatment between the verb and the drug ("se le administró tratamiento con"):
the drug treated the patient, and is read by the treatment finder."""
_REACTION_TO = re.compile(
    r"(?<![\w-])(?:reac(?:c?ion|ao|oes|ciones|tions?)|reazion[ei]|efectos?|efeitos?|effets?"
    r"|eventos?|evenements?|nebenwirkung(?:en)?)(?: [a-z]+){0,2}? (?:a|al|au|aux|alla|ao|as"
    r"|contra|pela|pelo|por|par|de|del|da|do|des|du|der|auf)(?: la| el| o| a| l'| le| les| die"
    r"| den)?\s*$"
)
"""Before a drug's or vaccine's name, the reaction or adverse effect it is told to be to or of
("reação adversa à vacina BCG", "reacción local a la vacuna", "efectos secundarios de la
vacuna"), as English "reaction to": what the reaction was to is the suspect."""


def _route_after(folded: str, end: int, sentence: Sentence) -> bool:
    return bool(_ROUTE_AFTER.match(folded[end : min(sentence.end, end + 60)]))


def _compound_giving(pattern: str) -> re.Pattern[str]:
    """A drug class written as the first part of a German compound whose head is the noun of
    its giving ("Kortikosteroidinjektionen", "eine Steroidinjektion ins Handgelenk"): German
    joins a noun's determiner to its head in one word (Duden, *Komposita*), so the compound
    tells that the class was given, as "Injektion von Kortikosteroiden" does."""
    return re.compile(
        rf"(?<![\w-])({pattern})(?=(?:injektion|infiltration|spritze)(?:en|n)?(?![\w-]))"
    )


_ASIDE = re.compile(r"\s*\([^()]{0,50}\)")
_LISTED = re.compile(
    r"(?:medicamentos?|farmacos?|medicaments?|medikament\w*|arzneimittel\w*|medicinali"
    r"|medicac(?:ao|oes|ion|iones)|medication)[^.;:]{0,50}(?:[,:]|\()\s*$"
)
_TREATED_TITLE = re.compile(r"(?:trat|trait|manej|behandel)\w*\s+\w+(?:\s+\w+['\u2019]?)?\s*$")


def find_product(
    facts: ForeignFacts,
    text: str,
    folded: str,
    case: list[Sentence],
    suspects: frozenset[str] = frozenset(),
) -> None:
    """The first lexicon drug (by its cognate) or vaccine (:data:`.foreign_words.VACCINE`)
    named as the one given (:func:`_given`: "aplicación de penicilina benzatínica",
    "asociada a enoxaparina", "injection accidentelle d'un vaccin anti-pasteurellose"), as
    spelled with a hyphenated or adjectival companion word, and a route word of the same
    sentence; when the text names a product family (``suspects``), a name of the treatments
    table given after it is its treatment ("necessitando de aplicação de hialuronidase"),
    not a second suspect, and the route is that of the sentences naming the family."""
    named = bool(suspects)
    if facts.language in UNSPACED and not named:
        # Japanese and Chinese: katakana, Latin letters or an agent noun (:mod:`.unspaced_product`)
        facts.product = unspaced_product(text, folded, case, words_for(facts.language))
        if facts.product:
            _route_told(facts, text, folded, case, [folded[slice(*facts.product[2])][:5]])
            return
    given = given_after if facts.language == "tr" else _given
    for sentence in case:
        found: list[tuple[int, int, str]] = [
            (m.start(), m.end(), "vaccine")
            for m in VACCINE.finditer(folded, sentence.start, sentence.end)
            if not named and (given(folded, sentence, m.start()) or VACCINATION.search(m.group(0)))
        ]
        found += [
            (m.start(), m.end(), english)
            for pattern, english in TREATMENTS
            if english in DRUG_CLASSES
            for m in re.finditer(rf"(?<![\w-])(?:{pattern})(?![\w-])", folded[: sentence.end])
            if m.start() >= sentence.start and not named and given(folded, sentence, m.start())
        ]
        found += [
            (m.start(1), m.end(1), english)
            for pattern, english in TREATMENTS
            if english in DRUG_CLASSES and not named
            for m in _compound_giving(pattern).finditer(folded, sentence.start, sentence.end)
        ]
        salts = [
            (m.start(), m.end(), english)
            for m in SALT.finditer(folded, sentence.start, sentence.end)
            if (english := romance_salt(m.group(0)))
            and not named
            and (given(folded, sentence, m.start()) or _route_after(folded, m.end(), sentence))
        ]
        found += salts
        for m in _TOKEN.finditer(folded, sentence.start, sentence.end):
            if any(a <= m.start() < b for a, b, _ in salts):
                continue
            english = drug_of(m.group(0), facts.language)
            # a skin-test antigen named in the case was given for its test ("prueba de la
            # tuberculina"): it is never a treatment
            if not english or not (
                english in SKIN_TEST_ANTIGENS
                or given(folded, sentence, m.start())
                or _route_after(folded, m.end(), sentence)
            ):
                continue
            if named and TREATMENT_NAME.fullmatch(m.group(0)):
                continue  # "aplicação de hialuronidase" after the filler the text names
            start, end = m.span()
            joined = re.match(
                r"[\s-]+([a-z]+(?:ic[ao]|ique|isch\w*)|-[a-z]+)", folded[end : end + 30]
            )
            before = re.search(r"([a-z]+)-$", folded[max(0, start - 30) : start])
            end = end + joined.end() if joined else end
            start = max(0, start - 30) + before.start(1) if before else start
            found.append((start, end, english))
        if not found:
            continue
        start, end, english = min(found)
        facts.product = (text[start:end], english, (start, end))
        _route_told(facts, text, folded, case, [folded[start : start + 5]])
        return
    if named:  # the family the text names: the route of the sentences naming it
        _route_told(facts, text, folded, case, [ascii_fold(n)[:5] for n in suspects if len(n) >= 5])


LATIN_ROUTES = (
    ("intramuscular", re.compile(r"(?<![\w.])(?:i\. ?m\.?|IM)(?!\w|\.\w)")),
    ("subcutaneous", re.compile(r"(?<![\w.])s\. ?c\.?(?!\w|\.\w)")),
    ("intravenous", re.compile(r"(?<![\w.])(?:[ie]\. ?v\.?|EV)(?!\w|\.\w)")),
)
"""The routes as prescriptions abbreviate them in every language, from the Latin *intra
musculum*, *sub cutem*, *intra venam* (and the Romance *endovenoso*): "i.m.", "s. c.", "i.v.",
"e.v.", and the capitals "IM" and "EV" (not a bare "SC" or "IV": a Brazilian state, a Roman
numeral). Read on the text as written, not folded: the folded "im" is the German "in the"."""


def _route_told(
    facts: ForeignFacts, text: str, folded: str, case: list[Sentence], heads: list[str]
) -> None:
    """The first route word of a case sentence that names the product (by the first letters
    of its name, ``heads``), else its Latin abbreviation (:data:`LATIN_ROUTES`), and every
    mistake the case sentences tell."""
    for told in case:
        if not any(h and h in folded[told.start : told.end] for h in heads):
            continue
        words = getattr(words_for(facts.language), "ROUTES", ROUTES)
        for route, pattern, on in [
            *((r, p, folded) for r, p in words),
            *((r, p, text) for r, p in LATIN_ROUTES),
        ]:
            route_found = pattern.search(on, told.start, told.end)
            if route_found:
                facts.route = (route, route_found.span())
                break
        if facts.route:
            break
    for told in case:
        wrong = getattr(words_for(facts.language), "WRONG", WRONG)
        facts.wrong.extend(m.span() for m in wrong.finditer(folded, told.start, told.end))
