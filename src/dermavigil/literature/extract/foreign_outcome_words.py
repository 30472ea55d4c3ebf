"""The words of an outcome status (E2B E.i.7) in Spanish, Portuguese, French, German and Italian.

Written for the text folded to ASCII lower case (:func:`.ascii_folding.ascii_fold`), as the
other tables of :mod:`.foreign_words`; the last one the case sentences state is the outcome
(docs/annotation.md, `outcome`). Each language's words for the same few statuses: a scar
the healing left ("con cicatriz", "cicatrice residua": recovered with sequelae), a lack of
response to treatment ("falta de resposta ao tratamento": not recovered, as English "no
response"), symptoms that gave way ("cediendo la sintomatología", "a récupéré": recovered),
and a decrease, an attenuation, an improvement or a good response or course short of a
stated end ("disminución del dolor", "atenuada após corticoterapia", "buena respuesta",
"evolucionó de forma favorable", "continúan mejorando": recovering, as English "good
response", "evolved favourably" and "improving", docs/annotation.md, z0xx decisions).
"""

from __future__ import annotations

import re

from dermavigil.domain.vocab import Outcome
from dermavigil.literature.extract.ascii_folding import whole_words as _words

OUTCOMES: tuple[tuple[Outcome, re.Pattern[str]], ...] = (
    (Outcome.fatal, _words(r"fallecio|fallecimiento|obito|faleceu|deces|decede|verstarb"
                           r"|verstorben|decesso|e deceduto")),
    (Outcome.recovered_with_sequelae, _words(r"secuelas?|sequelas?|sequelles?|folgeschaden"
                                             r"|postumi|con (?:una )?cicatriz|com (?:uma )?cicatriz"
                                             r"|avec (?:une )?cicatrice|mit (?:einer )?narbe"
                                             r"|con (?:una )?cicatrice|cicatric(?:e|i) residu[ae]"
                                             r"|cicatriz residual|cicatrice residuelle"
                                             r"|cicatrizes? residua(?:l|is)|residuelle narbe")),
    (Outcome.not_recovered, _words(r"sin mejoria|sem melhora|sans amelioration|keine besserung"
                                   r"|senza miglioramento|no mejoro|nao melhorou"
                                   r"|persiste|persisten|persistia|persistem|persistait"
                                   r"|(?:falta|ausencia) de (?:respuesta|resposta)"
                                   r"|sin respuesta|sem resposta|sans reponse|absence de reponse"
                                   r"|senza risposta|mancata risposta|kein ansprechen")),
    (Outcome.recovered, _words(r"resolucion|resolvio|resolvieron|resolviendo|curacion"
                               r"|remision completa|desaparicion|desaparecio|desaparecieron"
                               r"|resolveu|resolveram|desapareceu|desapareceram|ont disparu"
                               r"|a disparu|verschwand|verschwanden|scomparsa|scomparse"
                               r"|resolucao|cura|remissao|guerison|disparition|resolution"
                               r"|abheilung|ruckbildung|ausgeheilt|risoluzione|guarigione|guarit[oa]|curad[oa]"
                               r"|cicatrizad[oa]|cicatrizacion|cicatrizacao|cicatrisation|gueri\w*|geheilt"
                               r"|abgeheilt|ausheilung"
                               r"|cedio|cedieron|cediendo|cedeu|cederam"
                               r"|a recupere|ont recupere|recupero|recuperou|e guarit[oa]")),
    (Outcome.recovering, _words(r"mejoria|mejora|evolucion favorable|melhora|melhoria"
                                r"|evolucao favoravel|amelioration|evolution (?:etait )?favorable"
                                r"|besserung|verbesserung|miglioramento"
                                r"|(?:disminucion|diminuicao|diminution|diminuzione|reduccion"
                                r"|reducao|reduction|riduzione) (?:del|de la"
                                r"|de los|de las|do|da|dos|das|du|de l'|des|della|del|dei|delle)"
                                r" (?:tamano|tamanho|taille|dolor|dor|douleur|dolore|o?edemas?"
                                r"|prurit\w*|eritema|erytheme|inflama\w+|inflammation"
                                r"|infiammazione|lesion\w*|lesao|lesoes|sintom\w*|symptom\w*"
                                r"|tumefa\w+|nodul\w*)"
                                r"|(?:atenuad[oa]s?|attenuat[oa]|attenuee?s?) (?:apos|tras|despues"
                                r"|depois|dopo|apres|con|com|avec|gracias)"
                                r"|(?:buena|boa|bonne|buona) (?:respuesta|resposta|reponse"
                                r"|risposta|evolucion|evolucao|evolution|evoluzione)"
                                r"|evolucion (?:clinica )?(?:satisfactoria|buena)"
                                r"|evolucao (?:clinica )?(?:satisfatoria|boa)"
                                r"|(?:evoluciono|evoluciona|evoluiu|evolui|a evolue|evolue"
                                r"|evoluto|e evoluto|ha evolucionado)"
                                r" (?:(?:de|en) (?:forma|manera|modo) |em |di )?(?:favorable"
                                r"|favoravel|favorevole|satisfactoria|satisfatoria|bien|bem"
                                r"|favorablement|favorevolmente|favorablemente"
                                r"|favoravelmente|satisfactoriamente|satisfatoriamente)"
                                r"|mejorando|melhorando|mejoro|melhorou|s'est amelioree?s?"
                                r"|se amelior\w+|migliorat[oaie]|besserte sich|gebessert")),
)  # fmt: skip
"""The last status the case sentences state (nouns and the verbs' past and gerund: "las
lesiones se resolvieron en un mes", "resolviendo las lesiones a los siete días")."""
