"""The routes a drug's FDA labelling gives, by drug name.

The table (``data/labelled_routes.tsv``, ~8,500 names) is built by
``scripts/build_labelled_routes.py`` from FDA's Drugs@FDA data files
(``Products.txt``: each approved product's "dosage form;route" and its active
ingredient and brand name) and the ``openfda.route`` of the openFDA drug-event
sample in ``../shared/data`` (routes openFDA harmonises from the SPL labels).
It lists the routes a drug is *made for*, not the routes reports used. A route
of ``parenteral`` means the listing says only "injection". The table is read
once, on first use.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from dermavigil.domain.routes import Route

SALTS = frozenset(
    {
        "sodium", "potassium", "calcium", "magnesium", "hydrochloride", "hcl", "acetate",
        "sulfate", "sulphate", "phosphate", "citrate", "tartrate", "maleate", "mesylate",
        "besylate", "succinate", "fumarate", "bromide", "chloride", "hydrobromide",
        "dihydrochloride", "monohydrate", "trihydrate", "dihydrate", "anhydrous", "disodium",
        "propionate", "dipropionate", "valerate", "acetonide", "hyclate", "nitrate", "lactate",
        "gluconate", "palmitate", "decanoate", "benzoate", "tromethamine", "benzathine",
        "procaine", "cypionate", "enanthate", "undecanoate", "hexacetonide", "diacetate",
    }
)  # fmt: skip
"""Salt and ester words dropped from a key (by the builder too) ("penicillin g benzathine")."""


@lru_cache(maxsize=1)
def _table() -> dict[str, frozenset[Route]]:
    raw = (
        resources.files("dermavigil.terminology")
        .joinpath("data/labelled_routes.tsv")
        .read_text("utf-8")
    )
    table = {}
    for line in raw.splitlines():
        if not line or line.startswith("#"):
            continue
        name, _, routes = line.partition("\t")
        table[name] = frozenset(Route(r) for r in routes.split(",") if r)
    return table


def _variants(name: str) -> list[str]:
    """The name as the table keys it: lower-case words; without its salt words; with a
    leading salt word moved to the end ("sodium diclofenac" -> "diclofenac sodium")."""
    words = re.sub(r"[^a-z0-9 -]", " ", name.lower().replace("-", " ")).split()
    if not words:
        return []
    out = [" ".join(words)]
    base = [w for w in words if w not in SALTS]
    if base and base != words:
        out.append(" ".join(base))
    if words[0] in SALTS and len(words) > 1:
        out.append(" ".join([*words[1:], words[0]]))
    return out


def labelled_routes(name: str) -> frozenset[Route]:
    """The routes the FDA labelling of ``name`` gives (empty when the table lacks it)."""
    table = _table()
    for key in _variants(name):
        if key in table:
            return table[key]
    return frozenset()


_PARENTERAL_ROUTES = frozenset({Route.intramuscular, Route.intravenous, Route.subcutaneous})
JOINT_ROUTES = frozenset({Route.intra_articular, Route.intrasynovial, Route.periarticular})
"""Into a joint, its synovium or the soft tissue around it (bursa, tendon sheath): the
labels of injectable corticosteroids list them together ("intra-articular or soft tissue")."""
_CORTICOSTEROID = re.compile(
    r"(?<!bol)(?<!nandr)(?<!metholone)(?:asone|onide|olone)\b|cort|\bpredni"
    r"|\b(?:gluco)?corti(?:co)?(?:steroid|coid|c[oó]ide?)s?\b|\bsteroids?\b",
    re.I,
)
"""A corticosteroid by its name: the WHO INN stems of corticosteroids ("-asone", "-onide",
"-olone", "-cort-", "predni-"; The use of stems in the selection of INN, WHO 2018), the
anabolic "-bolone"/"nandrolone" left out, or the class word."""


def is_corticosteroid(name: str) -> bool:
    """Whether ``name`` names a corticosteroid (its INN stem or the class word)."""
    return bool(_CORTICOSTEROID.search(name))


def labelled_for(name: str, route: Route) -> bool:
    """Whether ``name`` is labelled for ``route``: the route is listed, or the listing says
    only "injection" (``parenteral``) and the route is one a labelled injection is given by
    (intramuscular, intravenous, subcutaneous). For a joint or the soft tissue around it
    (:data:`JOINT_ROUTES`), a listing of any of them counts, and so does an injectable
    corticosteroid whose listing says only "injection" or that the table lacks (a class
    word): the injectable suspensions are labelled intra-articular and soft tissue."""
    routes = labelled_routes(name)
    if route in JOINT_ROUTES:
        if routes & JOINT_ROUTES:
            return True
        return is_corticosteroid(name) and (Route.parenteral in routes or not routes)
    return route in routes or (Route.parenteral in routes and route in _PARENTERAL_ROUTES)
