"""Small-number suppression (DfE children-looked-after practice) for counts, tables and percentages."""
from dataclasses import dataclass
from typing import Iterable

Pos = tuple[int, ...]
Line = tuple[tuple[Pos, ...], Pos]  # the cells of a row or column, then the margin that is their sum
SHARED = 10 ** 9  # the column index of a row total that several tables share: after every column, as in one table

CONFIDENTIAL = "c"     # GSS symbol: withheld for confidentiality (primary and secondary alike)
NOT_APPLICABLE = "z"   # GSS symbol: no meaningful value (a percentage of nobody)


@dataclass(frozen=True)
class SuppressionRules:
    """Counts from threshold_low to threshold_high are withheld; percentages need min_denominator people."""
    threshold_low: int = 1
    threshold_high: int = 5
    min_denominator: int = 10
    secondary_max: int | None = None  # Hansard 2008 used 20: prefer complementary cells below it

    def __post_init__(self):
        # A zero must always be shown (DfE), so the band cannot start at 0.
        if not 1 <= self.threshold_low <= self.threshold_high:
            raise ValueError("need 1 <= threshold_low <= threshold_high")

    def is_small(self, value: int) -> bool:
        """A count in the suppression band (zero is never small: DfE shows zeros)."""
        return self.threshold_low <= value <= self.threshold_high

    @property
    def label(self) -> str:
        """The band in words, for a legend: "5 or fewer"."""
        return f"{self.threshold_high} or fewer"

    @property
    def withheld_label(self) -> str:
        """What a screen reader says for any "c" cell."""
        # One wording for primary and secondary cells: telling them apart would tell readers which are 1-5
        # and which are larger, and that can be enough to solve them.
        return f"hidden: {self.label}, or could reveal a number that small"


DEFAULT_RULES = SuppressionRules()


@dataclass(frozen=True)
class Cell:
    """A published count: value is None whenever it is withheld, so no output format can leak it."""
    value: int | None
    display: str
    suppressed: bool
    reason: str | None  # "primary" | "secondary" | None; for audit only, never to be rendered
    label: str = ""

    @classmethod
    def of(cls, value: int, reason: str | None, rules: SuppressionRules) -> "Cell":
        """The published form of a count, withheld when there is a reason."""
        if reason:
            return cls(None, CONFIDENTIAL, True, reason, rules.withheld_label)
        return cls(value, str(value), False, None, str(value))


@dataclass(frozen=True)
class Table:
    """A rectangular table of non-negative counts; its row, column and grand totals are their sums."""
    rows: tuple[tuple[int, ...], ...]
    row_labels: tuple[str, ...] = ()
    col_labels: tuple[str, ...] = ()

    def __post_init__(self):
        rows = tuple(tuple(row) for row in self.rows)
        if not rows or len({len(row) for row in rows}) != 1 or not rows[0]:
            raise ValueError("a table needs at least one row, all rows of the same non-zero length")
        if any(not isinstance(v, int) or v < 0 for row in rows for v in row):
            raise ValueError("counts must be non-negative integers")
        if self.row_labels and len(self.row_labels) != len(rows) or \
                self.col_labels and len(self.col_labels) != len(rows[0]):
            raise ValueError("labels must match the table's rows and columns")
        object.__setattr__(self, "rows", rows)

    @property
    def shape(self) -> tuple[int, int]:
        """(rows, columns), totals excluded."""
        return len(self.rows), len(self.rows[0])

    def grid(self) -> dict[Pos, int]:
        """Every count by position, with row totals in column n_cols and column totals in row n_rows."""
        n_rows, n_cols = self.shape
        values = {(i, j): v for i, row in enumerate(self.rows) for j, v in enumerate(row)}
        for j in range(n_cols):
            values[(n_rows, j)] = sum(values[(i, j)] for i in range(n_rows))
        for i in range(n_rows + 1):  # the last is the grand total, the sum of the column totals
            values[(i, n_cols)] = sum(values[(i, j)] for j in range(n_cols))
        return values

    def lines(self) -> list[Line]:
        """Every row and column, totals row and totals column included, each with its margin."""
        n_rows, n_cols = self.shape
        rows = [(tuple((i, j) for j in range(n_cols)), (i, n_cols)) for i in range(n_rows + 1)]
        cols = [(tuple((i, j) for i in range(n_rows)), (n_rows, j)) for j in range(n_cols + 1)]
        return rows + cols


@dataclass(frozen=True)
class SuppressedTable:
    cells: tuple[tuple[Cell, ...], ...]
    row_totals: tuple[Cell, ...]
    col_totals: tuple[Cell, ...]
    grand_total: Cell
    row_labels: tuple[str, ...] = ()
    col_labels: tuple[str, ...] = ()

    def grid(self) -> list[list[Cell]]:
        """Rows with their totals at the end, then the totals row: the shape most outputs print."""
        body = [list(row) + [total] for row, total in zip(self.cells, self.row_totals)]
        return body + [list(self.col_totals) + [self.grand_total]]


@dataclass(frozen=True)
class Breakdown:
    cells: dict[str, Cell]
    total: Cell | None = None


@dataclass(frozen=True)
class Share:
    """A published percentage: value is None (display "c" or "z") when it could disclose someone."""
    value: float | None
    display: str
    suppressed: bool
    reason: str | None = None  # "count" | "denominator" | "small_group" | "no_one"; audit only


def _withheld_in(line: Line, reasons: dict[Pos, str]) -> list[Pos]:
    inner, margin = line
    return [p for p in (*inner, margin) if p in reasons]


def _complement(line: Line, values: dict[Pos, int], reasons: dict[Pos, str],
                lines_at: dict[Pos, list[Line]], rules: SuppressionRules) -> Pos:
    """The cell to withhold beside the line's only withheld one: the smallest non-zero, else the margin."""
    inner, margin = line
    open_cells = [p for p in inner if p not in reasons and values[p] > 0]  # a zero is published, never hidden
    preferred = [p for p in open_cells if rules.secondary_max is None or values[p] < rules.secondary_max]
    if preferred:
        open_cells = preferred
    elif margin not in reasons:
        return margin
    # Smallest first; on a tie prefer a cell that also mends its crossing line, so fewer cells are lost.
    def cost(p: Pos):
        mends = any(len(_withheld_in(other, reasons)) == 1 for other in lines_at[p] if other != line)
        return values[p], not mends, p
    return min(open_cells, key=cost)


def protect(values: dict[Pos, int], lines: Iterable[Line], rules: SuppressionRules = DEFAULT_RULES,
            unpublished: Iterable[Pos] = ()) -> dict[Pos, str]:
    """Primary suppression of small counts, then secondary until no row or column has one withheld entry.
    `unpublished` figures (a total no output prints) count as withheld from the start: they hide the cells
    beside them, and need no complement of their own."""
    lines = list(lines)
    lines_at: dict[Pos, list[Line]] = {}
    for line in lines:
        for p in (*line[0], line[1]):
            lines_at.setdefault(p, []).append(line)
    reasons = {p: "primary" for p, v in values.items() if rules.is_small(v)}
    for p in unpublished:
        reasons.setdefault(p, "unpublished")
    changed = True
    while changed:  # each pass withholds at least one new cell, so this ends
        changed = False
        for line in lines:
            withheld = _withheld_in(line, reasons)
            if len(withheld) == 1 and reasons[withheld[0]] != "unpublished":
                reasons[_complement(line, values, reasons, lines_at, rules)] = "secondary"
                changed = True
    return reasons


def _shared_rows(tables: list[Table]) -> tuple[dict[Pos, int], list[Line], list]:
    """The figures of tables of the same rows (each row's total the same in all of them) on one grid: a
    table's own cells at (row, column, table), the shared row totals and grand total at (row, SHARED, 0)."""
    values: dict[Pos, int] = {}
    lines: dict[Line, None] = {}  # ordered, and a line the tables share (the totals column) counted once
    places = []
    for t, table in enumerate(tables):
        n_cols = table.shape[1]
        place = {(i, j): (i, SHARED, 0) if j == n_cols else (i, j, t) for i, j in table.grid()}
        for p, v in table.grid().items():
            if values.setdefault(place[p], v) != v:
                raise ValueError("tables suppressed together must have the same row totals")
        for inner, margin in table.lines():
            lines.setdefault((tuple(place[p] for p in inner), place[margin]))
        places.append(place)
    return values, list(lines), places


def suppress_tables_sharing_rows(tables: list[Table], rules: SuppressionRules = DEFAULT_RULES
                                 ) -> list[SuppressedTable]:
    """Tables of the same rows split different ways (a question's answers by cohort and by age band): each
    row's total, and the grand total, is one published figure in all of them, so a count hidden in one could
    be worked out from another's. They are suppressed together: no row or column of any has one withheld."""
    values, lines, places = _shared_rows(tables)
    reasons = protect(values, lines, rules)
    cell = {p: Cell.of(v, reasons.get(p), rules) for p, v in values.items()}
    published = []
    for table, place in zip(tables, places):
        n_rows, n_cols = table.shape
        at = {p: cell[q] for p, q in place.items()}
        published.append(SuppressedTable(
            cells=tuple(tuple(at[(i, j)] for j in range(n_cols)) for i in range(n_rows)),
            row_totals=tuple(at[(i, n_cols)] for i in range(n_rows)),
            col_totals=tuple(at[(n_rows, j)] for j in range(n_cols)),
            grand_total=at[(n_rows, n_cols)], row_labels=table.row_labels, col_labels=table.col_labels))
    return published


def suppress_table(table: Table, rules: SuppressionRules = DEFAULT_RULES) -> SuppressedTable:
    """Withhold small counts, then enough others that none can be worked out from a published total."""
    return suppress_tables_sharing_rows([table], rules)[0]


def suppress_partitions(partitions: dict[str, dict[str, int]], total: int, rules: SuppressionRules = DEFAULT_RULES,
                        *, total_published: bool = True) -> tuple[dict[str, dict[str, Cell]], Cell]:
    """One-way breakdowns of the same people (by cohort, by age band), each adding up to `total`: they are
    suppressed together, as one-way tables sharing their total. Apart, each could hide one small count
    behind one complement, while the other breakdown's sum gives the total and so both. A total that no
    output prints is still known to readers as soon as one breakdown is shown whole: then it counts as
    published (else it is ignored, and hides nothing itself)."""
    keys = {name: list(counts) for name, counts in partitions.items()}
    if any(sum(counts.values()) != total for counts in partitions.values()):
        raise ValueError("every breakdown must add up to the total")
    values: dict[Pos, int] = {(0, 0): total}
    lines: list[Line] = []
    for t, name in enumerate(partitions, start=1):
        values.update({(t, j): partitions[name][k] for j, k in enumerate(keys[name])})
        lines.append((tuple((t, j) for j in range(len(keys[name]))), (0, 0)))
    reasons = protect(values, lines, rules, () if total_published else [(0, 0)])
    if not total_published and any(not any(p in reasons for p in inner) for inner, _ in lines):
        reasons = protect(values, lines, rules)
    cells = {name: {k: Cell.of(partitions[name][k], reasons.get((t, j)), rules) for j, k in enumerate(keys[name])}
             for t, name in enumerate(partitions, start=1)}
    return cells, Cell.of(total, reasons.get((0, 0)), rules)


def suppress_counts(counts: dict[str, int], total: int | None = None,
                    rules: SuppressionRules = DEFAULT_RULES) -> Breakdown:
    """A one-way breakdown: small counts withheld, and with a published total, secondary suppression too."""
    if total is not None and total != sum(counts.values()):
        # A gap between the total and its parts is itself a count readers can work out; name it as a part.
        raise ValueError("the counts must add up to the total (add an 'other' or 'not known' count)")
    keys = list(counts)
    values = {(0, j): counts[k] for j, k in enumerate(keys)}
    lines: list[Line] = []
    if total is not None:
        values[(0, len(keys))] = total
        lines.append((tuple((0, j) for j in range(len(keys))), (0, len(keys))))
    reasons = protect(values, lines, rules)
    cells = {k: Cell.of(counts[k], reasons.get((0, j)), rules) for j, k in enumerate(keys)}
    total_cell = None if total is None else Cell.of(total, reasons.get((0, len(keys))), rules)
    return Breakdown(cells, total_cell)


def _as_cell(count: int | Cell, rules: SuppressionRules) -> Cell:
    if isinstance(count, Cell):
        return count
    return Cell.of(count, "primary" if rules.is_small(count) else None, rules)


def share(count: int | Cell, denominator: int | Cell, rules: SuppressionRules = DEFAULT_RULES,
          *, decimals: int = 0) -> Share:
    """A percentage, withheld if its count or denominator is withheld or the group is under min_denominator."""
    count, denominator = _as_cell(count, rules), _as_cell(denominator, rules)
    if count.suppressed or denominator.suppressed:
        return Share(None, CONFIDENTIAL, True, "count" if count.suppressed else "denominator")
    if denominator.value == 0:
        return Share(None, NOT_APPLICABLE, True, "no_one")
    if denominator.value < rules.min_denominator:
        # Covers class disclosure too: in a group this small "100%" (or "0%") tells readers what each
        # member said, so no percentage of such a group is published, whatever the answers were.
        return Share(None, CONFIDENTIAL, True, "small_group")
    value = 100 * count.value / denominator.value
    return Share(value, f"{value:.{decimals}f}%", False, None)


def safe_percentage(count: int | Cell, denominator: int | Cell,
                    rules: SuppressionRules = DEFAULT_RULES) -> float | None:
    """The percentage, or None when share() withholds it (shown as "c", or "z" for a group of nobody)."""
    return share(count, denominator, rules).value


def breakdown_shares(counts: dict[str, int], total: int,
                     rules: SuppressionRules = DEFAULT_RULES) -> dict[str, Share]:
    """Each part as a percentage of the total, built only on counts that survive suppression."""
    breakdown = suppress_counts(counts, total, rules)
    return {k: share(cell, breakdown.total, rules) for k, cell in breakdown.cells.items()}
