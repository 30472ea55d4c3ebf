"""The number words of Spanish, Portuguese, French, German and Italian, folded to ASCII lower
case (:func:`.ascii_folding.ascii_fold`): the cardinals up to ten (:data:`CARDINALS`) and with
them the ordinals up to five (:data:`NUMBERS`). Read by the latency patterns
(:mod:`.foreign_latency_words`, :mod:`.foreign_intervals`), the counted cases of a series
(:mod:`.foreign_words`, :mod:`.series_cue`: "deux cas"); a plain table, so that the English
reader's :mod:`.series_cue` needs none of the other languages' patterns at import.
"""

from __future__ import annotations

CARDINALS = {
    **dict.fromkeys(("un", "una", "uno", "um", "uma", "une", "ein", "eine", "einem", "einer"), 1),
    **dict.fromkeys(("dos", "dois", "duas", "deux", "zwei", "due"), 2),
    **dict.fromkeys(("tres", "trois", "drei", "tre"), 3),
    **dict.fromkeys(("cuatro", "quatro", "quatre", "vier", "quattro"), 4),
    **dict.fromkeys(("cinco", "cinq", "funf", "cinque"), 5),
    **dict.fromkeys(("seis", "six", "sechs", "sei"), 6),
    **dict.fromkeys(("siete", "sete", "sept", "sieben", "sette"), 7),
    **dict.fromkeys(("ocho", "oito", "huit", "acht", "otto"), 8),
    **dict.fromkeys(("nueve", "nove", "neuf", "neun"), 9),
    **dict.fromkeys(("diez", "dez", "dix", "zehn", "dieci"), 10),
}
"""Number words up to ten (folded)."""
NUMBERS = {
    **CARDINALS,
    **dict.fromkeys(("primer", "primero", "primeiro", "premier", "ersten", "primo"), 1),
    **dict.fromkeys(("segundo", "second", "deuxieme", "zweiten", "secondo"), 2),
    **dict.fromkeys(("tercer", "tercero", "terceiro", "troisieme", "dritten", "terzo"), 3),
    **dict.fromkeys(("cuarto", "quarto", "quatrieme", "vierten"), 4),
    **dict.fromkeys(("quinto", "cinquieme", "funften"), 5),
}
"""The number words up to ten and the ordinals up to five (folded), for latencies ("tres días
después") and counts."""
