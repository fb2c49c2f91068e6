"""Small-number suppression, checked against hand-worked tables and a property test on random tables."""
import pytest
from hypothesis import given, strategies as st

from voiceapp.reports.disclosure import (
    Cell, SuppressionRules, Table, breakdown_shares, safe_percentage, share, suppress_counts, suppress_partitions,
    suppress_table, suppress_tables_sharing_rows,
)

HANSARD = SuppressionRules(secondary_max=20)


def shown(breakdown):
    return {k: c.display for k, c in breakdown.cells.items()}, breakdown.total and breakdown.total.display


def shown_grid(result):
    return [[c.display for c in row] for row in result.grid()]


# --- primary suppression ------------------------------------------------------------------------------------

def test_counts_of_1_to_5_are_shown_as_c_while_0_and_6_are_shown():
    cells = suppress_counts({"none": 0, "four": 4, "five": 5, "six": 6}).cells
    assert {k: c.display for k, c in cells.items()} == {"none": "0", "four": "c", "five": "c", "six": "6"}
    assert cells["four"] == Cell(None, "c", True, "primary", "hidden: 5 or fewer, or could reveal a number that small")
    assert cells["none"] == Cell(0, "0", False, None, "0")
    assert cells["six"].value == 6 and not cells["six"].suppressed


def test_a_withheld_count_never_carries_its_value():
    assert suppress_counts({"a": 3}).cells["a"].value is None


def test_the_threshold_is_configurable():
    rules = SuppressionRules(threshold_high=7)
    assert suppress_counts({"six": 6, "seven": 7, "eight": 8}, rules=rules).cells["seven"].suppressed
    assert rules.label == "7 or fewer"


# --- secondary suppression in a breakdown ---------------------------------------------------------------------

def test_a_total_that_would_reveal_one_withheld_count_forces_the_next_smallest_to_be_withheld():
    # 35 - 12 - 20 would give the 3 away, so the 12 goes too; the 20 and the total stay.
    result = suppress_counts({"kept": 12, "not kept": 3, "not sure": 20}, total=35)
    assert shown(result) == ({"kept": "c", "not kept": "c", "not sure": "20"}, "35")
    assert result.cells["kept"].reason == "secondary"


def test_a_zero_is_shown_as_0_and_never_used_as_the_complementary_cell():
    result = suppress_counts({"a": 3, "b": 0, "c": 9}, total=12)
    assert shown(result) == ({"a": "c", "b": "0", "c": "c"}, "12")


def test_when_only_zeros_are_left_to_hide_the_total_is_withheld_instead():
    # With Hansard's cap no other count is under 20, so the total goes.
    result = suppress_counts({"a": 2, "b": 25, "c": 30}, total=57, rules=HANSARD)
    assert shown(result) == ({"a": "c", "b": "25", "c": "30"}, "c")
    assert shown(suppress_counts({"a": 2, "b": 25, "c": 30}, total=57)) == ({"a": "c", "b": "c", "c": "30"}, "57")


def test_a_small_total_is_itself_withheld():
    assert shown(suppress_counts({"a": 3, "b": 0}, total=3)) == ({"a": "c", "b": "0"}, "c")


def test_counts_that_do_not_add_up_to_their_total_are_refused():
    with pytest.raises(ValueError):
        suppress_counts({"a": 3, "b": 7}, total=12)


# --- secondary suppression in a table -----------------------------------------------------------------------------

def test_a_table_hides_a_rectangle_of_four_around_one_small_count():
    result = suppress_table(Table(((4, 10, 0), (7, 12, 9)), row_labels=("16", "17"), col_labels=("a", "b", "c")))
    assert shown_grid(result) == [["c", "c", "0", "14"],
                                  ["c", "c", "9", "28"],
                                  ["11", "22", "9", "42"]]
    assert [c.reason for c in result.cells[0]] == ["primary", "secondary", None]


def test_a_row_whose_other_cells_are_zero_has_its_total_withheld():
    # Column 1 hides the 7 beside the 3; its only partner is a 0, so its column total 7 goes. The chain
    # continues until every row and column has no single hidden entry.
    result = suppress_table(Table(((3, 7), (9, 0))))
    assert shown_grid(result) == [["c", "c", "c"],
                                  ["c", "0", "c"],
                                  ["c", "c", "19"]]


def test_a_small_column_total_is_withheld_with_a_partner_in_the_totals_row():
    result = suppress_table(Table(((2, 7), (0, 8))))
    assert shown_grid(result) == [["c", "c", "9"],
                                  ["0", "8", "8"],
                                  ["c", "c", "17"]]


def test_a_table_with_nothing_small_is_published_whole():
    assert shown_grid(suppress_table(Table(((6, 10), (0, 8))))) == [["6", "10", "16"], ["0", "8", "8"],
                                                                  ["6", "18", "24"]]


def test_a_ragged_or_negative_table_is_refused():
    with pytest.raises(ValueError):
        Table(((1, 2), (3,)))
    with pytest.raises(ValueError):
        Table(((1, -2),))


counts = st.one_of(st.just(0), st.integers(1, 5), st.integers(6, 40))
tables = st.integers(1, 5).flatmap(
    lambda n_cols: st.lists(st.lists(counts, min_size=n_cols, max_size=n_cols), min_size=1, max_size=5))


@pytest.mark.parametrize("rules", [SuppressionRules(), HANSARD], ids=["dfe", "hansard"])
@given(rows=tables)
def test_no_withheld_count_can_be_worked_out_from_a_published_total_by_one_subtraction(rules, rows):
    table = Table(tuple(map(tuple, rows)))
    result = suppress_table(table, rules)
    values, cells = table.grid(), {}
    for i, row in enumerate(result.grid()):
        cells.update({(i, j): cell for j, cell in enumerate(row)})
    for inner, margin in table.lines():
        if not cells[margin].suppressed:
            assert sum(cells[p].suppressed and values[p] > 0 for p in inner) != 1
        assert sum(cells[p].suppressed for p in (*inner, margin)) != 1
    for p, cell in cells.items():
        assert cell.suppressed == (cell.value is None) == (cell.display == "c")
        assert cell.suppressed or cell.value == values[p]
        assert not (values[p] == 0 and cell.suppressed)
        assert not (1 <= values[p] <= 5 and not cell.suppressed)


# --- percentages ------------------------------------------------------------------------------------------------

def test_no_percentage_is_built_on_a_withheld_count():
    assert safe_percentage(4, 40) is None
    assert share(4, 40).display == "c"
    assert safe_percentage(6, 40) == 15.0


def test_a_group_of_7_who_all_gave_the_same_answer_shows_no_percentage():
    shares = breakdown_shares({"kept": 0, "not kept": 7}, 7)
    assert {k: (s.value, s.display) for k, s in shares.items()} == {"kept": (None, "c"), "not kept": (None, "c")}
    assert safe_percentage(7, 7) is None


def test_a_group_of_10_shows_its_percentages():
    shares = breakdown_shares({"kept": 0, "not kept": 10}, 10)
    assert {k: (s.value, s.display) for k, s in shares.items()} == {"kept": (0.0, "0%"), "not kept": (100.0, "100%")}


def test_a_percentage_that_would_reveal_a_withheld_partner_is_withheld_too():
    # 9 of 12 is 75%, which gives away the 3 "not kept"; secondary suppression withholds the 9 as well.
    shares = breakdown_shares({"kept": 9, "not kept": 3}, 12)
    assert [s.display for s in shares.values()] == ["c", "c"]


def test_a_percentage_of_nobody_is_not_applicable():
    assert share(0, 0).display == "z" and safe_percentage(0, 0) is None


def test_a_percentage_can_be_shown_to_one_decimal_place():
    assert share(7, 12, decimals=1).display == "58.3%"


# --- tables that share a total -------------------------------------------------------------------------------

def test_breakdowns_of_the_same_people_are_suppressed_together():
    # Apart, the cohorts would show c and 40 beside age bands adding up to 43: 43 - 40 gives the 3 away.
    cells, total = suppress_partitions({"cohort": {"in care": 40, "leavers": 3},
                                        "age": {"10-12": 10, "13-15": 15, "16-17": 18}}, 43)
    assert {k: c.display for k, c in cells["cohort"].items()} == {"in care": "c", "leavers": "c"}
    assert {k: c.display for k, c in cells["age"].items()} == {"10-12": "10", "13-15": "15", "16-17": "18"}
    assert total.display == "43"


def test_a_total_printed_nowhere_hides_the_cells_beside_it_until_a_breakdown_shows_it_whole():
    both_hide_one = {"cohort": {"in care": 7, "leavers": 3}, "age": {"13-15": 7, "18-21": 3}}
    cells, _ = suppress_partitions(both_hide_one, 10, total_published=False)
    assert [c.display for c in cells["cohort"].values()] == ["7", "c"]
    one_whole = {"cohort": {"in care": 7, "leavers": 3}, "age": {"16-17": 10, "18-21": 0}}
    cells, _ = suppress_partitions(one_whole, 10, total_published=False)
    assert [c.display for c in cells["cohort"].values()] == ["c", "c"]


def test_tables_sharing_their_row_totals_are_suppressed_together():
    # Yes/no by cohort (all 31 yes, 8 no) and by age band: apart, 8 - 6 would give the band's 2 noes away.
    by_cohort, by_band = suppress_tables_sharing_rows([Table(((31, 0), (8, 0))), Table(((18, 10, 3), (6, 2, 0)))])
    assert shown_grid(by_cohort) == [["31", "0", "31"], ["8", "0", "8"], ["39", "0", "39"]]
    assert shown_grid(by_band) == [["c", "c", "c", "31"], ["c", "c", "0", "8"], ["24", "c", "c", "39"]]
    with pytest.raises(ValueError):
        suppress_tables_sharing_rows([Table(((1, 2),)), Table(((4,),))])
