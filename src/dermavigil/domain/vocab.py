"""Controlled vocabularies of the case model.

Values are readable slugs (``"recovered_with_sequelae"``, ``"suspect"``) so
that JSON/YAML cases read well; each vocabulary that E2B(R3) codes carries its
official code in a table beside it (``OUTCOME_CODES``, ``ROLE_CODES`` ...),
used by the exchange adapters. Routes of administration are
:mod:`dermavigil.domain.routes`.

Sources: ICH E2B(R3) Implementation Guide and FDA's "E2B(R3) Core and
Regional Data Elements" sheet (C.1.3 report type, C.2.r.4 qualification,
D.2.3 age group, D.5 sex, E.i.3.2 seriousness, E.i.7 outcome, G.k.1 role,
G.k.8 action taken, G.k.9.i.4 rechallenge, G.k.10.r additional information).
"""

from __future__ import annotations

from enum import StrEnum


class ReportSource(StrEnum):
    """Where the report came from."""

    clinician = "clinician"
    consumer = "consumer"
    literature = "literature"
    public_database = "public_database"
    study = "study"
    other = "other"


REPORT_TYPE_CODES: dict[ReportSource, str] = {
    ReportSource.clinician: "1",
    ReportSource.consumer: "1",
    ReportSource.public_database: "1",
    ReportSource.study: "2",
    ReportSource.literature: "1",
    ReportSource.other: "3",
}
"""E2B C.1.3 type of report (1 spontaneous, 2 study, 3 other). A literature case
is sent as spontaneous: the ICH E2B(R3) guide asks literature reports to be typed
by their origin (spontaneous or study), the literature itself being told by C.4.r."""


class ReporterQualification(StrEnum):
    """E2B C.2.r.4."""

    physician = "physician"
    pharmacist = "pharmacist"
    other_health_professional = "other_health_professional"
    lawyer = "lawyer"
    consumer = "consumer"


QUALIFICATION_CODES: dict[ReporterQualification, str] = {
    ReporterQualification.physician: "1",
    ReporterQualification.pharmacist: "2",
    ReporterQualification.other_health_professional: "3",
    ReporterQualification.lawyer: "4",
    ReporterQualification.consumer: "5",
}


class Sex(StrEnum):
    """E2B D.5 (1 male, 2 female); unknown is a nullFlavor."""

    male = "male"
    female = "female"
    unknown = "unknown"


SEX_CODES: dict[Sex, str] = {Sex.male: "1", Sex.female: "2"}


class AgeGroup(StrEnum):
    """E2B D.2.3 patient age group, plus the literature's "middle-aged"."""

    foetus = "foetus"
    neonate = "neonate"
    infant = "infant"
    child = "child"
    adolescent = "adolescent"
    adult = "adult"
    middle_aged = "middle_aged"
    elderly = "elderly"


AGE_GROUP_CODES: dict[AgeGroup, str] = {
    AgeGroup.foetus: "0",
    AgeGroup.neonate: "1",
    AgeGroup.infant: "2",
    AgeGroup.child: "3",
    AgeGroup.adolescent: "4",
    AgeGroup.adult: "5",
    AgeGroup.middle_aged: "5",
    AgeGroup.elderly: "6",
}
"""E2B has no "middle-aged": it is sent as adult (5)."""


class ProductCategory(StrEnum):
    """The families of injected aesthetic and dermatologic products."""

    exosome = "exosome"
    ha_filler = "ha_filler"
    plla = "plla"
    caha = "caha"
    pmma = "pmma"
    skin_booster = "skin_booster"
    polynucleotide = "polynucleotide"
    botulinum_toxin = "botulinum_toxin"
    prp = "prp"
    mesotherapy = "mesotherapy"
    drug = "drug"
    vaccine = "vaccine"
    allergen_immunotherapy = "allergen_immunotherapy"
    other = "other"


CATEGORY_LABELS: dict[ProductCategory, str] = {
    ProductCategory.exosome: "Exosome",
    ProductCategory.ha_filler: "Hyaluronic acid filler",
    ProductCategory.plla: "Poly-L-lactic acid",
    ProductCategory.caha: "Calcium hydroxylapatite",
    ProductCategory.pmma: "Polymethylmethacrylate filler",
    ProductCategory.skin_booster: "Skin booster",
    ProductCategory.polynucleotide: "PDRN / polynucleotide",
    ProductCategory.botulinum_toxin: "Botulinum toxin",
    ProductCategory.prp: "Platelet-rich plasma",
    ProductCategory.mesotherapy: "Mesotherapy / lipolytic",
    ProductCategory.drug: "Drug",
    ProductCategory.vaccine: "Vaccine",
    ProductCategory.allergen_immunotherapy: "Allergen immunotherapy",
    ProductCategory.other: "Other",
}


class Formulation(StrEnum):
    """Pharmaceutical form of the product as supplied."""

    lyophilized_powder = "lyophilized_powder"
    powder = "powder"
    solution = "solution"
    suspension = "suspension"
    emulsion = "emulsion"
    gel = "gel"
    cream = "cream"
    serum = "serum"
    implant = "implant"
    other = "other"


class ProductRole(StrEnum):
    """E2B G.k.1 characterisation of the product's role."""

    suspect = "suspect"
    concomitant = "concomitant"
    interacting = "interacting"
    not_administered = "not_administered"


ROLE_CODES: dict[ProductRole, str] = {
    ProductRole.suspect: "1",
    ProductRole.concomitant: "2",
    ProductRole.interacting: "3",
    ProductRole.not_administered: "4",
}


class RegionalRole(StrEnum):
    """FDA.G.k.1.a "FDA other characterisation of drug role" (FDA regional, OID
    2.16.840.1.113883.3.989.5.1.2.1.1.8): 1 = similar device. Never a G.k.1 role."""

    similar_device = "similar_device"


class VerbatimSource(StrEnum):
    """Where a reaction's ``verbatim`` comes from (E2B E.i.1.1a when ``reported``)."""

    reported = "reported"
    translation = "translation"
    code = "code"


class ActionTaken(StrEnum):
    """E2B G.k.8 action taken with the product."""

    withdrawn = "withdrawn"
    dose_reduced = "dose_reduced"
    dose_increased = "dose_increased"
    dose_not_changed = "dose_not_changed"
    unknown = "unknown"
    not_applicable = "not_applicable"


ACTION_CODES: dict[ActionTaken, str] = {
    ActionTaken.withdrawn: "1",
    ActionTaken.dose_reduced: "2",
    ActionTaken.dose_increased: "3",
    ActionTaken.dose_not_changed: "4",
    ActionTaken.unknown: "0",
    ActionTaken.not_applicable: "9",
}


class DechallengeResult(StrEnum):
    """What happened when the product was stopped (or an antagonist given)."""

    improved = "improved"
    not_improved = "not_improved"
    unknown = "unknown"


class RechallengeResult(StrEnum):
    """E2B G.k.9.i.4: did the reaction recur on re-administration?"""

    recurred = "recurred"
    did_not_recur = "did_not_recur"
    unknown = "unknown"


RECHALLENGE_CODES: dict[RechallengeResult | None, str] = {
    RechallengeResult.recurred: "1",
    RechallengeResult.did_not_recur: "2",
    RechallengeResult.unknown: "3",
    None: "4",
}
"""Code 4 means no rechallenge was done."""


class Outcome(StrEnum):
    """E2B E.i.7 outcome of the reaction at the last observation."""

    recovered = "recovered"
    recovering = "recovering"
    not_recovered = "not_recovered"
    recovered_with_sequelae = "recovered_with_sequelae"
    fatal = "fatal"
    unknown = "unknown"


OUTCOME_CODES: dict[Outcome, str] = {
    Outcome.recovered: "1",
    Outcome.recovering: "2",
    Outcome.not_recovered: "3",
    Outcome.recovered_with_sequelae: "4",
    Outcome.fatal: "5",
    Outcome.unknown: "0",
}


class SeriousnessCriterion(StrEnum):
    """E2B E.i.3.2a-f seriousness criteria (ICH E2A)."""

    death = "death"
    life_threatening = "life_threatening"
    hospitalisation = "hospitalisation"
    disability = "disability"
    congenital_anomaly = "congenital_anomaly"
    medically_important = "medically_important"


class FindingKind(StrEnum):
    """Kinds of objective finding."""

    histopathology = "histopathology"
    laboratory = "laboratory"
    imaging = "imaging"
    clinical_sign = "clinical_sign"
    other = "other"


class AdditionalInformation(StrEnum):
    """E2B G.k.10.r additional information on the product (selected codes)."""

    counterfeit = "counterfeit"
    overdose = "overdose"
    expired = "expired"
    medication_error = "medication_error"
    misuse = "misuse"
    abuse = "abuse"
    occupational_exposure = "occupational_exposure"
    off_label_use = "off_label_use"


ADDITIONAL_INFO_CODES: dict[AdditionalInformation, str] = {
    AdditionalInformation.counterfeit: "1",
    AdditionalInformation.overdose: "2",
    AdditionalInformation.expired: "4",
    AdditionalInformation.medication_error: "7",
    AdditionalInformation.misuse: "8",
    AdditionalInformation.abuse: "9",
    AdditionalInformation.occupational_exposure: "10",
    AdditionalInformation.off_label_use: "11",
}
