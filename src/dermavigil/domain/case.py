"""The individual case safety report (ICSR) as dermavigil holds it.

One :class:`Case` is one patient's report: who reported it, the patient, the
products (suspect and others), the reactions, the objective findings, the
treatments given and the narrative. The model is rich enough for the seed case
(an exosome product labelled for topical use, injected intradermally, with a
positive rechallenge on the upper arm) and for ordinary FAERS, VAERS and
E2B(R3) cases. Field names follow E2B(R3) where it has one (element numbers
in the field descriptions).

Validation is strict (unknown fields are refused) so that a typo never loses
a fact silently; facts the model cannot hold travel in ``unmapped``,
verbatim. Cross-field rules (the E2B minimum criteria, onset not before
exposure, end not before start) live in :mod:`dermavigil.domain.rules`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from dermavigil.domain.dates import Duration, PartialDate
from dermavigil.domain.routes import Route
from dermavigil.domain.vocab import (
    ActionTaken,
    AdditionalInformation,
    AgeGroup,
    DechallengeResult,
    FindingKind,
    Formulation,
    Outcome,
    ProductCategory,
    ProductRole,
    RechallengeResult,
    RegionalRole,
    ReporterQualification,
    ReportSource,
    SeriousnessCriterion,
    Sex,
    VerbatimSource,
)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class CodedTerm(_Model):
    """A code given to a verbatim phrase by a terminology (e.g. HPO)."""

    system: str = Field(description="terminology, e.g. 'HPO 2025-01-16'")
    code: str
    label: str
    matched_text: str | None = None
    score: float | None = Field(default=None, ge=0, le=1)
    nearest_parent: bool = Field(
        default=False, description="the phrase has no exact term; this is its nearest parent"
    )


class LiteratureReference(_Model):
    """E2B C.4.r: the publication a literature case comes from."""

    citation: str
    title: str | None = None
    journal: str | None = None
    year: int | None = Field(default=None, ge=1800, le=2100)
    authors: list[str] = Field(default_factory=list)
    doi: str | None = Field(default=None, pattern=r"^10\.\d{4,9}/\S+$")
    pmid: str | None = Field(default=None, pattern=r"^\d{1,9}$")


class Reporter(_Model):
    """E2B C.2.r primary source (no names are stored)."""

    qualification: ReporterQualification | None = None
    country: str | None = Field(
        default=None, pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2"
    )
    organisation: str | None = None


class ReportInfo(_Model):
    """Administrative facts of the report (E2B C.1-C.4)."""

    source: ReportSource
    source_id: str | None = Field(
        default=None,
        description="the source's own identifier (FAERS primaryid, VAERS_ID, ...; E2B C.1.8.1 "
        "worldwide unique case id, sent back unchanged)",
    )
    sender_report_id: str | None = Field(
        default=None, description="E2B C.1.1 of the report as received, when not C.1.8.1"
    )
    authority_number: str | None = Field(
        default=None,
        description="the regulatory authority's case number when the report came through one "
        "(E2B C.1.9.1.r.2, its source C.1.9.1.r.1 an authority; FAERS auth_num)",
    )
    reporter: Reporter | None = None
    received_date: PartialDate | None = None
    event_date: PartialDate | None = None
    literature: LiteratureReference | None = None
    expedited: bool | None = Field(
        default=None,
        description="E2B C.1.7 as received: fulfils the local criteria for an expedited report",
    )
    patients_in_report: int = Field(
        default=1, ge=1, description="more than 1 when the publication is a case series"
    )


class Age(_Model):
    """E2B D.2.2: age at onset, with its unit."""

    value: float = Field(ge=0, le=150)
    unit: str = Field(default="year", pattern=r"^(year|month|week|day|hour|decade)$")

    def years(self) -> float:
        """The age in years."""
        per_year = {"year": 1, "month": 12, "week": 52.1775, "day": 365.25, "hour": 8766}
        if self.unit == "decade":
            return self.value * 10
        return self.value / per_year[self.unit]


class Patient(_Model):
    """E2B D: the patient, never named (initials at most)."""

    initials: str | None = Field(default=None, pattern=r"^[A-Za-z][A-Za-z.\-]{0,9}$")
    birth_date: PartialDate | None = Field(default=None, description="E2B D.2.1")
    age: Age | None = None
    age_group: AgeGroup | None = None
    sex: Sex | None = None
    weight_kg: float | None = Field(default=None, gt=0, le=500)
    medical_history: list[str] = Field(default_factory=list)
    concurrent_conditions: list[str] = Field(default_factory=list)

    def identifiable(self) -> bool:
        """E2B minimum criterion: at least one of initials, age, age group, sex."""
        return any(
            [
                self.initials,
                self.age is not None,
                self.age_group is not None,
                self.sex not in (None, Sex.unknown),
            ]
        )


class Dose(_Model):
    """A dose as given (E2B G.k.4.r.1); verbatim text kept when no number is known."""

    value: float | None = Field(default=None, gt=0)
    unit: str | None = None
    verbatim: str | None = None


class Dechallenge(_Model):
    """Withdrawal of the product (or a specific antagonist) and what followed."""

    done: bool | None = None
    result: DechallengeResult | None = None
    description: str | None = None


class Rechallenge(_Model):
    """Re-administration of the product and what followed (E2B G.k.9.i.4)."""

    done: bool | None = None
    result: RechallengeResult | None = None
    site: str | None = Field(default=None, description="body site of the rechallenge")
    route: Route | None = None
    description: str | None = None

    @model_validator(mode="after")
    def _result_needs_done(self) -> Rechallenge:
        if self.done is False and self.result not in (None, RechallengeResult.unknown):
            raise ValueError("a rechallenge result is given but done is false")
        return self


class Product(_Model):
    """E2B G.k: one product the patient received."""

    name: str = Field(min_length=1, description="verbatim name as reported (G.k.2.2)")
    active_ingredient: str | None = None
    other_ingredients: list[str] = Field(
        default_factory=list,
        description="active ingredients beyond the first (E2B G.k.2.3.r repeats), in order",
    )
    manufacturer: str | None = None
    authorisation_number: str | None = Field(
        default=None, description="E2B G.k.3.1 authorisation / application number (e.g. NDA)"
    )
    authorisation_country: str | None = Field(
        default=None, pattern=r"^[A-Z]{2}$", description="E2B G.k.3.2 (ISO 3166-1)"
    )
    category: ProductCategory = ProductCategory.other
    formulation: Formulation | None = None
    labelled_use: str | None = Field(
        default=None, description="use the label states, verbatim (e.g. 'for topical use')"
    )
    approved_routes: list[Route] = Field(
        default_factory=list, description="routes the product is approved or labelled for"
    )
    route: Route | None = Field(default=None, description="route actually used")
    route_verbatim: str | None = None
    role: ProductRole = ProductRole.suspect
    regional_role: RegionalRole | None = Field(
        default=None,
        description="FDA.G.k.1.a other characterisation (similar device); kept beside G.k.1",
    )
    dose: Dose | None = None
    sessions: int | None = Field(default=None, ge=1, description="number of sessions")
    injections: str | None = Field(default=None, description="e.g. 'multiple'")
    lot: str | None = None
    indication: str | None = None
    body_sites: list[str] = Field(default_factory=list)
    start_date: PartialDate | None = None
    end_date: PartialDate | None = None
    action_taken: ActionTaken | None = None
    dechallenge: Dechallenge | None = None
    rechallenge: Rechallenge | None = None
    additional_information: list[AdditionalInformation] = Field(default_factory=list)


class Reaction(_Model):
    """E2B E.i: one reaction or event."""

    verbatim: str = Field(min_length=1, description="as reported (E.i.1.1a)")
    verbatim_source: VerbatimSource = Field(
        default=VerbatimSource.reported,
        description="'reported' (E.i.1.1a); 'translation' or 'code' when the source sent no "
        "E.i.1.1a and ``verbatim`` only repeats E.i.1.2 or names the code (not sent as E.i.1.1a)",
    )
    verbatim_language: str | None = Field(
        default=None, pattern=r"^[a-z]{3}$", description="E.i.1.1b, ISO 639-2"
    )
    translation: str | None = Field(
        default=None, description="E.i.1.2: as reported by the primary source, for translation"
    )
    country: str | None = Field(
        default=None, pattern=r"^[A-Z]{2}$", description="E.i.9 where it occurred (ISO 3166-1)"
    )
    highlighted: (
        Literal["highlighted", "not_highlighted", "highlighted_serious", "not_highlighted_serious"]
        | None
    ) = Field(
        default=None,
        description="E.i.3.1 as the reporter gave it: highlighted or not, and serious or not "
        "in the reporter's view",
    )
    codes: list[CodedTerm] = Field(default_factory=list)
    onset_date: PartialDate | None = None
    onset_latency: Duration | None = Field(
        default=None, description="time from first exposure to onset"
    )
    onset_text: str | None = Field(
        default=None, description="onset as worded, e.g. 'shortly after'"
    )
    body_sites: list[str] = Field(default_factory=list)
    evolution: str | None = None
    end_date: PartialDate | None = None
    duration: Duration | None = None
    outcome: Outcome | None = None
    sequelae: list[str] = Field(default_factory=list)
    seriousness: list[SeriousnessCriterion] = Field(default_factory=list)
    at_rechallenge: bool = Field(
        default=False, description="this reaction is the recurrence seen at rechallenge"
    )
    previous_reports: list[str] = Field(
        default_factory=list,
        description="citations of earlier conclusive reports of this reaction with the suspect "
        "product (Naranjo item 1)",
    )


class Finding(_Model):
    """An objective finding: histopathology, laboratory, imaging (E2B F.r)."""

    kind: FindingKind
    test: str | None = Field(default=None, description="e.g. 'skin biopsy'")
    result: str = Field(min_length=1)
    site: str | None = None
    date: PartialDate | None = None
    codes: list[CodedTerm] = Field(default_factory=list)


class Treatment(_Model):
    """A treatment given for the reaction."""

    drug: str = Field(min_length=1)
    route: Route | None = None
    dose: Dose | None = None
    duration: Duration | None = None
    start_date: PartialDate | None = None
    end_date: PartialDate | None = None
    response: str | None = None


class ReportedCausality(_Model):
    """E2B G.k.9.i.2.r: a causality assessment as the report's sender gave it (the reporter's,
    the company's, a regulator's), kept beside dermavigil's own WHO-UMC and Naranjo."""

    product: int = Field(ge=0, description="index into products")
    reaction: int = Field(ge=0, description="index into reactions")
    source: str | None = Field(default=None, description="G.k.9.i.2.r.1 source of assessment")
    method: str | None = Field(default=None, description="G.k.9.i.2.r.2 method of assessment")
    result: str | None = Field(default=None, description="G.k.9.i.2.r.3 result of assessment")


class Case(_Model):
    """One individual case safety report."""

    case_id: str | None = Field(default=None, description="registry identifier, set on save")
    report: ReportInfo
    patient: Patient
    products: list[Product] = Field(min_length=1)
    reactions: list[Reaction] = Field(min_length=1)
    findings: list[Finding] = Field(default_factory=list)
    treatments: list[Treatment] = Field(default_factory=list)
    narrative: str | None = None
    alternative_causes: list[str] = Field(
        default_factory=list,
        description="diseases or products the reporter names as able to explain the reaction",
    )
    alternative_causes_excluded: bool | None = Field(
        default=None,
        description="the reporter states that other causes were considered and excluded",
    )
    reported_causality: list[ReportedCausality] = Field(
        default_factory=list, description="the sender's causality assessments (E2B G.k.9.i.2.r)"
    )
    sender_comments: str | None = Field(default=None, description="E2B H.4 sender's comments")
    unmapped: dict[str, str] = Field(
        default_factory=dict,
        description="facts from an imported document the model cannot hold, kept verbatim",
    )

    @field_validator("case_id")
    @classmethod
    def _case_id_shape(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError("case_id may not be blank")
        return value

    @model_validator(mode="after")
    def _causality_refers_to_the_case(self) -> Case:
        for i, judged in enumerate(self.reported_causality):
            if judged.product >= len(self.products) or judged.reaction >= len(self.reactions):
                raise ValueError(
                    f"reported_causality.{i} refers to product {judged.product} / reaction "
                    f"{judged.reaction}, which the case does not have"
                )
        return self

    @model_validator(mode="after")
    def _alternatives_consistent(self) -> Case:
        if self.alternative_causes and self.alternative_causes_excluded:
            raise ValueError(
                "alternative_causes are listed but alternative_causes_excluded is true"
            )
        return self

    def suspects(self) -> list[Product]:
        """Products whose role is suspect or interacting."""
        return [
            p for p in self.products if p.role in (ProductRole.suspect, ProductRole.interacting)
        ]
