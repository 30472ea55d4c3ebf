"""The words a case report in Japanese needs read (the counterpart of :mod:`.foreign_words`).

Written from standard Japanese medical usage (case report phrasing: "症例は23歳、女性";
"入院", "死亡" for the ICH E2A criteria), for the text folded one character for one
(:func:`dermavigil.terminology.translation_match.unspaced_fold`: full-width digits and
letters to ASCII). Japanese has no spaces: the patterns have no word boundaries. Negation
follows what it denies ("発熱は認めなかった", "発熱なし", "異常を認めず"), as do the
verbs of the case. English names are what the draft gives (``docs/annotation.md``).
"""

from __future__ import annotations

import re

from dermavigil.domain.vocab import Outcome, SeriousnessCriterion, Sex

CASE = re.compile(
    r"症例|患者|\d+\s*歳|女性|男性|女児|男児|当科|当院|受診|来院|入院|を認めた|が出現|報告する"
    r"|経験した|主訴"
)
"""A sentence about this patient: the patient's nouns, the case's verbs."""
GENERAL = re.compile(
    r"目的\s*[:：]|方法\s*[:：]|結論\s*[:：]|考察\s*[:：]|背景\s*[:：]|キーワード|とは"
    r"|一般に|まれな合併症|べきである|必要がある|注意が必要|鑑別診断|重要である"
)
"""A sentence about the condition in general, a recommendation, a differential diagnosis or
a section of the article other than the case."""
NEGATION: dict[str, re.Pattern[str]] = {
    "ja": re.compile(r"明らかな(?=[^,、。]{0,12}(?:なし|なく))")
}
"""A cue before what it denies ("明らかな発熱なし": the denial follows)."""
NEGATION_AFTER = re.compile(
    r"^[はもを]?(?:認め(?:ず|ない|なかった)|みられ(?:ず|ない|なかった)|見られ(?:ず|ない|なかった)"
    r"|なし|無し|なく|ない|なかった|陰性|否定)"
)
"""A denial right after its sign (and its particle): "発熱は認めなかった", "発熱なし"."""
CLAUSE_END = re.compile(r"[,，、;；。:：]|が、|しかし")
SEX = (
    (Sex.female, re.compile(r"女性|女児|女子|婦人")),
    (Sex.male, re.compile(r"男性|男児|男子")),
)
AGE = re.compile(r"(?P<n>\d{1,3})\s*(?P<unit>歳|か月|ヵ月|ヶ月|カ月)(?!間|後)")
"""An age: "23歳", "7か月" (not a duration, "3か月間", "2か月後")."""
HISTORY = re.compile(r"既往|基礎疾患|の既往|合併|以前より|以前から|もともと|元来")
"""Before a condition the patient had already (a history: "以前より糖尿病があり", diabetes
since before), not a reaction."""
HISTORY_AFTER = re.compile(r"(?:の)?(?:患者|患児)|(?:で|にて)?(?:加療中|治療中|通院中)")
"""Right after a condition the patient had already: "糖尿病患者" (a diabetic patient, the
noun the condition qualifies), "糖尿病で加療中" (under treatment for it)."""
AGE_UNITS = {"か月": "month", "ヵ月": "month", "ヶ月": "month", "カ月": "month"}
OUTCOMES = (
    (Outcome.fatal, re.compile(r"死亡|永眠|逝去")),
    (
        # "線状に瘢痕治癒した", "結節は縮小,瘢痕化した": healed into a scar; "切断する": amputated
        Outcome.recovered_with_sequelae,
        re.compile(r"後遺症|瘢痕を残|瘢痕が残|瘢痕(?:治癒|化)|切断(?:術|し|する|した|され|に至)"),
    ),
    (
        Outcome.not_recovered,
        re.compile(
            r"改善(?:せず|しなかった|を認めず|なし)|残存|持続している"
            # "視力回復は得られなかった": a recovery denied after it
            r"|(?:回復|改善|軽快)[はがも]?(?:得られ(?:ず|なかった)|みられ(?:ず|なかった)"
            r"|認め(?:ず|なかった)|せず|しなかった|なし)"
        ),
    ),
    (
        Outcome.recovered,
        re.compile(
            r"治癒|完治|消退|消褪|上皮化|回復|(?:症状|皮疹|病変|紅斑|結節|腫脹|腫瘤|硬結|疼痛|潰瘍|発赤|浮腫)"
            r"[はがもの]?[^、。]{0,6}消失"
        ),
    ),
    (Outcome.recovering, re.compile(r"軽快|改善|縮小|軽減")),
)
"""The last status the case sentences state."""
ADMITTED_SINCE = re.compile(r"入院中$")
SERIOUS = (
    (SeriousnessCriterion.death, OUTCOMES[0][1]),
    (SeriousnessCriterion.hospitalisation, re.compile(r"入院|集中治療室|ICU|icu")),
)
_REACTIONS: tuple[tuple[str, str], ...] = (
    (r"ニコラウ症候群|ニコラ症候群", "Nicolau syndrome"),
    (r"ボツリヌス中毒|ボツリヌス症", "botulism"),
    (r"皮膚壊死", "skin necrosis"),
    (r"壊死", "necrosis"),
    (r"膿瘍", "abscess"),
    (r"蜂窩織炎|蜂巣炎", "cellulitis"),
    (r"肉芽腫", "granuloma"),
    (r"結節|しこり", "nodules"),
    (r"腫脹|腫れ", "swelling"),
    (r"失明", "blindness"),
    (r"眼動脈(?:閉塞|塞栓)(?:症)?", "ophthalmic artery occlusion"),
    (r"網膜中心動脈(?:閉塞|塞栓)(?:症)?", "central retinal artery occlusion"),
    (r"(?:血管|動脈)(?:閉塞|塞栓)(?:症)?|血流障害", "vascular occlusion"),
    (r"皮膚虚血|虚血", "skin ischemia"),
    (r"視力低下", "reduced visual acuity"),
    (r"圧痛", "tenderness"),
    (r"めまい|眩暈", "dizziness"),
    (r"霧視|かすみ目", "blurred vision"),
    (r"倦怠感|脱力", "fatigue"),
    (r"眼瞼下垂", "ptosis"),
    (r"紅斑", "erythema"),
    (r"疼痛|痛み", "pain"),
    (r"掻痒|そう痒|かゆみ", "pruritus"),
    (r"発赤", "erythema"),
    (r"潰瘍", "ulcer"),
    (r"蕁麻疹|じんましん", "urticaria"),
    (r"アナフィラキシーショック", "anaphylactic shock"),
    (r"アナフィラキシー", "anaphylaxis"),
    (r"網状皮斑|リベド", "livedo reticularis"),
)
REACTIONS = tuple((re.compile(p), english) for p, english in _REACTIONS)
"""Reactions the HPO's Japanese labels word otherwise, and the diagnoses of this domain."""
BIOPSY = re.compile(r"生検|病理組織|組織学的|病理")
NUMBERS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
NUMBERS |= {"十": 10, "数": 1}
TIME_UNITS = {
    "分": "minute", "時間": "hour", "日": "day", "週間": "week", "週": "week",
    "か月": "month", "ヵ月": "month", "ヶ月": "month", "カ月": "month",
}  # fmt: skip
_N = rf"(?P<n>\d+(?:\.\d+)?|[{''.join(NUMBERS)}])"
_UNIT = rf"(?P<unit>{'|'.join(sorted(TIME_UNITS, key=len, reverse=True))})"
_GIVEN = r"(?:注射|局注|投与|施術|接種|治療|注入)"
ONSETS = (
    re.compile(rf"{_GIVEN}(?:の|から|後)\s*(?:約)?{_N}\s*{_UNIT}(?:後|目)?"),
    re.compile(rf"{_GIVEN}\s*(?:約)?{_N}\s*{_UNIT}後"),
    re.compile(rf"{_GIVEN}(?:の|後)?(?P<n>翌)(?P<unit>日)"),
    re.compile(rf"潜伏期間?[^、。\d]{{0,8}}{_N}\s*{_UNIT}"),
)
"""A latency from the injection: "注射後3日目に", "注射の2週間後", "投与から数時間後",
"接種1か月後より", and the next day ("局注翌日から", "最終接種の翌日から": 1 day)."""
NUMBERS |= {"翌": 1}
_SITES = (
    ("forehead", r"前額|額部|おでこ"),
    ("glabella", r"眉間"),
    ("eyelid", r"眼瞼"),
    ("nasolabial fold", r"鼻唇溝|ほうれい線"),
    ("lip", r"口唇|口唇部"),
    ("cheek", r"頬部|頬"),
    ("nose", r"鼻部|鼻根|鼻背|鼻尖|鼻翼"),
    ("chin", r"下顎|オトガイ|顎部"),
    ("face", r"顔面|顔"),
    ("neck", r"頸部|頚部"),
    ("upper arm", r"三角筋|上腕"),
    ("buttock", r"臀部|殿部"),
    ("thigh", r"大腿"),
    ("abdomen", r"腹部"),
)
SITES_FOUND = tuple((name, re.compile(p)) for name, p in _SITES)
"""Body sites -> the shipped vocabulary's names (``body_sites.tsv``)."""
TREATED = re.compile(
    r"投与|治療|加療|施行|使用|処置|内服|外用|注射|注入|点滴|開始|療法|切除|切断|デブリードマン"
)
"""A sentence that tells a treatment given ("を注入した", "を開始した", "高圧酸素療法")."""
TREATMENTS: tuple[tuple[str, str], ...] = (
    (r"ヒアルロニダーゼ|ヒアルロン酸分解酵素", "hyaluronidase"),
    (r"温罨法", "warm compresses"),
    (r"冷罨法|クーリング", "cold compresses"),
    (r"マッサージ", "massage"),
    (r"ニトログリセリン", "nitroglycerin"),
    (r"ステロイド|副腎皮質ステロイド", "corticosteroids"),
    (r"プレドニゾロン", "prednisolone"),
    (r"デキサメタゾン", "dexamethasone"),
    (r"メチルプレドニゾロン", "methylprednisolone"),
    (r"抗菌外用薬", "topical antibacterial"),
    (r"外用療法", "topical therapy"),
    (r"抗菌薬|抗生剤|抗生物質", "antibiotics"),
    (r"イソニアジド", "isoniazid"),
    (r"リファンピシン", "rifampicin"),
    (r"抗ヒスタミン薬", "antihistamines"),
    (r"抗毒素", "botulinum antitoxin"),
    (r"高気圧酸素", "hyperbaric oxygen therapy"),
    (r"デブリードマン", "debridement"),
    (r"切開排膿|切開ドレナージ", "surgical drainage"),
    (r"ドレナージ|排膿", "drainage"),
    (r"植皮", "skin graft"),
    (r"切除", "excision"),
    (r"切断", "amputation"),
    (r"アスピリン", "aspirin"),
)
"""Treatment names -> the English name the draft gives."""
WRONG = re.compile(r"誤(?:って|った|注入|注射|投与|穿刺)|誤り|漏出|漏れ")
"""A mistake told of the giving ("誤って", by mistake; "誤注入", an injection into the wrong
place) or a leak out of the vessel or muscle ("血管外漏出", extravasation; "皮下への薬液漏れ"):
the product was not given by the route it is made for (docs/annotation.md)."""
ROUTES = (
    ("intramuscular", re.compile(r"筋注|筋肉(?:内)?(?:注射|投与|注入|接種)")),
    ("subcutaneous", re.compile(r"皮下(?:注射|注入|投与|接種|注)|皮下に(?:注射|注入|投与)")),
    ("intradermal", re.compile(r"皮内(?:注射|注入|投与|接種|注)|皮内に(?:注射|注入)")),
    (
        "intravenous",
        re.compile(
            r"静注|静脈(?:内|から)?(?:注射|投与|注入)|静脈(?:内|から)[^。,、]{0,12}?(?:注射|投与|注入)"
        ),
    ),
)
"""Route words near the product given ("筋注", "皮下注射", "皮内接種", "静注"); "局注" (a
local injection) names no route (docs/annotation.md)."""
