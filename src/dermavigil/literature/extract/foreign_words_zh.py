"""The words a case report in Chinese needs read (the counterpart of :mod:`.foreign_words`).

Written from standard Chinese medical usage (case report phrasing: "患者，女，23岁"; ICH
E2A criteria as Chinese pharmacovigilance words them: "住院", "死亡"), in simplified
characters: the text is folded to simplified characters first, one for one
(:func:`dermavigil.terminology.translation_match.unspaced_fold`), so one pattern covers a
report from Taiwan or Hong Kong too. Chinese has no spaces: the patterns have no word
boundaries, and a single character is only a word when punctuation or a digit stands
beside it ("女，20岁"). Negation cues stand before what they deny ("未见", "无", "否认");
"消失" after a sign is its resolution, not its absence. English names are what the draft
gives (``docs/annotation.md``).
"""

from __future__ import annotations

import re

from dermavigil.domain.vocab import Outcome, SeriousnessCriterion, Sex

_P = r"[,，、;；:：\s(（]"
"""Punctuation or a space: the side of a one-character word ("女，20岁")."""
CASE = re.compile(r"患者|病例|本例|该例|\d+\s*例|\d+\s*岁|女性|男性|主诉|就诊|入院|收治|个案")
"""A sentence about this patient: the patient's nouns, the case's verbs."""
GENERAL = re.compile(
    r"目的\s*[:：]|方法\s*[:：]|结论\s*[:：]|讨论\s*[:：]|背景\s*[:：]|关键词|是一种|是指"
    r"|常见于|罕见的?并发症|时应|应当|应该|应严格|应注意|应警惕|应重视|建议|鉴别诊断"
    r"|[Pp]\s*[<＜=>]|[Pp]均|发生率|显著差异|相关因素|比例"
)
"""A sentence about the condition in general, a recommendation, a differential diagnosis, a
section of the article other than the case, or a study's comparison of groups (a P value, a
rate, a proportion)."""
NEGATION = {
    "zh": re.compile(r"未见|未发现|未出现|未触及|未闻及|无(?!力|明显诱因|诱因)|否认|排除|不伴|没有")
}
"""NegEx-style cues (Chapman et al. 2001) standing before what they deny; "无" but not in
"无力" (weakness) or "无明显诱因" (with no evident cause: the sign that follows is there)."""
NEGATION_AFTER = re.compile(r"^(?:[^,，;；。]{0,2})(?:阴性)")
"""A denial after its sign ("结核菌素试验阴性")."""
CLAUSE_END = re.compile(r"[,，;；。:：]|但|然而")
_NOT_COUNT = r"(?![,，、]?\s*\d+\s*(?:例|名|人))"
SEX = (
    (
        Sex.female,
        re.compile(rf"(?:女性|女孩|女童|女婴|妇女|女患者|(?:^|{_P})女(?={_P}|\d)){_NOT_COUNT}"),
    ),
    (Sex.male, re.compile(rf"(?:男性|男孩|男童|男婴|男患者|(?:^|{_P})男(?={_P}|\d)){_NOT_COUNT}")),
)
"""A gendered noun, not a group's count ("男性177例")."""
AGE = re.compile(
    r"(?<![~～\-至\d.])(?<![~～\-至]\s)(?<!平均年龄)(?<!中位年龄)(?<!年龄为)(?P<n>\d{1,3})\s*"
    r"(?P<unit>岁|个月大|月龄)(?!年龄段|组|以[上下])"
)
"""An age: "23岁", "7个月大"; not a bound of a range or a group ("30 ~ 39岁年龄段"), nor a
mean or median age ("中位年龄为10岁")."""
HISTORY = re.compile(r"患有|既往|合并|伴有[^,，;；。]{0,10}病史|诊断为[^,，;；。]{0,12}且")
"""Before a condition the patient had already (the indication, a history), not a reaction."""
AGE_UNITS = {"个月大": "month", "月龄": "month"}
_SIGN = r"(?:症状|皮疹|病灶|病变|损害|红斑|结节|肿块|肿胀|水肿|疼痛|溃疡|坏死)"
OUTCOMES = (
    (Outcome.fatal, re.compile(r"死亡|病故|不治身亡")),
    (Outcome.recovered_with_sequelae, re.compile(r"后遗症|留下[^,，;；。]{0,6}瘢痕|遗留")),
    (Outcome.not_recovered, re.compile(r"无改善|未见改善|未改善|无好转|未好转|仍无")),
    (
        Outcome.recovered,
        re.compile(rf"痊愈|治愈|{_SIGN}[^,，;；。]{{0,4}}消失|消退|恢复正常|完全恢复|听力恢复"),
    ),
    (Outcome.recovering, re.compile(r"好转|改善|缓解|减轻")),
)
"""The last status the case sentences state."""
ADMITTED_SINCE = re.compile(r"住院期间$")
SERIOUS = (
    (SeriousnessCriterion.death, OUTCOMES[0][1]),
    (SeriousnessCriterion.hospitalisation, re.compile(r"住院|入院|收治|重症监护|ICU|icu")),
)
_REACTIONS: tuple[tuple[str, str], ...] = (
    (r"尼古拉斯?综合征|尼古拉综合征", "Nicolau syndrome"),
    (r"肉毒(?:毒素|杆菌)?中毒|肉毒中毒", "botulism"),
    (r"皮肤坏死", "skin necrosis"),
    (r"坏死", "necrosis"),
    (r"脓肿", "abscess"),
    (r"蜂窝织炎", "cellulitis"),
    (r"肉芽肿", "granuloma"),
    (r"结节", "nodules"),
    (r"肿胀", "swelling"),
    (r"失明", "blindness"),
    (r"视网膜中央动脉(?:阻塞|闭塞|栓塞)", "central retinal artery occlusion"),
    (r"眼动脉(?:阻塞|闭塞|栓塞)", "ophthalmic artery occlusion"),
    (r"脑梗死|脑梗塞|脑栓塞", "cerebral infarction"),
    (r"偏瘫|半身无力|偏身无力", "hemiparesis"),
    (r"视盘水肿|视乳头水肿", "papilledema"),
    (r"(?:血管|动脉)(?:栓塞|阻塞|闭塞)", "vascular occlusion"),
    (r"视力(?:下降|减退)", "reduced visual acuity"),
    (r"压痛|触痛", "tenderness"),
    (r"剧痛|胀痛|刺痛|灼痛|痛感", "pain"),
    (r"头晕", "dizziness"),
    (r"视物模糊|视力模糊", "blurred vision"),
    (r"乏力", "fatigue"),
    (r"眼睑下垂|上睑下垂", "ptosis"),
    (r"黑矇|黑蒙", "blindness"),
    (r"苍白", "pallor"),
    (r"瘀青|淤青|瘀斑", "ecchymosis"),
    (r"听力[^,，;；。]{0,3}(?:下降|减退)", "hearing loss"),
    (r"外耳道炎", "otitis externa"),
    (r"过敏性休克", "anaphylactic shock"),
    (r"荨麻疹", "urticaria"),
    (r"网状青斑", "livedo reticularis"),
)
REACTIONS = tuple((re.compile(p), english) for p, english in _REACTIONS)
"""Reactions the HPO's Chinese labels word otherwise, and the diagnoses of this domain."""
BIOPSY = re.compile(r"活检|活组织检查|病理|组织学")
NUMBERS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8}
NUMBERS |= {"九": 9, "十": 10, "数": 1}
TIME_UNITS = {
    "分钟": "minute", "min": "minute", "小时": "hour", "h": "hour", "天": "day", "d": "day",
    "日": "day", "周": "week", "星期": "week", "个月": "month", "月": "month",
}  # fmt: skip
_N = rf"(?P<n>\d+(?:\.\d+)?|[{''.join(NUMBERS)}])"
_UNIT = rf"(?P<unit>{'|'.join(sorted(TIME_UNITS, key=len, reverse=True))})"
ONSETS = (
    re.compile(
        rf"(?:注射|术|治疗|接种|给药|操作)(?:后|结束后)[,，]?(?:约|第)?\s*{_N}\s*(?:余|多)?"
        rf"(?:[~～\-至]\s*\d+\s*)?{_UNIT}"
    ),
    re.compile(
        rf"{_N}\s*(?:[~～\-至]\s*\d+\s*)?{_UNIT}后(?:[^,，;；。]{{0,6}})(?:出现|发现|发生|感到|诉)"
    ),
    re.compile(rf"潜伏期[^,，;；。\d]{{0,8}}{_N}\s*(?:[~～\-至]\s*\d+\s*)?{_UNIT}"),
)
"""A latency from the injection: "术后12 h出现", "注射后2~3 d", "3天后出现", "潜伏期主要
分布在3 ~ 6 d" (the latency period; a range gives its lower bound), "接种后10余天" (more than
ten days: ten), "接种疫苗后,第2天" (on the second day)."""
_SITES = (
    ("forehead", r"前额|额头|额部"),
    ("glabella", r"眉间"),
    ("eyelid", r"眼睑"),
    ("nasolabial fold", r"鼻唇沟"),
    ("lip", r"嘴唇|口唇|唇部"),
    ("cheek", r"面颊|脸颊|颊部"),
    ("nose", r"鼻部|鼻根|鼻翼|鼻尖|鼻背|鼻梁"),
    ("chin", r"下颏|下巴|颏部"),
    ("face", r"面部|颜面|脸部"),
    ("neck", r"颈部"),
    ("upper arm", r"三角肌|上臂"),
    ("buttock", r"臀部|臀肌"),
    ("thigh", r"大腿"),
    ("abdomen", r"腹部"),
)
SITES_FOUND = tuple((name, re.compile(p)) for name, p in _SITES)
"""Body sites -> the shipped vocabulary's names (``body_sites.tsv``)."""
TREATED = re.compile(r"治疗|给予|予以|予|使用|应用|注射|口服|静滴|静点|静脉|处理|冲洗|手术|清创")
"""A sentence that tells a treatment given."""
TREATMENTS: tuple[tuple[str, str], ...] = (
    (r"透明质酸酶|透明质酸溶解酶", "hyaluronidase"),
    (r"热敷", "warm compresses"),
    (r"冷敷", "cold compresses"),
    (r"按摩", "massage"),
    (r"硝酸甘油", "nitroglycerin"),
    (r"(?:糖)?皮质(?:类固醇)?激素|激素治疗", "corticosteroids"),
    (r"地塞米松", "dexamethasone"),
    (r"甲泼尼龙|甲基强的松龙", "methylprednisolone"),
    (r"泼尼松", "prednisone"),
    (r"抗生素|抗菌药", "antibiotics"),
    (r"维生素c|维生素C", "vitamin C"),
    (r"复方甘草酸(?:苷|单铵)?", "compound glycyrrhizin"),
    (r"甘草酸(?:苷|单铵)?", "glycyrrhizin"),
    (r"异丙嗪", "promethazine"),
    (r"氯雷他定", "loratadine"),
    (r"抗组胺药", "antihistamines"),
    (r"肉毒抗毒素|抗毒素", "botulinum antitoxin"),
    (r"高压氧", "hyperbaric oxygen therapy"),
    (r"吸氧", "oxygen"),
    (r"清创", "debridement"),
    (r"切开引流|手术引流", "surgical drainage"),
    (r"引流", "drainage"),
    (r"植皮", "skin graft"),
    (r"手术切除|切除", "excision"),
    (r"阿司匹林", "aspirin"),
    (r"低分子肝素", "low molecular weight heparin"),
    (r"前列地尔", "alprostadil"),
)
"""Treatment names -> the English name the draft gives."""
WRONG = re.compile(r"误(?:注|入|将|打|穿)|錯誤注射|错误注射|外渗|渗漏|漏出")
"""A mistake told of the giving ("误注射", "误入血管", "误将") or a leak out of the vessel
("药物外渗", extravasation): the product was not given by the route it is made for
(docs/annotation.md)."""
ROUTES = (
    ("intramuscular", re.compile(r"肌注|肌(?:肉|内)注射|肌肉内注射")),
    ("subcutaneous", re.compile(r"皮下注射|皮下注")),
    ("intradermal", re.compile(r"皮内注射|皮内接种|皮内注")),
    ("intravenous", re.compile(r"静注|静脉(?:注射|滴注|给药|推注)|静滴")),
)
"""Route words near the product given ("肌注", "皮下注射", "皮内接种", "静脉滴注")."""
