"""How the version-link bench shows a pair: what two feature records differ in, the facts
that weighed, and why a pair was never scored."""

from __future__ import annotations

FIELDS = ("event_date", "age_years", "sex", "country", "outcome", "publication_id")
SETS = ("suspect_products", "reaction_terms", "lots")


def differences(a: dict, b: dict) -> str:
    """What two feature records differ in (a side's missing fact shown as ``-``)."""
    said = []
    for name in FIELDS:
        x, y = a.get(name), b.get(name)
        if x != y:
            said.append(f"{name} {x if x is not None else '-'} / {y if y is not None else '-'}")
    for name in SETS:
        x, y = set(a.get(name) or ()), set(b.get(name) or ())
        if not x or not y:
            if x or y:
                said.append(f"{name} missing on one side")
            continue
        if x != y:
            shared = len(x & y)
            said.append(
                f"{name} {shared} shared, only left {sorted(x - y)[:4]}, "
                f"only right {sorted(y - x)[:4]}"
            )
    return "; ".join(said) or "no compared fact differs"


def weights(row: dict) -> str:
    """The facts that moved a pair's weight, largest first (splink's ``bf_``/``mw_``)."""
    moved = sorted(
        ((k[3:], v) for k, v in row.items() if k.startswith("mw_") and v),
        key=lambda kv: -abs(kv[1]),
    )
    return ", ".join(f"{k} {v:+.1f}" for k, v in moved[:8])


def hard_negative(a: dict, b: dict) -> bool:
    """Same event date, sex, age within a year, a suspect product and a reaction in common."""
    return bool(
        a["event_date"]
        and a["event_date"] == b["event_date"]
        and a["sex"]
        and a["sex"] == b["sex"]
        and a["age_years"] is not None
        and b["age_years"] is not None
        and abs(a["age_years"] - b["age_years"]) <= 1
        and set(a["suspect_products"] or ()) & set(b["suspect_products"] or ())
        and set(a["reaction_terms"] or ()) & set(b["reaction_terms"] or ())
    )


def show_pair(
    title: str, note: str, features: dict, row: dict | None, pair: tuple[str, str]
) -> None:
    """One pair: its probability (or "not blocked"), what differs, what weighed."""
    shown = f"{row['match_probability']:.3f}" if row else "not blocked"
    print(
        f"  {title} p {shown}; {note}\n"
        f"      differ: {differences(features[pair[0]], features[pair[1]])}"
    )
    if row:
        print(f"      weights: {weights(row)}")


def why_not_blocked(table: object, pairs: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """For pairs never scored: whether the two records share no bounded blocking key
    (:func:`dermavigil.duplicates.blocking.block_keys`: a key above the block cap is
    refined, then dropped) or share keys and were pruned by meta-blocking (neither
    record kept the pair among its heaviest)."""
    from dermavigil.duplicates.blocking import COLUMN, block_keys, family_of

    keyed, _ = block_keys(table)
    features = {r["unique_id"]: r for r in table.to_pylist()}
    keys = dict(zip(keyed["unique_id"].to_pylist(), keyed[COLUMN].to_pylist(), strict=True))
    out = {}
    for a, b in pairs:
        shared = set(keys.get(a) or ()) & set(keys.get(b) or ())
        if shared:
            families = ", ".join(sorted({family_of(k) for k in shared}))
            out[(a, b)] = f"pruned by meta-blocking (keys shared: {families})"
        elif coarse_key_shared(features[a], features[b]):
            out[(a, b)] = "no key left: the product+reaction block was refined away"
        else:
            out[(a, b)] = "no blocking key in common"
    return out


def coarse_key_shared(a: dict, b: dict) -> bool:
    """The same first suspect product and a reaction term in common: the coarse key of
    the product_reaction family, which bounded blocking replaces by finer keys (the event
    month, the year of birth) when its block is over the cap -- lost for a report lacking
    both, or whose two ages give two years of birth."""
    return bool(
        a["first_suspect"]
        and a["first_suspect"] == b["first_suspect"]
        and set(a["reaction_terms"] or ()) & set(b["reaction_terms"] or ())
    )
