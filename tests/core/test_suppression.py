"""Small groups stay hidden, and no hidden cell can be worked out from the total."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from samordna.core.suppression import protect, protect_matrix, share, shown


def test_small_counts_show_as_under_five() -> None:
    assert [shown(n) for n in (0, 1, 4, 5, 12)] == [0, "<5", "<5", 5, 12]


def test_one_small_cell_hides_its_smallest_neighbour() -> None:
    women, men = protect([3, 10])
    assert (women.shown, men.shown) == ("<5", "x")
    cells = protect([3, 7, 20, 0])
    assert [c.shown for c in cells] == ["<5", "x", 20, 0]


def test_two_small_cells_need_no_more_hiding() -> None:
    assert [c.shown for c in protect([2, 3, 9])] == ["<5", "<5", 9]


@given(st.lists(st.integers(min_value=0, max_value=30), min_size=2, max_size=8))
def test_no_single_hidden_cell_in_a_breakdown(counts: list[int]) -> None:
    cells = protect(counts)
    concealed = [c for c in cells if not c.is_shown]
    total_shown = sum(counts) >= 5
    # a total that is shown never leaves exactly one concealed cell to subtract for
    assert not (total_shown and len(concealed) == 1)
    assert all(c.shown == "<5" for c in cells if 0 < c.count < 5)


@given(
    st.integers(min_value=2, max_value=5).flatmap(
        lambda width: st.lists(
            st.lists(st.integers(0, 12), min_size=width, max_size=width), min_size=2, max_size=5
        )
    )
)
def test_cross_table_rows_and_columns_are_protected(counts: list[list[int]]) -> None:
    cells = protect_matrix(counts)
    columns = list(zip(*cells, strict=True))
    for line in [*cells, *columns]:
        concealed = [c for c in line if not c.is_shown]
        assert (
            len(concealed) != 1
            or sum(c.count for c in line) < 5
            or all(c.count == 0 for c in line if c.is_shown)
        )


def test_share_is_hidden_when_either_side_is_small() -> None:
    assert share(4, 10) is None
    assert share(6, 10) is None  # four did not: a small group too
    assert share(5, 10) == "50 %"
    assert share(0, 12) == "0 %"
