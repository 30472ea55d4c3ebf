"""An onset told as two intervals back from the visit, in Spanish, Portuguese, French, Italian
or German: their difference.

The English :mod:`.intervals` reads "a tattoo on her lips 3 years ago" and "a 2-month history
of pruritus"; a text in another Latin-script language dates both the same way: the exposure
("un tatuaje ... realizado hacía 6 meses", "un año antes se había practicado una
infiltración", "tatouage réalisé il y a deux ans") and the first sign ("lesiones de una
semana de evolución", "progresivos desde hacía 2 meses", "depuis trois semaines"). Neither is
the onset; their difference is (docs/annotation.md: "where a text gives two intervals, the
onset is their difference"; the u0xx decision: time since injection or tattooing minus the
lesions' duration). A sign interval longer than the exposure one gives nothing (the sign
predates the exposure). Read on the folded text (:func:`.ascii_folding.ascii_fold`), only
when the case sentences state no latency from the injection.
"""

from __future__ import annotations

import re

from dermavigil.domain.dates import Duration, TimeUnit
from dermavigil.literature.extract.foreign_numbers import NUMBERS
from dermavigil.literature.extract.sentences import Sentence

Span = tuple[int, int]

_UNITS = {
    **dict.fromkeys(("dia", "dias", "jour", "jours", "tag", "tage", "tagen", "giorno", "giorni"),
                    TimeUnit.day),
    **dict.fromkeys(("semana", "semanas", "semaine", "semaines", "woche", "wochen", "settimana",
                     "settimane"), TimeUnit.week),
    **dict.fromkeys(("mes", "meses", "mois", "monat", "monate", "monaten", "mese", "mesi"),
                    TimeUnit.month),
    **dict.fromkeys(("ano", "anos", "an", "ans", "annee", "annees", "jahr", "jahre", "jahren",
                     "anno", "anni"), TimeUnit.year),
}  # fmt: skip
_NUMBER = r"\d+(?:[.,]\d+)?|" + "|".join(sorted(NUMBERS, key=len, reverse=True))
_ABOUT = r"(?:(?:unos|unas|cerca de|aproximadamente|alrededor de|environ|etwa|circa|ca\.) )?"
_N = rf"{_ABOUT}(?P<n>{_NUMBER})\s+(?P<unit>{'|'.join(sorted(_UNITS, key=len, reverse=True))})"
_BACK = r"(?:hace|hacia|ha|havia|il y a|vor|fa)"
_AGO = r"(?:antes|atras|auparavant|plus tot|zuvor|fruher|prima|previamente)"
_DONE = (
    r"(?:realizad[oa]s?|practicad[oa]s?|aplicad[oa]s?|inyectad[oa]s?|injetad[oa]s?|infiltr\w+"
    r"|inyeccion\w*|injec\w+|injektion\w*|iniezion\w*|tatua\w+|tatou\w+|tatuag\w+|tatowier\w*"
    r"|vacun\w+|vacin\w+|vaccin\w+|realise\w*|effettuat[oaie]|eseguit[oaie]|durchgefuhrt)"
)
_EXPOSURE = (
    re.compile(rf"(?<![\w-]){_DONE}(?![\w-])[^.;]{{0,30}}?(?<![\w-]){_BACK} {_N}(?![\w-])"),
    re.compile(rf"(?<![\w-]){_DONE}(?![\w-])[^.;]{{0,30}}?(?<![\w-]){_N} {_AGO}(?![\w-])"),
    re.compile(rf"(?<![\w-]){_N} {_AGO}(?![\w-])[^.;]{{0,40}}?(?<![\w-]){_DONE}(?![\w-])"),
)
"""The exposure dated back: 'realizado hacía 6 meses', 'Se los habían realizado un año
antes', 'un año antes se había practicado una infiltración'."""
_SIGN = (
    re.compile(rf"(?<![\w-])(?:desde (?:hace|hacia)|depuis|seit|ha|da) {_N}(?![\w-])"),
    re.compile(rf"(?<![\w-])(?:de|d'|di|com) {_N} (?:de |d')?(?:evolucion|duracion|evolucao"
               r"|duracao|evolution|duree|evoluzione|durata)(?![\w-])"),
)  # fmt: skip
"""The first sign dated back from the visit: 'desde hacía 2 meses', 'de una semana de
evolución', 'depuis trois semaines', 'seit zwei Wochen'."""


def _days(match: re.Match[str]) -> float | None:
    number = match.group("n").replace(",", ".")
    value = float(number) if number[0].isdigit() else NUMBERS.get(number)
    if value is None:
        return None
    return Duration(value=float(value), unit=_UNITS[match.group("unit")]).days()


def foreign_two_intervals(folded: str, case: list[Sentence]) -> tuple[Duration, Span] | None:
    """The difference of the first exposure and the first sign the case sentences date back
    from the visit (the onset, in days, and the exposure interval's span)."""
    exposure = sign = None
    for sentence in case:
        if exposure is None:
            found = [m for p in _EXPOSURE for m in p.finditer(folded, sentence.start, sentence.end)]
            exposure = min(found, key=lambda m: m.start(), default=None)
        if sign is None:
            found = [m for p in _SIGN for m in p.finditer(folded, sentence.start, sentence.end)]
            found = [
                m
                for m in found
                if exposure is None or m.end() <= exposure.start() or m.start() >= exposure.end()
            ]
            sign = min(found, key=lambda m: m.start(), default=None)
    if exposure is None or sign is None:
        return None
    before, since = _days(exposure), _days(sign)
    if before is None or since is None or since > before:
        return None
    return Duration(value=round(before - since, 4), unit=TimeUnit.day), exposure.span()
