"""The words of a latency in Spanish, Portuguese, French, German and Italian.

A latency is a number and a unit read after the exposure (the onset a reaction is told
with, "tres días después de la inyección", "Após 15 dias, relatou prurido"): the number
words and ordinals (:data:`.foreign_numbers.NUMBERS`), the units (:data:`TIME_UNITS`), and the
patterns that tie them to the injection, a treatment's start or a sign's verb
(:data:`ONSET`, :data:`ONSETS`, groups ``n`` and ``unit``), as the English onset reader
(:mod:`.onset`) ties "three days after the injection". Each is written for the text's
letters folded to ASCII lower case (:func:`.ascii_folding.ascii_fold`); the language's
other words are :mod:`.foreign_words`, which re-exports these for
:func:`.foreign_languages.words_for`.
"""

from __future__ import annotations

import re

from dermavigil.literature.extract.foreign_numbers import NUMBERS

TIME_UNITS = {
    "hora": "hour", "horas": "hour", "heure": "hour", "heures": "hour", "stunde": "hour",
    "stunden": "hour", "ora": "hour", "ore": "hour", "h": "hour", "minutes": "minute",
    "dia": "day", "dias": "day", "jour": "day", "jours": "day", "tag": "day", "tage": "day",
    "tagen": "day", "giorno": "day", "giorni": "day", "minuto": "minute", "minutos": "minute",
    "semana": "week", "semanas": "week", "semaine": "week", "semaines": "week", "woche": "week",
    "wochen": "week", "settimana": "week", "settimane": "week", "minuten": "minute",
    "mes": "month", "meses": "month", "mois": "month", "monat": "month", "monate": "month",
    "monaten": "month", "mese": "month", "mesi": "month", "minuti": "minute",
}  # fmt: skip
_SHORT = "|".join(TIME_UNITS)
"""Units up to a month: a number of years right before "tras la inyección" is as often the
patient's age ("mujer de 45 años tras ...")."""
TIME_UNITS |= {
    "ano": "year", "anos": "year", "ans": "year", "annee": "year", "annees": "year",
    "jahr": "year", "jahre": "year", "jahren": "year", "anno": "year", "anni": "year",
}  # fmt: skip
_NUMBER = r"\d+(?:[.,]\d+)?|" + "|".join(sorted(NUMBERS, key=len, reverse=True))
ONSET = re.compile(
    rf"(?<![\w-])(?P<n>{_NUMBER})(?:\s*(?:-|\u2013|a|bis)\s*(?:{_NUMBER}))?(?:\s+|(?<=\d))"
    rf"(?P<unit>{_SHORT})(?![\w-])"
    r"(?!\s+(?:de edad|de idade|d'age|di eta|alt))"
    r"(?:\s+(?:despues|mas tarde|apres|plus tard|spater|depois|mais tarde|dopo|piu tardi)"
    r"(?![\w-])(?!\s+(?:de|d'|da|del|du)\b)[\s,]*(?:[^.;]{0,40}?(?<![\w-]))?(?:aparec\w*|present[ao]\w*"
    r"|desarroll\w*|surg[ei]\w*|apparai\w*|apparu\w*|developp\w*|entwickel\w*|auftr\w*|compar\w*"
    r"|notaron|noto|observ\w*|inici\w*|apresent\w*)"
    r"|[^.;]{0,25}?"
    r"(?<![\w-])(?:despues de|tras|posterior(?:es)? a|luego de|apos|depois de|apres|nach|dopo)"
    r"(?![\w-])[^.;]{0,40}?(?<![\w-])(?:la |a |l'|der |dem |la |l')?(?:inyeccion|aplicacion"
    r"|administracion|infiltracion|injecao|aplicacao|administracao|injection|administration"
    r"|injektion|iniezione|somministrazione|vacuna|vacina|vaccin\w*|impfung|introduccion"
    r"|introducao|introduction|inicio|debut|prise|toma|tratamiento|traitement|tratamento|sesion"
    r"|sessao|seance|sitzung|seduta|anwendung|gabe|verabreichung|applikation))"
)
"""A latency from the injection: a number and a unit, then "after" and the injection
("tres días después de la inyección", "no segundo dia após a aplicação", "72 horas tras
administración"); a number run into its unit ("48heures après l'injection"), the start of
a treatment or a session ("4jours après l'introduction d'un traitement par l'héparine",
"siete días tras la primera sesión"), as English "treatments" and "sessions" are); an age
("niño de 7 meses de edad, luego de inyección") is none; "N later" before a sign's verb is
the English "three days later, lesions appeared" ("Tres días después aparecen lesiones"); a
range gives its lower bound ("zwei bis drei Wochen nach intramuskulärer Anwendung")."""
_ABOUT = r"(?:(?:cerca de|unos|unas|aproximadamente|environ|circa|etwa|ca\.) )?"
_SIGN_VERB = (
    r"(?:relat\w*|aparec\w*|desarroll\w*|surg[ei]\w*|apparu\w*|apparai\w*|developp\w*"
    r"|entwickel\w*|auftr\w*|compar\w*|notaron|noto|notou|observ\w*|apresent\w*|svilupp\w*"
    r"|manifest\w*|insort[oa]|present\w*|inici\w*|comenz\w*|comec\w*|debut\w*)"
)
ONSETS = (
    ONSET,
    # "Após 15 dias, relatou prurido", "Tras dos semanas aparecieron nódulos"
    re.compile(
        rf"(?<![\w-])(?:apos|despues de|tras|luego de|apres|nach|dopo|passad[oa]s|a (?:los|las)"
        rf"|aos|as|au bout de|a distanza di)\s+{_ABOUT}"
        rf"(?P<n>{_NUMBER})\s+(?P<unit>{'|'.join(TIME_UNITS)})(?![\w-])[\s,]+"
        rf"(?:[^.;]{{0,30}}?(?<![\w-]))?{_SIGN_VERB}"
    ),
    # "si era sviluppata, circa 2 settimane dopo, una lieve reazione"
    re.compile(
        rf"(?<![\w-]){_SIGN_VERB}[^.;]{{0,20}}?[\s,]+{_ABOUT}(?P<n>{_NUMBER})\s+"
        rf"(?P<unit>{_SHORT})\s+(?:dopo|despues|depois|apres|plus tard|mas tarde"
        r"|piu tardi|spater)(?![\w-])(?!\s+(?:de|d'|da|del|du)\b)"
    ),
)
"""Latencies with the preposition before the number ("Após 15 dias, relatou prurido", "a
las 24 horas presenta", "Após 10 anos apresentou": the English "After 15 days, she reported
itching"; years only there) or the sign's verb before the interval
("si era sviluppata, circa 2 settimane dopo"), besides :data:`ONSET`."""
