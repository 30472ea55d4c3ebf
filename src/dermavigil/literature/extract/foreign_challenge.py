"""Dechallenge and rechallenge told in another language (E2B G.k.9.i.4; Naranjo questions 3
and 4), read as :mod:`.challenge` reads them in English.

*Dechallenge*: a case sentence that stops the product ("se suspendió el fármaco", "retiro del
medicamento", "arrêt du traitement", "abgesetzt", "停用", "中止", "kesildi") and, in its rest or
in the next sentence, improvement ("mejoría", "disparition", "Besserung", "减轻", "軽快",
"iyileşti": improved) or none ("sin mejoría", "persistió", "无好转": not improved).
*Rechallenge*: a re-administration ("reintroducción", "nouvelle injection", "erneute Gabe",
"再次注射", "再投与") with a recurrence or its absence in its rest or the next sentence, or a
recurrence told with each exposure ("tras cada inyección", "nach jeder Injektion", "每次注射后",
"何度も生じ": recurred). The words are standard case-report usage of each language, written
for the text as :func:`.foreign_languages.fold` folds it (Spanish, Portuguese, French,
German and Italian in ASCII lower case, Chinese in simplified characters, Turkish without
its diacritics). Conventions: docs/annotation.md, ``rechallenge`` / ``dechallenge`` and the
r3xx, r7xx and w0xx decisions (a reaction after each dose recurred).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dermavigil.domain.vocab import DechallengeResult, RechallengeResult
from dermavigil.literature.extract.ascii_folding import whole_words as _words
from dermavigil.literature.extract.challenge import ChallengeFacts
from dermavigil.literature.extract.sentences import Sentence


@dataclass(frozen=True)
class _Words:
    stop: re.Pattern[str]
    better: re.Pattern[str]
    worse: re.Pattern[str]
    no_better: re.Pattern[str]
    readmin: re.Pattern[str]
    recur: re.Pattern[str]
    no_recur: re.Pattern[str]
    each: re.Pattern[str]
    occurs: re.Pattern[str]


_LATIN = _Words(
    stop=_words(
        r"(?:se |fue |foi |wurde |e stat[oa] )?(?:suspendi\w*|suspens[ao] d\w*|suspendu\w*"
        r"|retiro d\w*|retirada d\w*|retrait d\w*|interrup\w*|interromp\w*|interrompu\w*"
        r"|interruzione|interrott[oa]|discontinu\w*|descontinu\w*|arret d[eu]\w*|arrete\w*"
        r"|sospes[oa]|sospensione|abgesetzt|absetzen|nach absetzen|absetzung|therapieabbruch"
        r"|abbruch d\w+|pausiert|cese d\w+|cessacao d\w+|cessation d\w+)"
        r"|(?:foi|foram|fue|fueron|e stat[oa]|sono stat[ie]) (?:\w+ )?suspens[oa]s?"
    ),
    better=_words(
        r"mejor\w*|resol\w*|desaparec\w*|remit\w*|remision|remissao|remission|curacion"
        r"|melhor\w*|regress\w*|amelior\w*|dispar\w+|guer\w+|besser\w*|gebessert|abgeheilt"
        r"|abheilung|ruckbildung|zuruckgebildet|ruckgang|rucklaufig|verschwunden|verschwand"
        r"|miglior\w*|risol\w*|scompar\w+"
    ),
    worse=_words(
        r"persist\w*|empeor\w*|piora\w*|pioro\w*|aggrav\w*|verschlecht\w*|peggior\w*"
        r"|progres\w+|progredi\w+"
    ),
    no_better=_words(
        r"sin (?:\w+ )?mejoria|sem (?:\w+ )?melhora|sans (?:\w+ )?amelioration|keine (?:\w+ )?"
        r"besserung|ohne (?:\w+ )?besserung|senza (?:\w+ )?miglioramento|no (?:se )?mejor\w+"
        r"|nao (?:\w+ )?melhor\w+|ne s'est pas amelior\w+|n'a pas ete amelior\w+|non (?:\w+ )?"
        r"miglior\w+|nicht gebessert"
    ),
    readmin=_words(
        r"reintroduc\w+|reintrodu\w+|readministr\w+|re-?expos\w+|re-?administr\w+|rechallenge"
        r"|reexposition|nuev[oa] (?:dosis|inyeccion|aplicacion|administracion)|nova (?:dose"
        r"|injecao|aplicacao|administracao)|nouvelle (?:injection|dose|administration)"
        r"|erneute\w* (?:gabe|injektion|applikation|exposition|verabreichung)|nuova (?:dose"
        r"|iniezione|somministrazione)|segunda (?:dosis|dose|inyeccion|injecao|aplicacion)"
        r"|seconde (?:injection|dose)|zweite\w* (?:dosis|injektion|gabe)|seconda (?:dose"
        r"|iniezione)"
    ),
    recur=_words(
        r"recurr\w+|recidiv\w+|reapar\w+|reappar\w+|rezidiv\w+|ricompar\w+|recorr\w+|recaida"
        r"|rechute|erneut auf\w*|erneut (?:zu|ein)\w*"
    ),
    no_recur=_words(
        r"sin (?:\w+ )?(?:recurrencia|recidiva|reaccion|complicaciones)|sem (?:\w+ )?(?:recorrencia"
        r"|recidiva|reacao|complicacoes)|sans (?:\w+ )?(?:recidive|recurrence|reaction"
        r"|complication)s?|ohne (?:\w+ )?(?:rezidiv|reaktion|komplikation)\w*|senza (?:\w+ )?"
        r"(?:recidiv\w+|reazion\w+|complicanz\w+)|bien tolerad\w+|bem tolerad\w+|bien tolere\w*"
        r"|gut vertragen|ben tollerat\w+"
    ),
    each=_words(
        r"(?:tras|despues de|con|en|apos|com|apres|lors de|nach|bei|dopo|ad|con) (?:cada"
        r"|chaque|jeder|ogni) (?:nuev[oa] |nouvelle |neuen |nuova )?(?:inyeccion|dosis"
        r"|aplicacion|administracion|sesion|injecao|dose|aplicacao|sessao|injection"
        r"|administration|seance|injektion|gabe|applikation|sitzung|iniezione"
        r"|somministrazione|seduta)"
    ),
    occurs=_words(
        r"aparec\w+|apareci\w+|present\w+|surg\w+|desarroll\w+|recurr\w+|recidiv\w+|apparu\w*"
        r"|apparai\w+|survenu\w*|auftr\w+|aufgetreten|entwickel\w+|compar\w+|insorg\w+"
        r"|sviluppa\w+"
    ),
)
_JA = _Words(
    stop=re.compile(r"中止|休薬|中断|投与を(?:止め|やめ)|使用を(?:止め|やめ)"),
    better=re.compile(r"改善|軽快|消失|治癒|軽減|縮小|消退|寛解"),
    worse=re.compile(r"持続|悪化|増悪"),
    no_better=re.compile(r"改善(?:せず|しなかった|しない|なく|を認めなかった|を認めず)|軽快せず"),
    readmin=re.compile(
        r"再投与|再注射|再接種|投与を再開|再開|再度(?:投与|注射|接種)|再び(?:投与|注射)"
    ),
    recur=re.compile(r"再発|再燃|再び(?:出現|生じ)|再度(?:出現|生じ)|同様の(?:症状|皮疹|病変)"),
    no_recur=re.compile(r"再発(?:は)?(?:なく|なし|せず|していない|を認めない|を認めず)|問題なく"),
    each=re.compile(
        r"何度も|その都度|その度|毎回|(?:注射|投与|接種|施術)(?:の)?(?:たびに|度に|ごとに)"
    ),
    occurs=re.compile(r"生じ|出現|発生|認め|再発|再燃"),
)
_ZH = _Words(
    stop=re.compile(r"停用|停药|停止(?:使用|用药|注射|给药|治疗)|撤药|撤除"),
    better=re.compile(r"减轻|好转|消退|消失|缓解|痊愈|改善|治愈"),
    worse=re.compile(r"持续|加重|恶化"),
    no_better=re.compile(r"(?:未见|无|未|没有)(?:明显)?(?:好转|缓解|改善|减轻|消退|消失)"),
    readmin=re.compile(r"再次(?:使用|注射|给药|用药|接种)|重新(?:使用|注射|给药)|再用"),
    recur=re.compile(r"再次出现|又出现|复发|再发|重现|再次发生"),
    no_recur=re.compile(r"(?:未再|未|无|没有)(?:出现|发生|复发)|未见复发"),
    each=re.compile(r"每次(?:注射|用药|给药|使用|接种)"),
    occurs=re.compile(r"出现|发生|复发|发作"),
)
_TR = _Words(
    stop=_words(r"(?:kesil|birakil|durdurul|sonlandiril)\w*"),
    better=_words(r"(?:iyiles|gerile|kaybol|azal|duzel|remisyon)\w*"),
    worse=_words(r"(?:devam et|kotules|ilerle)\w*"),
    no_better=_words(r"iyilesme (?:olmadi|gorulmedi|saptanmadi)|duzelmedi|gerilemedi|azalmadi"),
    readmin=_words(r"(?:tekrar|yeniden) (?:uygula|enjeksiyon|enjekte|verildi|verilme|baslan)\w*"),
    recur=_words(r"tekrar (?:ortaya cik|gelis|olus)\w*|(?:nuks|tekrarla)\w*"),
    no_recur=_words(r"nuks (?:gorulmedi|olmadi|izlenmedi)|tekrarlamadi|sorunsuz\w*"),
    each=_words(r"her (?:enjeksiyon|doz|uygulama|seans)\w*"),
    occurs=_words(r"(?:gelis|olus|ortaya cik|tekrarla|nuks)\w*"),
)
_BY_LANGUAGE = {"ja": _JA, "zh": _ZH, "tr": _TR}


def _words_of(language: str) -> _Words:
    return _BY_LANGUAGE.get(language, _LATIN)


def _status(words: _Words, folded: str, start: int, end: int) -> tuple[bool, int, int] | None:
    """(improved, span) of the first improvement or its absence in ``folded[start:end]``: an
    improvement denied ("sin mejoría", "无好转") or a persistence is none."""
    denied = words.no_better.search(folded, start, end)
    if denied:
        return False, denied.start(), denied.end()
    better = words.better.search(folded, start, end)
    if better:
        return True, better.start(), better.end()
    worse = words.worse.search(folded, start, end)
    return (False, worse.start(), worse.end()) if worse else None


def _dechallenge(words: _Words, folded: str, case: list[Sentence], facts: ChallengeFacts) -> None:
    for i, sentence in enumerate(case):
        stop = words.stop.search(folded, sentence.start, sentence.end)
        if not stop:
            continue
        for later in case[i : i + 2]:
            start = stop.end() if later is sentence else later.start
            found = _status(words, folded, start, later.end)
            if found:
                facts.dechallenge_done = True
                facts.dechallenge_result = (
                    DechallengeResult.improved if found[0] else DechallengeResult.not_improved
                )
                facts.dechallenge_text = sentence.text
                facts.spans["dechallenge.done"] = [stop.span()]
                facts.spans["dechallenge.result"] = [found[1:]]
                return


def _rechallenge(words: _Words, folded: str, case: list[Sentence], facts: ChallengeFacts) -> None:
    for i, sentence in enumerate(case):
        readmin = words.readmin.search(folded, sentence.start, sentence.end)
        if readmin:
            for later in case[i : i + 2]:
                start = readmin.end() if later is sentence else later.start
                hit = words.no_recur.search(folded, start, later.end)
                result = RechallengeResult.did_not_recur
                if hit is None:
                    hit = words.recur.search(folded, start, later.end)
                    result = RechallengeResult.recurred
                if hit is not None:
                    _keep(facts, result, sentence, readmin.span(), hit.span())
                    return
        each = words.each.search(folded, sentence.start, sentence.end)
        if (
            each
            and words.occurs.search(folded, sentence.start, sentence.end)
            and not words.no_recur.search(folded, sentence.start, sentence.end)
            and not words.better.search(folded, sentence.start, sentence.end)
        ):  # "mejoría tras cada sesión": a treatment's effect, no recurrence
            _keep(facts, RechallengeResult.recurred, sentence, each.span(), each.span())
            return


def _keep(
    facts: ChallengeFacts,
    result: RechallengeResult,
    sentence: Sentence,
    done: tuple[int, int],
    told: tuple[int, int],
) -> None:
    facts.rechallenge_done = True
    facts.rechallenge_result = result
    facts.rechallenge_text = sentence.text
    facts.rechallenge_sentences.add(sentence.index)
    facts.spans["rechallenge.done"] = [done]
    facts.spans["rechallenge.result"] = [told]


def foreign_challenges(folded: str, case: list[Sentence], language: str) -> ChallengeFacts:
    """The de- and rechallenge the case sentences ``case`` of a text in ``language`` tell
    (``folded``: the text as :func:`.foreign_languages.fold` folds it; spans index it)."""
    words = _words_of(language)
    facts = ChallengeFacts()
    _rechallenge(words, folded, case, facts)
    _dechallenge(words, folded, case, facts)
    return facts
