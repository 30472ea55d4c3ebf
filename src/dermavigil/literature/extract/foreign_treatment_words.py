"""Names of the usual treatments in Spanish, Portuguese, French, German and Italian, each
with the English name the draft gives (folded spellings, read by
:mod:`.foreign_treatments`); the rest of these languages' words is :mod:`.foreign_words`.
"""

from __future__ import annotations

TREATMENTS: tuple[tuple[str, str], ...] = (
    (
        r"antibioticoterapia (?:endovenosa|intravenosa)"
        r"|antibioticos? (?:endovenosos?|intravenosos?)"
        r"|antibiotiques? (?:intraveineux|iv)",
        "intravenous antibiotic therapy",
    ),
    (
        r"antibioticoterapia|antibioterapia|antibiotherapie|antibiotikatherapie",
        "antibiotic therapy",
    ),
    (r"antibiotique?s?|antibiotico?s?|antibiotika|antibiotici|antibiose", "antibiotics"),
    (
        r"drenaje quirurgico|drenagem cirurgica|drainage chirurgical|chirurgische drainage"
        r"|drenaggio chirurgico",
        "surgical drainage",
    ),
    (r"drenaje|drenagem|drainage|drenaggio", "drainage"),
    (
        r"desbridamiento|desbridamento|debridement|debridement chirurgical|sbrigliamento",
        "debridement",
    ),
    (r"escision|excision|exerese|excisao|exzision|escissione", "excision"),
    (r"dermocorticoides?|dermocorticosteroides?", "topical corticosteroids"),
    (
        r"corticoides?|corticosteroides?|corticosteroides?|corticoides?|kortikosteroide?"
        r"|cortisone|corticosteroidi|glucocorticoides?|glucocorticoidi|glukokortikoide?"
        r"|depotsteroide?|steroide?|esteroides?|steroidi",
        "corticosteroids",
    ),
    (
        r"anti-?histaminicos?|anti-?histaminiques?|antihistaminika|antistaminici",
        "antihistamines",
    ),
    (
        r"anti-?inflamatorios?|anti-?inflammatoires?|antiphlogistika|anti-?infiammatori"
        r"|anti-?rr?eumaticos?|anti-?rhumatismaux|antirheumatika|anti-?reumatici",
        "anti-inflammatory drugs",
    ),
    (r"ozonioterapia|ozonoterapia|ozonotherapie|ozontherapie", "ozone therapy"),
    (r"corticoterapia|corticotherapie|kortikoidtherapie", "corticosteroid therapy"),
    (r"kuhlung|refroidissement|crioterapia|cryotherapie|kryotherapie", "cooling"),
    (r"frio local|hielo local|froid local|kalte lokal|freddo locale", "local cold"),
    (
        r"tratamiento antimicrobiano|tratamento antimicrobiano|traitement antimicrobien"
        r"|antimicrobianos?|antimicrobiens?",
        "antimicrobial treatment",
    ),
    (
        r"analgesicos?|antalgiques?|traitement antalgique|analgetika|analgesici|antalgico",
        "analgesics",
    ),
    (
        r"heparina de bajo peso molecular|heparina de baixo peso molecular"
        r"|heparine de bas poids moleculaire|niedermolekulares heparin"
        r"|eparina a basso peso molecolare|hbpm",
        "low molecular weight heparin",
    ),
    (r"hialuronidasa|hialuronidase|hyaluronidase|ialuronidasi", "hyaluronidase"),
    (r"antitoxina|antitoxine|antitoxin|antitossina", "antitoxin"),
    (
        r"oxigeno hiperbarico|oxigenoterapia hiperbarica|oxigenio hiperbarico"
        r"|oxygenotherapie hyperbare|hyperbare sauerstofftherapie|ossigeno iperbarico",
        "hyperbaric oxygen therapy",
    ),
    (
        r"compresas? (?:calientes|tibias)|compressas? (?:quentes|mornas?)"
        r"|compresses? (?:chaudes|tiedes)|warme umschlage",
        "warm compresses",
    ),
    (r"compresas? frias|compressas? frias|compresses? froides|kalte umschlage", "cold compresses"),
    (
        r"injerto(?: de piel)?|enxerto|greffe(?: cutanee)?|hauttransplantation|innesto cutaneo",
        "skin graft",
    ),
    (r"curas locales|curas diarias|soins locaux|wundversorgung|cura delle ferite", "wound care"),
    (
        r"(?:acido )?clavulanico|clavulanato|(?:acide )?clavulanique|clavulansaure"
        r"|(?:acido )?clavulanic[oa]",
        "clavulanic acid",
    ),
    (
        r"intubacion (?:orotraqueal|endotraqueal)|intubacao (?:orotraqueal|endotraqueal)"
        r"|intubation (?:orotracheale|endotracheale)|intubazione (?:orotracheale"
        r"|endotracheale)|intubacion|intubacao|intubation|intubazione",
        "orotracheal intubation",
    ),
    (
        r"ventilacion mecanica|ventilacao mecanica|ventilation mecanique"
        r"|ventilazione meccanica|maschinelle beatmung",
        "mechanical ventilation",
    ),
    (
        r"drogas vasoactivas|drogas vasoativas|farmacos vasoactivos|vasopresores"
        r"|vasopressores|amines vasopressives|vasopresseurs|vasopressori|katecholamine",
        "vasoactive drugs",
    ),
    (
        r"tratamiento quirurgico|tratamento cirurgico|traitement chirurgical"
        r"|trattamento chirurgico|chirurgische (?:behandlung|therapie|sanierung)",
        "surgical treatment",
    ),
    (
        r"(?:retirada|extraccion|exeresis|remocao|ablation|exerese|rimozione|extirpacion"
        r"|resseccao|reseccion) (?:quirurgica|cirurgica|chirurgicale|chirurgica)"
        r"|chirurgische entfernung",
        "surgical removal",
    ),
    (
        r"profilaxis antitetanica|profilaxia antitetanica|prophylaxie antitetanique"
        r"|profilassi antitetanica|tetanusprophylaxe",
        "tetanus prophylaxis",
    ),
    (
        r"(?:antibioticos?|antibioterapia|antibioticoterapia) sistemic[ao]s?"
        r"|antibiotiques? systemiques?|antibiotici sistemici|systemische antibiose",
        "systemic antibiotics",
    ),
    (
        r"tratamiento topico|tratamento topico|traitement (?:local|topique)"
        r"|trattamento topico|topische (?:behandlung|therapie)",
        "topical treatment",
    ),
    (r"apositos?|curativos?|pansements?|verbande?|medicazion\w*", "dressings"),
    (
        r"cirugia|intervencion quirurgica|cirurgia|chirurgie|operation|intervento chirurgico",
        "surgery",
    ),
)
"""Treatment names of these languages -> the English name the draft gives."""
