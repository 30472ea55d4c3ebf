"""HL7 FHIR R5 and R4 Bundles of AdverseEvent resources, in and out.

:mod:`.bundle` is the entry (export and import, validation by the
``fhir.resources`` models); :mod:`.build` makes the R5 resources of a case,
:mod:`.r4` adapts them to R4, :mod:`.read` reads a Bundle back,
:mod:`.causality` adds and reads ``suspectEntity.causality``; FHIR code
systems are in :mod:`.codes`.
"""
