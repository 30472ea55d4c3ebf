"""Route approval class read on the tune rounds (r-w, a), pinned on a text we wrote
(docs/annotation.md, ``approved``: false when the text says the product went into the wrong
plane, too superficial or too deep, as for an implant "inserted too deeply"). A thread's
"superficial implantation" is the wrong plane, as its "deep insertion" is; a superficial
implantation only named as a possible cause in general stays no statement about the case."""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.realscore import draft_view


def _approval(text: str) -> bool | None:
    return draft_view(extract_draft(text))["route_approval"]


def test_a_superficial_implantation_of_this_patient_is_the_wrong_plane() -> None:
    assert (
        _approval(
            "Visible threads after a thread lift\nWe present the case of a 52-year-old woman "
            "with puckering, bruising and palpable threads after superficial implantation of "
            "polydioxanone threads in both cheeks. The threads were removed under local "
            "anaesthesia."
        )
        is False
    )


def test_a_superficial_implantation_named_as_a_possible_cause_is_no_statement() -> None:
    assert (
        _approval(
            "Visible threads after a thread lift\nPuckering may follow superficial "
            "implantation of threads. A 52-year-old woman developed puckering, bruising and "
            "palpable threads in both cheeks after a polydioxanone thread lift. The threads "
            "were removed under local anaesthesia."
        )
        is None
    )
