"""The few words a case report in Spanish, Portuguese, French, German or Italian needs read.

Phenotypes come from the official HPO translations
(:mod:`dermavigil.terminology.translations`); this module holds what the HPO does not
translate: the words that make a sentence one about *this patient*, negation cues,
sex, age, treatment verbs, hospitalisation and death, and the diagnoses of this domain
that are no HPO phenotype (Nicolau syndrome, botulism); the names of the usual
treatments are :mod:`.foreign_treatment_words`, the outcome words
:mod:`.foreign_outcome_words`, the words of a latency :mod:`.foreign_latency_words`. Each
is written for the text's letters folded to ASCII lower case
(:func:`.ascii_folding.ascii_fold`), so one pattern covers "mejoría" and "mejoria". English
names are what the draft gives (``docs/annotation.md``: reaction and treatment terms of a
text in another language are written in English).
"""

from __future__ import annotations

import re

from dermavigil.domain.vocab import SeriousnessCriterion, Sex
from dermavigil.literature.extract.ascii_folding import whole_words as _words
from dermavigil.literature.extract.foreign_latency_words import ONSETS as ONSETS
from dermavigil.literature.extract.foreign_latency_words import TIME_UNITS as TIME_UNITS
from dermavigil.literature.extract.foreign_numbers import CARDINALS
from dermavigil.literature.extract.foreign_numbers import (  # each language's words
    NUMBERS as NUMBERS,  # module holds its latency words (:func:`.foreign_languages.onsets`)
)
from dermavigil.literature.extract.foreign_outcome_words import OUTCOMES
from dermavigil.literature.extract.foreign_treatment_words import (  # each language's words
    TREATMENTS as TREATMENTS,  # module holds TREATMENTS (:func:`.foreign_languages.words_for`)
)

_SUSPECTED_ES = (
    r"|sospecha (?:clinica )?de|hipotesis (?:diagnostica )?de|diagnostico presuntivo de"
    r"|posibles? diagnosticos?"
)
_SUSPECTED_PT = (
    r"|suspeita (?:clinica )?de|hipotese (?:diagnostica )?de|hipoteses (?:diagnosticas )?de"
    r"|possive(?:l|is) diagnosticos?|investigacao (?:\w+ )?para"
)
_COUNTED = "|".join(w for w, n in CARDINALS.items() if n > 1 and w != "dos")
"""The number words from two to ten that count patients (:data:`CASE`)."""
CASE = _words(
    # es
    r"paciente|mujer|hombre|varon|nin[oa]|menor|lactante|presento|presentaba|consulto|consulta"
    r"|acude|acudio|refiere|reportamos|presentamos|describimos|se reporta|se presenta|caso"
    r"|ingresa|ingreso|recibio|evoluciono|se le|la paciente"
    # pt
    r"|mulher|homem|menin[oa]|apresentou|apresentava|evoluiu|relatamos|submeteu|relatado"
    # fr
    r"|patiente?|femme|homme|fille|garcon|enfant|il s'agit|agee?|a presente|presentait"
    r"|rapportons|consulte"
    # de
    r"|patientin|frau|mann|madchen|junge|stellte sich|berichten|fall|\d+-?jahrige\w*"
    # it
    r"|donna|uomo|ragazz[oa]|bambin[oa]|presentava|riportiamo|caso clinico"
    # a series: its patients counted, their verbs in the past
    r"|(?:en|em|in|chez|bei|de|dos|des|su|di) \d+ (?:pacientes|patients|patienten|pazienti"
    r"|casos|cas|casi|faelle|falle)|\d+ (?:pacientes|patients|patienten|pazienti)"
    rf"|(?:{_COUNTED}) (?:pacientes|patient(?:e|en)?s?|pazienti|varones|mujeres"
    r"|hombres|homens|mulheres|femmes|hommes|frauen|manner|donne|uomini)"
    r"|presentaron|desarrollaron|apresentaram|desenvolveram|evoluiram|evolucionaron"
    r"|ont presente|ont developpe|presentavano|svilupparono|zeigten|entwickelten"
    r"|analizamos|analisamos|avaliamos|evaluamos|revisamos|foram (?:avaliad|incluid|estudad)\w*"
    r"|fueron (?:evaluad|incluid|estudiad)\w*|ont ete (?:inclus|evalues|etudies)"
)
"""A sentence about this patient or the series' patients: the patient's nouns, the case's
verbs in the past, the patients counted ("em 135 pacientes", "23 pacientes apresentaram"), by
a number word from two to ten too (:data:`.foreign_numbers.CARDINALS`: "quatro
pacientes", "nueve pacientes", "deux patientes", "drei Patienten"; not the Spanish "dos", which
is the Portuguese "of the": "a maioria dos pacientes")."""
GENERAL = _words(
    r"se caracteriza|se define|se ha asociado|se han descrito|fue descrito|es una complicacion"
    r"|es un sindrome|es una reaccion|suele|se manifiesta|se desconoce|caracteriza-se"
    r"|e uma complicacao|podem ser|costuma|se caracterise|est une complication|on suggere"
    r"|peut|rarement|ist eine|wird definiert|handelt es sich|e una complicazione|si caratterizza"
    r"|diagnostico diferencial|diagnostic differentiel|dx diferencial|differentialdiagnose"
    r"|diagnosi differenziale|(?:introduccion|introducao|introduction)(?! d[eu'o ]|\s+d')"
    r"|einleitung|introduzione"
    r"|discusion|discussao|discussion|diskussion|discussione|conclusion|conclusao"
    r"|palabras clave|palavras-chave|mots-cles|schlusselworter|parole chiave|keywords"
    r"|debe|deben|deve ser|devem|doit|doivent|sollte|deve essere|devono"
)
"""A sentence about the condition in general, a differential diagnosis or a section of
the article other than the case (the heading "Introduction", not the start of a treatment,
"l'introduction d'un traitement")."""
NEGATION = {
    "es": _words(r"sin|no|ni|niega|nego|descart\w*|ausencia de|ningun\w*" + _SUSPECTED_ES),
    "pt": _words(r"sem|nao|nem|nega|negou|descart\w*|ausencia de|nenhum\w*" + _SUSPECTED_PT),
    "fr": _words(r"pas de|pas d'|sans|absence de|aucune?|ni|n'a pas|n'avait pas|exclu\w*"
                 r"|suspicion d(?:e|')|hypotheses? d(?:e|')|diagnostics? evoques?"),
    "de": _words(r"kein\w*|ohne|nicht|ausgeschlossen|verdacht auf"),
    "it": _words(r"senza|non|assenza di|nessun\w*|esclus\w*|sospetto di|ipotesi di"),
}  # fmt: skip
"""NegEx-style cues (Chapman et al. 2001, J Biomed Inform 34(5):301-310) of each language: a
negation, the negative conjunction that goes on denying ("ni", "nem": "sin fiebre ni
adenopatías"), and a diagnosis only suspected or entertained (NegEx's pseudo-negation and
ConText's hypothetical: "sospecha de", "hipótese de", "se plantearon como posibles
diagnósticos", "Verdacht auf"), which is no reaction of the case (docs/annotation.md: a
diagnosis never confirmed)."""
CLAUSE_END = re.compile(
    r"[;.:]|(?<![\w-])(?:pero|aunque|mas|mais|aber|ma|but)(?![\w-])"
    r"|,\s*(?:(?:y|e|et|und)\s+)?(?:que|quien|quienes|qui|qu'|cuy[oa]|cuj[oa]|dont|der|die"
    r"|welche[rs]?|che|con|com|avec|mit)(?![\w-])"
)
"""A negation cue's clause ends at a full stop, "but", a comma before a relative clause or a
"with" phrase ("sin antecedentes de interés, que acudió por prurito": prurito is not negated)."""

SEX = (
    (Sex.female, _words(r"mujer|nina|la paciente|paciente femenina|senora|mulher|menina"
                        r"|a paciente|paciente feminina|femme|fille|patiente|frau|patientin"
                        r"|madchen|donna|ragazza|bambina|sexo femenino|sexo feminino"
                        r"|sexe feminin|weiblich\w*|sesso femminile"
                        # a feminine form: gender named, a title, the feminine agreement
                        r"|paciente femenino|genero femenino|genero feminino|madame|mme"
                        r"|senhora|signora|(?:eine|die) \d+-?jahrige|agee de \d+")),
    (Sex.male, _words(r"hombre|varon|nino|paciente masculino|homem|menino|paciente masculino"
                      r"|homme|garcon|mann|junge|uomo|ragazzo|bambino|sexo masculino"
                      r"|sexe masculin|mannlich\w*|sesso maschile"
                      r"|genero masculino|monsieur|herr|senor|senhor|signor")),
)  # fmt: skip
"""Gendered nouns name the sex, and so do the sex named as a gender ("paciente femenino",
"do género masculino"), a title ("Monsieur", "Frau", "Señora") and a feminine form, which is
never generic: the German feminine article before a nominalised age ("eine 60-jährige"),
the French feminine agreement ("âgée de 40 ans"); a generic masculine ("un menor", "el
paciente", "un patient âgé de", "der 74-jährige Patient") does not (``docs/annotation.md``,
r6xx decisions)."""
AGE = re.compile(
    r"(?<![\w-])(?P<n>\d{1,3})(?:[\s-]+|-?)(?P<unit>anos|ans|anni|jahre|jahrige\w*|meses|mois|mesi"
    r"|monate)(?![\w-])"
)
"""An age: a number and its unit ("de 35 años", "âgée de 6 ans", "65-jährige")."""
AGE_UNITS = {"meses": "month", "mois": "month", "mesi": "month", "monate": "month"}

TREATED = _words(
    r"tratamiento|tratad[oa]s?|trato|recibio|recibieron|recibid[oa]s?"
    r"|se (?:l[aeo]s? )?administr\w*|administracion|se (?:l[aeo]s? )?(?:indico|inicio|realizo)"
    r"|manejo|manejad[oa]s?|requirio|necesit\w*|mejoria con|tratamento|recebeu|receberam"
    r"|recebid[oa]s?|submetid[oa]s?|realizad[oa]s?|administrad[oa]s?|traitement|traitee?s?"
    r"|prise en charge|a recu|ont recu|administration|behandelt|behandlung|therapie|erhielt"
    r"|erhielten|trattat[oaie]|trattamento|terapia|somministrat[oaie]|antibioticoterapia"
    r"|medicad[oa]s?|orientad[oa] a|prescri\w*|se indica|mis(?:e)? sous|therapiert|verordnet"
    r"|antibioterapia|instituid[oa]s?|instaurad[oa]s?"
    # started (the English "started", "initiated", "instituted", "commenced")
    r"|iniciad[oa]s?|comenzad[oa]s?|debutee?s?|initiee?s?|instauree?s?|entamee?s?"
    r"|commencee?s?|iniziat[oaie]|intrapres[oaie]|instaurat[oaie]|eingeleitet|begonnen"
    # taken out (the English "removed", "excised", "drained")
    r"|retirad[oa]s?|removid[oa]s?|extirpad[oa]s?|drenad[oa]s?|extraid[oa]s?|retiree?s?"
    r"|enlevee?s?|drainee?s?|excisee?s?|rimoss[oaie]|drenat[oaie]|asportat[oaie]|entfernt"
    r"|drainiert|exzidiert"
)
"""A sentence that tells a treatment given: a verb of treating, giving, receiving, starting or
taking out, in the singular and the plural and with its participle's endings (a series tells
its patients' treatments in the plural: "recibieron", "foram submetidos"), as the English
cues (:data:`.treatment_cues.CUE`) read "treated", "received", "started" and "removed"; a
clitic pronoun may stand between the Spanish impersonal "se" and its verb ("se le
administró", "se les indicó": the indirect object clitic comes before the verb, Real
Academia Española, *Nueva gramática*, 2009, 16.11)."""

ADMITTED_SINCE = re.compile(
    r"(?<![\w-])(?:(?:desde|durante|tras|depuis|pendant|durante a|wahrend|durante il)"
    r" (?:su |el |la |sa |son |seu |sua |a |o |il |der |dem )?"
    r"|(?:dias|semanas|meses|jours|semaines|giorni|settimane) (?:de|d'|del|di) (?:su |sa )?)$"
)
"""'Desde su ingreso, se inició tromboprofilaxis con enoxaparina', 'A las dos semanas de
ingreso nos consultan': the stay the exposure was given in, not one the reaction caused."""
SERIOUS: tuple[tuple[SeriousnessCriterion, re.Pattern[str]], ...] = (
    (SeriousnessCriterion.death, OUTCOMES[0][1]),
    (SeriousnessCriterion.hospitalisation, _words(
        r"ingres[ao] en (?:la )?uci|ingreso|hospitaliz\w+|internacao|internad[oa]|hospitalis\w+"
        r"|stationar\w*|ricover\w*|uci|unidad de cuidados intensivos|reanimation")),
    (SeriousnessCriterion.disability, _words(  # a motor deficit, a paralysis, an amputation
        r"deficits? motore?s?|deficit moteur|deficit motorio"
        r"|(?:paralisi[as]?|paralysie)(?! cerebra)|lahmung"
        r"|paresi[as]?|paresie|parese|amputa(?:cion|cao|tion|zione|do|da|ee?)")),
)  # fmt: skip
"""Seriousness criteria stated in words (the reactions' HPO codes and surgery add more)."""
SURGERY = frozenset({"surgical drainage", "debridement", "excision", "skin graft", "surgery"})
"""Treatments that are surgery on the reaction: medically important (ICH E2A)."""
_REACTIONS: tuple[tuple[str, str], ...] = (
    (
        r"sindrome de nicolau|syndrome de nicolau|nicolau-syndrom|sindrome di nicolau",
        "Nicolau syndrome",
    ),
    (r"botulismo(?: iatrogenico)?|botulisme(?: iatrogene)?|botulismus", "botulism"),
    (
        r"necrosis cutanea|necrose cutanea|necrose cutanee|hautnekrose|necrosi cutanea",
        "skin necrosis",
    ),
    (r"necrosis|necrose|nekrose|necrosi", "necrosis"),
    (r"abscesos?|abscessos?|abces|abszess\w*|ascessi|ascesso", "abscess"),
    (r"celulitis|celulite|cellulite|phlegmone|zellulitis|cellulite", "cellulitis"),
    (r"granulomas?|granulomes?|granulom\w*|granulomi", "granuloma"),
    (r"nodulos?|nodules?|knoten|noduli", "nodules"),
    (r"tumefaccion|inchazo|tumefaction|gonflement|schwellung|gonfiore|tumefazione", "swelling"),
    (r"ceguera|cegueira|cecite|erblindung|cecita", "blindness"),
    (r"livedo\w*", "livedo reticularis"),
)
REACTIONS = tuple((_words(pattern), english) for pattern, english in _REACTIONS)
"""Diagnoses of this domain that the HPO translations lack or word otherwise."""
BIOPSY = _words(
    r"biopsia|biopsie|biopsy|histolog\w*|histopatolog\w*|histopatholog\w*|anatomopatolog\w*"
    r"|anatomopatholog\w*|istolog\w*"
)
"""A sentence telling what a biopsy showed: its findings are histopathology."""
LABORATORY = _words(
    r"analisis(?: de sangre| de laboratorio| sanguineos?)?|analiticas?|hemogramas?|bioquimica"
    r"|gasometrias?|pruebas de laboratorio|laboratorio"
    r"|(?:exames?|analises?) (?:laboratoriais|de sangue|de laboratorio)"
    r"|bilan (?:biologique|sanguin)|biologie|hemogrammes?|gazometrie"
    r"|analyses? (?:de sang|biologiques?|sanguines?)|labor(?:werte|befunde?|untersuchung\w*)?"
    r"|blutbild|blutuntersuchung\w*|blutgasanalyse|esami (?:ematochimici|di laboratorio"
    r"|del sangue)|emocromo"
)
"""A sentence telling what the blood tests showed ("la analítica muestra hipocalcemia",
"bilan biologique : ...", "Laborwerte"): what it
names after them is a test's result, no reaction (docs/annotation.md: laboratory
abnormalities are test results), as the English path reads a test's result clause."""
EXPOSURE = re.compile(
    r"(?<![\w-])(?:aplicacion(?:es)?|administracion(?:es)?|inyeccion(?:es)?|infiltracion(?:es)?"
    r"|colocacion|aplicac(?:ao|oes)|administrac(?:ao|oes)|injec(?:ao|oes)|injections?"
    r"|administration|injektion(?:en)?|gabe|iniezion[ei]|somministrazione|infiltrations?"
    r"|infiltrac(?:ao|oes)|infiltrazion[ei]"
    r"|extravasac(?:ion|ao)(?:es)?|extravasamento|extravasations?|stravaso|paravasat(?:ion)?)"
    r"(?: [a-z]+){0,2}? (?:(?:de|da|do|von|di)(?: la| a| o)?(?![\w-])|(?:de |d['\u2019])(?:une?"
    r"(?![\w-])|l['\u2019])?)"
)
"""Words before the product given (the suspect, never a treatment), its extravasation among
them as in English ("extravasación de gluconato cálcico"); the apostrophe as typeset
("d\u2019héparine") or typed."""
CAUSE = re.compile(
    r"(?<![\w-])(?:(?:asociad|inducid|causad|provocad|secundari|relacionad|debid|associad"
    r"|induzid|ocasionad|induite?|associee?|secondaire|liee?|causee?|provoquee?|due|indott"
    r"|consequent|consecuent"
    r"|associat|causat|correlat)[oae]?s? (?:a|al|con|por|par|pelo|pela|da|ao|au|aux)"
    r"|apres (?:la prise|l['\u2019]introduction|l['\u2019]administration) (?:de|d['\u2019])"
    r"|(?:recu|recibio|recebeu|erhielt|ricevuto)(?: de| du| des)?"
    r"|(?:bedingt|verursacht|induziert|ausgelost) durch)"
    r"(?: la| el| l['\u2019]| le| les| o| a| lo| das| den| dem)?\s*$"
)
"""Words that tie the reaction to the drug named next ("asociada a enoxaparina", "induite
par", "liée à"), or that tell the patient received it ("il avait reçu de l'héparine"): the
drug is the suspect, as after the words of its giving (:data:`EXPOSURE`)."""
TITLE_CAUSE = re.compile(
    r"(?<![\w-])(?:por|par|pelo|pela|durch|da|dovut[oa] a|dues? a|apos|apres|tras|despues de"
    r"|nach|dopo)(?: la| el| l['\u2019]| le| o| a| dem| der| einer?| il)?\s*$"
)
"""In a title, the preposition of a cause ("necrosis cutánea por heparina") or of what the
reaction followed ("síndrome de Nicolau após diclofenaco", "nécrose après ...", "Nekrose
nach ..."): titles name a reaction by what it was due to or came after, as English ones
("Nicolau syndrome after diclofenac")."""
VACCINE = _words(
    r"(?:vaccins?|vacunas?|vacinas?|impfstoff\w*|vaccino|vaccini|(?:[a-z]+-?)?impfung(?:en)?"
    r"|(?:pos-?|post-?)?(?:vacunacion(?:es)?|vacinac(?:ao|oes)|vaccinazion[ei]|vaccinations?)"
    r"|(?:pos-?|post-?)(?:vacunal(?:es)?|vacina(?:l|is)|vaccina(?:le?s?|ux|li)))"
    r"(?:[ -](?:anti-?[a-z]+|contra (?:la |el |a |o )?[a-z]+|contre (?:la |le |l['\u2019])?[a-z]+"
    r"|gegen [a-z]+|[a-z]+(?:aire|ario|aria|ico|ica|ique)s?))?"
)
"""A vaccine or a vaccination in these languages, with the disease or the kind it names
("vaccin anti-pasteurellose", "vacuna contra la gripe", "vaccin vétérinaire", the German
compounds of Impfung: "FSME-Impfung", "Sechsfachimpfung"), and a vaccination prefixed
"after" ("pós-vacinação", "granulome post-vaccinal", "eventos posvacunales": the prefix
*pos-*/*post-* of the Latin *post*): the product given."""

_ASPECT = (
    r"(?:(?:antero|postero|latero|supero|infero)-?)?(?:anterior|posterior|lateral|medial|dorsal"
    r"|ventral|volar|palmar|plantar|superior|inferior|extern|intern|anterieur|posterieur"
    r"|superieur|inferieur|extensor|flexor)[a-z]*"
)
"""An aspect adjective of a limb's surface ("anterior", "externa", "antérieure",
"latero-externa"): after "cara" or "face" it makes the noun the surface of the limb named
next ("cara anterior de la pierna", "face externe des cuisses"), the anatomical sense of the
Romance word for face (Terminologia Anatomica's *facies*, "facies anterior"), not the face."""
SITES: tuple[tuple[str, str], ...] = (
    ("forehead", r"frente(?!\s+(?:a|al|ao|aos|as)\b)|testa|front|stirn|fronte(?!\s+a\b)"),
    ("glabella", r"glabela|glabelle|glabella"),
    (
        "periorbital area",
        r"patas de gallo|pes de galinha|pattes d'oie|krahenfusse|zampe di gallina"
        r"|periorbitari[oa]|periorbital\w*|periorbitale",
    ),
    ("eyelid", r"parpados?|palpebra[sl]?|paupieres?|augenlid\w*|palpebr\w*"),
    (
        "nasolabial fold",
        r"surcos? nasogenianos?|sulcos? nasogenianos?|sillons? nasogeniens?"
        r"|nasolabialfalten?|solchi? nasogenien?",
    ),
    ("lip", r"labios?|labbra|labbro|levres?|lippen?"),
    ("cheek", r"mejillas?|bochechas?|joues?|wangen?|guance|guancia|pomulos?|malar(?:es)?"),
    ("nose", r"nariz|nez|nase|naso"),
    ("chin", r"menton|queixo|kinn|mento"),
    ("face", rf"(?:cara|face)(?!\s+{_ASPECT})|rostro|visage|gesicht|viso|facial"),
    ("neck", r"cuello|pescoco|cou|hals|collo"),
    ("upper arm", r"deltoides|deltoide|deltoid\w*"),
    ("arm", r"brazos?|bracos?|bras|arm|arme|braccio|braccia"),
    ("hand", r"manos?|maos?|mains?|hande?|mani"),
    ("abdomen", r"abdomen|abdome|bauch|addome|abdominal"),
    ("buttock", r"gluteos?|gluteas?|nalgas?|nadegas?|fesses?|gesass|natica|natiche|glutea"),
    ("thigh", r"muslos?|coxas?|cuisses?|oberschenkel|coscia|cosce"),
    ("foot", r"pies?|pes|pieds?|fusse?|piedi|piede|plantar"),
    (
        "leg",
        r"piernas?|pernas?|jambes?|beine?|gambe|gamba|gemelos?|pantorrillas?"
        r"|panturrilhas?|mollets?|membre inferieur|miembro inferior|membro inferior",
    ),
)
SITES_FOUND = tuple((name, _words(pattern)) for name, pattern in SITES)
"""Body sites in these languages -> the shipped vocabulary's names (``body_sites.tsv``); "frente
a" and "fronte a" are the preposition "facing, against" ("anticuerpos frente al toxoide",
"una prueba frente a la vacuna"), not the forehead, and "cara" or "face" before an aspect
adjective (:data:`_ASPECT`) is a limb's surface."""
ROUTES = (
    ("intramuscular", _words(r"intramuscular(?:es)?|intramusculaire|intramuskular\w*|intramuscolare"
                             r"|intraglute[ao]s?|intragluteal\w*|intrafessiere?s?")),
    ("subcutaneous", _words(r"subcutane[ao]s?|sous[- ]cutanee?s?|subkutan\w*|sottocutane[ao]")),
    ("intradermal", _words(r"intradermic[ao]s?|intradermique|intradermal\w*|intradermale")),
    ("intravenous", _words(r"intravenos[ao]s?|endovenos[ao]s?|intraveineuse?|intravenos")),
    ("intralesional", _words(r"intralesional(?:es)?|intralesionnel\w*|intralasional\w*"
                             r"|intralesionale")),
)  # fmt: skip
"""Route words near the product given; an injection into the buttock's muscle is
intramuscular ("intragluteale Injektionen", "inyección intraglútea", as English
"intragluteal"). The Latin abbreviations are read on the text as written
(:data:`.foreign_product.LATIN_ROUTES`): a folded "im" is also the German "in the"."""
DRUG_CLASSES = frozenset(
    {"corticosteroids", "anti-inflammatory drugs", "analgesics", "antibiotics", "antihistamines"}
)
"""The drug classes of :data:`.foreign_treatment_words.TREATMENTS` a case may name as what
was injected ("syndrome de Nicolau post-injection de glucocorticoïdes"): a drug, as in
English (:func:`.class_exposure.class_exposures`)."""
WRONG = _words(
    r"accident(?:al|el)\w*|(?:par|por|per) accidente?|involontair\w*|involontari\w*"
    r"|inadvertid\w*|inadvertent\w*|versehentlich\w*"
    r"|irrtumlich\w*|unbeabsichtigt\w*|unabsichtlich\w*|(?:no|nao|non) intencional\w*"
    r"|por error|por equivocacion|par erreur|par megarde|per errore|erroneamente|errone[ao]"
    r"|erronee?|por engano|en lugar de|au lieu de|em vez de|anstatt|invece di"
)
"""A product given by mistake or by another route than meant ("injection accidentelle",
"por error", "en lugar de", "unbeabsichtigte intraarterielle Injektion"): given by a route
it is not made for (docs/annotation.md: a veterinary vaccine injected by accident is
approved false). The adjective and adverb of an accident ("accidentelle", "accidentalmente")
or "by accident" tell the giving's manner; the noun alone names an event of the patient's
history ("un accidente de moto"), no mistake of the giving."""
