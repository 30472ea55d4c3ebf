"""The SQL that makes the bench's records from sampled real ones: a record drawn again as
another patient (:func:`sampled_sql`) and the copies perturbed by the draws of
:mod:`dupbench.perturbations` (:func:`copies_sql`)."""

from __future__ import annotations

_TYPO = (
    "CASE WHEN {t} IS NULL OR length({t}) < 4 THEN {t} ELSE "
    "substr({t}, 1, {i}) || substr({t}, {i} + 2, 1) || substr({t}, {i} + 1, 1) || "
    "substr({t}, {i} + 3) END"
)
"""SQL: text ``t`` with the characters at 0-based ``i`` and ``i + 1`` swapped (``i`` drawn
in ``[1, len - 3]``), unchanged below 4 characters: a transposition, the commonest typo."""


def _typo_sql(text: str, u: str) -> str:
    at = f"(1 + CAST(floor({u} * greatest(length({text}) - 3, 1)) AS INTEGER))"
    return _TYPO.format(t=text, i=at)


def _age_text(age: str) -> str:
    return f"format('{{:g}} years', {age})"


def _birth_year(age: str, event: str, old_birth: str, old_age: str) -> str:
    """SQL: ``birth_year`` derived again the way the store derives it (the event's, else
    the report's, year minus the age): a perturbed or another patient's age or date moves
    it, a missing age removes it. (Before 2026-12-05 the copy kept the original's birth
    year whatever happened to its age, which flattered blocking on it.)"""
    return (
        f"CASE WHEN {age} IS NULL THEN NULL "
        f"WHEN {event} IS NOT NULL THEN year({event}) - CAST(trunc({age}) AS INTEGER) "
        f"WHEN {old_birth} IS NOT NULL AND {old_age} IS NOT NULL "
        f"THEN {old_birth} + CAST(trunc({old_age}) AS INTEGER) - CAST(trunc({age}) AS INTEGER) "
        "END"
    )


def sampled_sql() -> str:
    """SQL: the sampled records; a record drawn again is *another patient* with the same
    products and reactions: another age (+-30 years), sex and event date (+-400 days),
    and the region, lots and doses of another real report of the same first suspect
    product (lots circulate per product, so another patient given the same vaccine may
    well share its lot; a drug's usual dose is another patient's too), no authority's
    case number (an authority gives each case its own), and another number of that
    report's sender (its numbering scheme, other
    digits: a sender gives each case its own number, E2B(R3) C.1.8.1, so two patients
    never share one; the report's own number when that report is itself)."""
    age = "least(greatest(p.age_years + d.age_step, 0), 100)"
    new_age = f"CASE WHEN d.again AND p.age_years IS NOT NULL THEN {age} ELSE p.age_years END"
    day = "CASE WHEN d.again THEN p.event_low + CAST(d.day_step AS INTEGER) ELSE p.event_low END"
    mine = "(NOT d.again OR d.other = d.k)"
    # another number of that report's sender: its last run of digits (up to 9) moved by
    # 1 + i mod (10^len - 1), so the scheme stays and no two patients share a number
    run = "regexp_extract(o.report_number, '([0-9]{1,9})[^0-9]*$', 1)"
    span = f"CAST(pow(10, length({run})) AS BIGINT)"
    digits = (
        f"lpad(CAST((CAST({run} AS BIGINT) + 1 + d.i % ({span} - 1)) % {span} AS VARCHAR), "
        f"CAST(length({run}) AS INTEGER), '0')"
    )
    theirs = (
        f"CASE WHEN length({run}) > 0 THEN regexp_replace(o.report_number, "
        f"'([0-9]{{1,9}})([^0-9]*)$', {digits} || '\\2') END"
    )
    return f"""
        WITH s AS (
            SELECT d.*, p.* EXCLUDE (unique_id, age_years, event_low, sex, region, lots,
                                     report_number, number_scheme, authority_number,
                                     authority, doses),
                p.unique_id AS origin, p.age_years AS old_age, p.birth_year AS old_birth,
                {new_age} AS age_years, {day} AS event_low,
                CASE WHEN d.again AND p.sex IS NOT NULL THEN d.sex_draw ELSE p.sex END AS sex,
                CASE WHEN d.again THEN o.region ELSE p.region END AS region,
                CASE WHEN d.again THEN o.lots ELSE p.lots END AS lots,
                CASE WHEN d.again THEN o.doses ELSE p.doses END AS doses,
                CASE WHEN d.again THEN NULL ELSE p.authority_number END AS authority_number,
                CASE WHEN d.again THEN NULL ELSE p.authority END AS authority,
                CASE WHEN {mine} THEN
                    CASE WHEN d.again THEN NULL ELSE p.report_number END
                    ELSE {theirs} END AS report_number,
                CASE WHEN {mine} THEN
                    CASE WHEN d.again THEN NULL ELSE p.number_scheme END
                    WHEN {theirs} IS NOT NULL THEN o.number_scheme END AS number_scheme
            FROM draws d JOIN pool p ON p._row = d.k JOIN pool o ON o._row = d.other
        )
        SELECT printf('b%07d', i) AS unique_id, CASE WHEN again THEN NULL ELSE origin END
            AS origin, * EXCLUDE (i, k, again, other, age_step, day_step, sex_draw, origin,
                                  old_age, old_birth, _row, birth_year, age, age_low,
                                  age_high, event_date, event_high),
            CASE WHEN again AND age_years IS NOT NULL THEN {_age_text("age_years")}
                 ELSE age END AS age,
            CASE WHEN again AND age_years IS NOT NULL THEN greatest(age_years - 0.5, 0)
                 ELSE age_low END AS age_low,
            CASE WHEN again AND age_years IS NOT NULL THEN age_years + 0.5
                 ELSE age_high END AS age_high,
            CASE WHEN again THEN strftime(event_low, '%Y-%m-%d') ELSE event_date END
                AS event_date,
            CASE WHEN again THEN event_low ELSE event_high END AS event_high,
            CASE WHEN again THEN {_birth_year("age_years", "event_low", "old_birth", "old_age")}
                 ELSE birth_year END AS birth_year
        FROM s
    """


def copies_sql() -> str:
    """SQL: the made duplicates, each perturbation applied where its draw is below the
    kind's rate (:data:`RATES`; the draws are columns of ``copies``), the report number by
    :data:`NUMBER_RATES`, a third filed under another source. The authority's case number
    goes where the sender's number goes (missing where the channel gave none: a patient's
    direct report; kept by a follow-up and by a second firm forwarding the authority's
    case); the doses are kept, but for those of a renamed product; a copy carries no
    narrative (VAERS SYMPTOM_TEXT: no evidence either way), so the narrative weighs only
    between real reports here (assumptions: no published per-field rate at hand)."""
    terms = (
        "CASE WHEN hit_add_reaction THEN list_append(coalesce(o.reaction_terms, []), "
        "added) ELSE coalesce(o.reaction_terms, []) END"
    )
    drop_at = "1 + CAST(floor(u_dropped * len(t1)) AS INTEGER)"
    dropped = (
        f"CASE WHEN hit_drop_reaction AND len(t1) > 1 "
        f"THEN list_filter(t1, lambda x, j: j != {drop_at}) ELSE t1 END"
    )
    term_at = "1 + CAST(floor(u_term * len(t2)) AS INTEGER)"
    mistyped = (
        f"CASE WHEN hit_typo_reaction AND len(t2) > 0 THEN list_transform(t2, "
        f"lambda x, j: CASE WHEN j = {term_at} THEN {_typo_sql('x', 'u_term_at')} ELSE x END)"
        " ELSE t2 END"
    )
    first = "o.suspect_products[1]"
    renamed = (
        f"CASE WHEN kind = 'other_reporter' THEN renamed "
        f"ELSE {_typo_sql(first, 'u_product_at')} END"
    )
    changed = (
        "(len(coalesce(o.suspect_products, [])) > 0 AND (hit_rename_product OR hit_typo_product))"
    )
    age_shift = "(NOT hit_age_missing AND hit_age_shift AND o.age_years IS NOT NULL)"
    event_shift = "(NOT hit_event_missing AND hit_event_shift AND o.event_low IS NOT NULL)"
    new_age = (
        f"CASE WHEN hit_age_missing THEN NULL WHEN {age_shift} THEN o.age_years + 1 "
        "ELSE o.age_years END"
    )
    new_day = (
        f"CASE WHEN hit_event_missing THEN NULL WHEN {event_shift} THEN o.event_low + "
        "(1 + CAST(floor(u_days * 3) AS INTEGER)) ELSE o.event_low END"
    )
    typo_lot = "(NOT hit_lot_missing AND hit_typo_lot AND len(coalesce(o.lots, [])) > 0)"
    return f"""
        WITH c1 AS (
            SELECT c.*, o.* EXCLUDE (unique_id, origin), o.unique_id AS original,
                {first} AS o_first,
                {terms} AS t1, {changed} AS changed, {renamed} AS new_first,
                {new_age} AS new_age, {new_day} AS new_day, {age_shift} AS shifted,
                {event_shift} AS moved, {typo_lot} AS lot_typo
            FROM copies c JOIN sampled o ON o.unique_id = c.original_id
        ), c2 AS (SELECT *, {dropped} AS t2 FROM c1
        ), c3 AS (SELECT *, {mistyped} AS t3 FROM c2)
        SELECT printf('d%07d', j) AS unique_id, NULL AS origin,
            CASE WHEN j % 3 = 0 THEN list_filter(['registry', 'vaers', 'faers', 'caers'],
                lambda s: s != source)[1] ELSE source END AS source,
            CASE WHEN hit_sex_missing THEN NULL ELSE sex END AS sex,
            CASE WHEN hit_age_missing THEN NULL WHEN shifted THEN {_age_text("new_age")}
                 ELSE age END AS age,
            new_age AS age_years,
            CASE WHEN hit_age_missing THEN NULL WHEN shifted THEN new_age - 0.5
                 ELSE age_low END AS age_low,
            CASE WHEN hit_age_missing THEN NULL WHEN shifted THEN new_age + 0.5
                 ELSE age_high END AS age_high,
            CASE WHEN hit_country_missing THEN NULL ELSE country END AS country,
            CASE WHEN changed THEN list_sort(list_distinct(list_prepend(new_first,
                suspect_products[2:]))) ELSE suspect_products END AS suspect_products,
            CASE WHEN changed THEN new_first ELSE first_suspect END AS first_suspect,
            suspect_routes,
            CASE WHEN changed THEN list_sort(list_distinct(coalesce(product_words, []) ||
                list_filter(string_split(new_first, ' '), lambda w: length(w) >= 3)))
                ELSE product_words END AS product_words,
            product_categories,
            nullif(list_sort(list_distinct(t3)), []) AS reaction_terms,
            nullif(list_sort(list_distinct(list_filter(flatten(list_transform(t3,
                lambda t: string_split_regex(replace(t, '-', ' '), '\\s+'))),
                lambda w: length(w) >= 3 AND regexp_full_match(w, '\\p{{L}}+')))), [])
                AS reaction_words,
            body_sites, treatments, onset_latency_days,
            CASE WHEN new_day IS NULL THEN NULL WHEN moved THEN strftime(new_day, '%Y-%m-%d')
                 ELSE event_date END AS event_date,
            new_day AS event_low,
            CASE WHEN new_day IS NULL THEN NULL WHEN moved THEN new_day ELSE event_high END
                AS event_high,
            publication_ids, publication_id, signature, rare_terms, initials,
            {_birth_year("new_age", "new_day", "birth_year", "age_years")} AS birth_year,
            CASE WHEN hit_region_missing THEN NULL ELSE region END AS region,
            CASE WHEN hit_lot_missing THEN NULL
                 WHEN lot_typo THEN list_sort(list_distinct(list_prepend(
                     {_typo_sql("lots[1]", "u_lot_at")}, lots[2:])))
                 ELSE lots END AS lots,
            CASE WHEN hit_outcome_fatal AND outcome = 'not fatal' THEN 'fatal' ELSE outcome END
                AS outcome,
            CASE WHEN n_missing THEN NULL ELSE report_number END AS report_number,
            CASE WHEN n_missing THEN NULL ELSE number_scheme END AS number_scheme,
            CASE WHEN n_missing THEN NULL ELSE authority_number END AS authority_number,
            CASE WHEN n_missing THEN NULL ELSE authority END AS authority,
            CASE WHEN changed THEN nullif(list_filter(doses, lambda d: split_part(d, '|', 1)
                != o_first), []) ELSE doses END AS doses,
            -- how often a copy keeps its original's text is nowhere published: none here
            CAST(NULL AS VARCHAR[]) AS narrative_words, received,
            original, kind, n_missing, n_other
        FROM c3
    """
