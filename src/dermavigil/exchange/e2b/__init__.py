"""ICH E2B(R3) ICSR XML (HL7 v3), in and out.

Read a document: :mod:`.read` (safe parse, :mod:`.schema` validation, then
:mod:`.sections` C/D/E/F and :mod:`.drugs` G.k into case mappings, the rest
kept verbatim by :mod:`.unmapped`, causality and H.4 by :mod:`.causality`).
Write cases: :mod:`.write` (batch and message headers, C) with :mod:`.subject`
(D, E, F), :mod:`.drug_elements` (G) and :mod:`.causality`, on the element maker of
:mod:`.xml`.
Code lists and OIDs: :mod:`dermavigil.exchange.codes`. :mod:`.supplement`
is the included document carrying what E2B has no element for.
"""
