"""The English participles that tell an exposure given to the patient.

:data:`GIVEN` is what follows "was" or "were" when a case report tells the suspect given
("she was given ...", "he was administered ...", "the patient was vaccinated"). Read by
:mod:`.exposure_order` (the exposure that orders a chronological narrative) and
:mod:`.seriousness_history` (the sentence that tells the suspect given); each adds the verbs
of its own use (a treatment "started on", "bridged with"; "received", "underwent").
"""

from __future__ import annotations

GIVEN = "given|administered|injected|prescribed|vaccinated|immuni[sz]ed"
"""A regex alternation (no group) of the participles, each a whole word where it is used."""
