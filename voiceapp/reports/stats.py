"""Small-sample statistics for the six-monthly report: Wilson intervals, change in a proportion, median and p90."""
import math
import statistics
from dataclasses import dataclass
from typing import Sequence

_NORMAL = statistics.NormalDist()


def wilson_interval(successes: int, n: int, z: float = 1.96) -> tuple[float, float] | None:
    """Wilson score interval for successes out of n (None when n is 0); sound for small n and 0% or 100%."""
    if n == 0:
        return None
    if not 0 <= successes <= n:
        raise ValueError("successes must be between 0 and n")
    p, z2 = successes / n, z * z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = z / (1 + z2 / n) * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    # Clamp: at 0% or 100% the bound is exactly 0 or 1 but floating point can stray past it.
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass(frozen=True)
class Change:
    difference: float  # later proportion minus earlier, as a fraction
    z: float
    p_value: float
    significant: bool


def proportion_change(k1: int, n1: int, k2: int, n2: int, *, alpha: float = 0.05) -> Change | None:
    """Two-proportion z-test with a pooled proportion, two-sided, significant when p < alpha (None if n is 0)."""
    if n1 == 0 or n2 == 0:
        return None
    p1, p2 = k1 / n1, k2 / n2
    pooled = (k1 + k2) / (n1 + n2)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    if se == 0:
        # Everyone (or no one) in both periods: the proportions are equal and there is nothing to test.
        return Change(p2 - p1, 0.0, 1.0, False)
    z = (p2 - p1) / se
    p_value = 2 * (1 - _NORMAL.cdf(abs(z)))
    return Change(p2 - p1, z, p_value, p_value < alpha)


def median_and_p90(values: Sequence[float]) -> tuple[float, float] | None:
    """Median and 90th percentile by linear interpolation (as PostgreSQL percentile_cont); None if empty."""
    if not values:
        return None
    if len(values) == 1:
        # statistics.quantiles needs two points before Python 3.13; one value is its own every percentile.
        return values[0], values[0]
    p90 = statistics.quantiles(values, n=10, method="inclusive")[8]
    return statistics.median(values), p90
