"""Published figures as plain data: {"value": number or None, "display": text}, built only from disclosure.py."""
from dataclasses import replace

from voiceapp.reports import disclosure
from voiceapp.reports.disclosure import CONFIDENTIAL, Cell, Share, SuppressionRules


def cell(c: Cell) -> dict:
    return {"value": c.value, "display": c.display}


def pct(s: Share) -> dict:
    return {"value": None if s.value is None else round(s.value, 1), "display": s.display}


def whole_pct(s: Share) -> dict:
    """A share to whole percent, value and display alike: finer, with a published total, it can tell a count."""
    return {"value": None if s.value is None else round(s.value), "display": s.display}


def withheld() -> dict:
    return {"value": None, "display": CONFIDENTIAL}


def count(n: int, rules: SuppressionRules) -> Cell:
    """One count standing alone: primary suppression only."""
    return disclosure.suppress_counts({"n": n}, rules=rules).cells["n"]


def one_way(rules: SuppressionRules) -> SuppressionRules:
    # In a one-way breakdown the total is then withheld only when it is itself small, so the same total
    # is withheld (or shown) in every breakdown of it and none can be solved from another.
    return replace(rules, secondary_max=None)


def breakdown(counts: dict, rules: SuppressionRules, total: int | None = None) -> dict:
    """A breakdown's cells (and total when its parts add up to it), suppressed together."""
    result = disclosure.suppress_counts(counts, total, one_way(rules))
    published = {"cells": {k: cell(c) for k, c in result.cells.items()}}
    if total is not None:
        published["total"] = cell(result.total)
        published["shares"] = {k: pct(disclosure.share(c, result.total, rules)) for k, c in result.cells.items()}
    return published


def rounded(value: float | None, places: int = 1) -> float | None:
    return None if value is None else round(value, places)
