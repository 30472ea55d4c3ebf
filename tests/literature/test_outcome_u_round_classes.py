"""Outcome classes read on the u0xx round, pinned on sentences we wrote (docs/annotation.md,
``outcome``: the last stated status; sequelae of this patient make it
``recovered_with_sequelae``): a sequela said to persist after the reaction resolved; an
improvement told complete in another language ("mejoría completa") is a recovery; a
recovery denied after it in Japanese ("回復は得られなかった") is none."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft


def _outcomes(text: str) -> set[str]:
    return {r["outcome"] for r in extract_draft(text).case["reactions"] if r.get("outcome")}


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        (
            "Panniculitis after hormone injections\nA 29-year-old woman developed tender "
            "nodules on the abdomen after weekly subcutaneous hormone injections. Oral "
            "prednisolone resolved the nodules, but hyperpigmentation persisted.",
            "recovered_with_sequelae",
        ),
        (
            "Granuloma por silicona\nUna mujer de 60 años consultó por nódulos en los labios "
            "tras una infiltración de silicona. Fue tratada con inyecciones intralesionales de "
            "triamcinolona, con mejoría completa tras la tercera sesión.",
            "recovered",
        ),
        (
            "ヒアルロン酸注射後の眼動脈閉塞\n症例:30歳,女性.鼻背にヒアルロン酸を注射した直後より"
            "右眼の失明を訴えた.眼球マッサージを行ったが,視力回復は得られなかった.",
            "not_recovered",
        ),
    ],
)
def test_u_round_outcome_classes(text: str, outcome: str) -> None:
    assert _outcomes(text) == {outcome}
