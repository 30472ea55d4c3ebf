"""Outcome and onset classes read on the v0xx round in other languages, pinned on sentences
we wrote (docs/annotation.md, ``outcome``: the last stated status; ``onset_days``: the latency
from the last exposure to the first sign): a decrease, an attenuation or a good response short
of an end is recovering; a lack of response to treatment is not recovered; symptoms that gave
way are recovered; a healing into a scar or an amputation leaves sequelae (Spanish, Portuguese,
Italian, French, Japanese); the next day and "N months after" in Japanese, "more than ten
days" in Chinese, the preposition before the interval in Portuguese and the sign's verb before
it in Italian give the onset."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.realscore import draft_view


def _view(text: str) -> dict:
    return draft_view(extract_draft(text))


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        (
            "Reacción local tras vacunación\nNiño de 5 años con una placa eritematosa y "
            "dolorosa en el deltoides izquierdo dos días después de la vacuna. Se pautó frío "
            "local. Evolución: disminución del dolor y del eritema a las 48 horas.",
            "recovering",
        ),
        (
            "Granuloma de tatuagem\nHomem de 40 anos com pápulas pruriginosas sobre o pigmento "
            "vermelho de uma tatuagem. Foi feito ciclo de corticoterapia tópica, sem resposta. "
            "Houve falta de resposta ao tratamento.",
            "not_recovered",
        ),
        (
            "Reacción a penicilina\nVarón de 30 años que tras la inyección intramuscular de "
            "penicilina presentó mareo y parestesias. Se administró diazepam, cediendo los "
            "síntomas en una hora.",
            "recovered",
        ),
        (
            "Ulcera dopo iniezione\nDonna di 50 anni con eritema e dolore alla coscia comparsi "
            "dopo un'iniezione sottocutanea di ozono. Dopo 4 settimane l'ulcera si chiude con "
            "cicatrice residua.",
            "recovered_with_sequelae",
        ),
        (
            "Faiblesse après toxine botulique\nUne femme de 45 ans a présenté un érythème et "
            "une douleur du visage après une injection de toxine botulique. Trois mois plus tard "
            "la patiente a récupéré son état antérieur.",
            "recovered",
        ),
        (
            "Absceso tras vacuna\nLactante de 3 meses con un absceso en el sitio de la vacuna "
            "BCG. Tuvo buena respuesta con tratamiento antibiótico.",
            "recovering",
        ),
        (
            "注射後の皮膚潰瘍\n60歳,女性.上腕に皮下注射を受けた部位に潰瘍を生じた.外用療法にて,"
            "3カ月後に瘢痕治癒した.",
            "recovered_with_sequelae",
        ),
        (
            "ヒアルロン酸注射後の紅斑\n50歳,女性.頬にヒアルロン酸を注射した部位に紅斑と潰瘍を"
            "生じた.外用療法にて潰瘍は縮小,瘢痕化した.",
            "recovered_with_sequelae",
        ),
        (
            "ヒアルロン酸注射後の紅斑\n50歳,女性.頬にヒアルロン酸を注射した部位に紅斑と結節を"
            "生じた.経過観察で結節は消褪した.",
            "recovered",
        ),
    ],
)
def test_v_round_foreign_outcomes(text: str, outcome: str) -> None:
    assert _view(text)["outcome"] == outcome


@pytest.mark.parametrize(
    ("text", "days"),
    [
        (
            "ボツリヌス毒素局注後の嚥下障害\n40歳女性.A型ボツリヌス毒素の局注翌日から嚥下障害が"
            "出現した.",
            1.0,
        ),
        (
            "ヒアルロン酸注射後の紅斑\n50歳,女性.頬にヒアルロン酸を注射した.注射2か月後より"
            "紅斑と結節を認めた.",
            60.875,
        ),
        (
            "接种疫苗后局部溃疡1例\n患者,男,6岁,于左上臂三角肌注射疫苗.接种后10余天,局部出现红色"
            "丘疹,伴瘙痒.",
            10.0,
        ),
        (
            "Reação a tatuagem\nHomem de 30 anos fez uma tatuagem vermelha no braço. Após 12 "
            "dias, relatou prurido e eritema sobre o pigmento vermelho.",
            12.0,
        ),
        (
            "Eritema dopo filler\nDonna di 30 anni trattata con acido ialuronico alle labbra, "
            "in seguito al quale si era sviluppato, circa 3 settimane dopo, un eritema con "
            "dolore nella sede di iniezione.",
            21.0,
        ),
    ],
)
def test_v_round_foreign_onsets(text: str, days: float) -> None:
    assert _view(text)["onset_days"] == pytest.approx(days, abs=0.01)
