"""Outcome class read on the tune rounds (r-w, a), pinned on texts we wrote
(docs/annotation.md, ``outcome``: a recovery stated with a lasting change left is
``recovered_with_sequelae``; a loss of function still present is the reaction persisting). A
recovery contrasted with a lasting change said to be irreversible or permanent ("resolved,
while the atrophy was irreversible") is a recovery with sequelae; contrasted with a palsy said
to be permanent, it stays not recovered."""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft


def _outcomes(text: str) -> set[str | None]:
    return {r.get("outcome") for r in extract_draft(text).case["reactions"]}


_INSULIN = (
    "Lipoatrophy after insulin\nA 60-year-old woman developed painful red plaques and "
    "lipoatrophy at the injection sites of her insulin. After her injection technique was "
    "corrected, the pain and redness resolved, "
)


def test_a_recovery_while_a_lasting_change_is_irreversible_has_sequelae() -> None:
    assert _outcomes(_INSULIN + "while the disfiguring lipoatrophy was irreversible.") == {
        "recovered_with_sequelae"
    }
    assert _outcomes(_INSULIN + "whereas the scarring remained permanent.") == {
        "recovered_with_sequelae"
    }


def test_a_loss_of_function_said_permanent_is_not_a_sequela() -> None:
    assert _outcomes(
        "Palsy after botulinum toxin\nA 60-year-old woman developed ptosis and facial palsy "
        "after a botulinum toxin injection. The ptosis resolved, while the facial palsy was "
        "permanent."
    ) == {"not_recovered"}
