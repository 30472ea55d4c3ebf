"""Field scores against an independent hand computation."""

from __future__ import annotations

from dermavigil.literature.scoring import ListScore, SingleScore, score


def test_micro_scores_and_accuracy() -> None:
    pairs = [
        ({"reaction_codes": ["A", "B", "C"], "sex": "male", "onset_days": 30.4},
         {"reaction_codes": ["A", "B", "D"], "sex": "male", "onset_days": 30}),
        ({"reaction_codes": ["E"], "sex": None, "onset_days": 10},
         {"reaction_codes": ["E", "F"], "sex": "female", "onset_days": 12}),
    ]  # fmt: skip
    scores = score(pairs)
    codes = scores["reaction_codes"]
    assert isinstance(codes, ListScore)
    # by hand: tp = 2 + 1, fp = 1 (C), fn = 1 (D) + 1 (F)
    assert (codes.tp, codes.fp, codes.fn) == (3, 1, 2)
    assert codes.precision == 0.75 and codes.recall == 0.6
    assert abs(codes.f1 - 2 * 0.75 * 0.6 / 1.35) < 1e-12
    sex = scores["sex"]
    assert isinstance(sex, SingleScore) and sex.accuracy == 0.5
    onset = scores["onset_days"]
    assert isinstance(onset, SingleScore) and onset.correct == 1  # 30.4 ~ 30; 10 != 12
    empty = scores["seriousness"]
    assert isinstance(empty, ListScore) and empty.precision is None and empty.f1 is None
