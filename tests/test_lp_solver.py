"""The audit's HiGHS solver runs without numpy and solves the program numpy used to build.

The bundle leaves numpy out (38 MB with OpenBLAS); ``groupkeeper.lp_solver`` drives
highspy's compiled core with plain lists. These tests keep the numpy-built program of
before as the oracle: same program handed to HiGHS, same bounds, same exposures.
"""

from __future__ import annotations

import importlib.util
import random
import subprocess
import sys
from typing import Any

import pytest

from groupkeeper import disclosure_audit as da
from groupkeeper import lp_solver

np = pytest.importorskip("numpy")
highspy = pytest.importorskip("highspy")


class NumpySolver(lp_solver.Solver[Any]):
    """The solver as it was before (numpy arrays, highspy.Highs, changeColsCost)."""

    def __init__(self, model: Any, variables: list[Any], rows: list[int]) -> None:
        self.index = {v: i for i, v in enumerate(variables)}
        n_x = len(variables)
        binaries = [v for v in variables if v in model.either]
        n = n_x + len(binaries)
        big = 1e6
        lower = [model.lower[v] for v in variables] + [0.0] * len(binaries)
        upper = [min(model.upper[v], big) for v in variables] + [1.0] * len(binaries)
        starts, index, value, row_lo, row_hi = [0], [], [], [], []
        for r in rows:
            coefs, lo, hi = model.rows[r]
            for v, c in coefs.items():
                if c:
                    index.append(self.index[v])
                    value.append(c)
            starts.append(len(index))
            row_lo.append(lo if lo != float("-inf") else -highspy.kHighsInf)
            row_hi.append(hi if hi != float("inf") else highspy.kHighsInf)
        for j, v in enumerate(binaries):
            i, z = self.index[v], n_x + j
            index += [i, z]
            value += [1.0, -big]
            starts.append(len(index))
            row_lo.append(-highspy.kHighsInf)
            row_hi.append(0.0)
            index += [i, z]
            value += [1.0, -float(model.either[v])]
            starts.append(len(index))
            row_lo.append(0.0)
            row_hi.append(highspy.kHighsInf)
        lp = highspy.HighsLp()
        lp.num_col_ = n
        lp.num_row_ = len(row_lo)
        lp.col_cost_ = np.zeros(n)
        lp.col_lower_ = np.array(lower, dtype=float)
        lp.col_upper_ = np.array([u if u < big else highspy.kHighsInf for u in upper], dtype=float)
        lp.row_lower_ = np.array(row_lo, dtype=float)
        lp.row_upper_ = np.array(row_hi, dtype=float)
        lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
        lp.a_matrix_.start_ = np.array(starts, dtype=np.int32)
        lp.a_matrix_.index_ = np.array(index, dtype=np.int32)
        lp.a_matrix_.value_ = np.array(value, dtype=float)
        lp.integrality_ = [highspy.HighsVarType.kInteger] * n
        self.n, self.n_x = n, n_x
        self.h = highspy.Highs()
        self.h.setOptionValue("output_flag", False)
        self.h.setOptionValue("mip_rel_gap", 0.0)
        self.h.setOptionValue("mip_abs_gap", 0.0)
        self.h.passModel(lp)
        self._hs = highspy
        self._costed: list[int] = []
        self.solution = None

    def run(self, costs: dict[Any, float], maximize: bool) -> float:
        hs = self._hs
        if self._costed:
            idx = np.array(self._costed, dtype=np.int32)
            self.h.changeColsCost(len(idx), idx, np.zeros(len(idx)))
        columns = [self.index[v] for v in costs]
        idx = np.array(columns, dtype=np.int32)
        self.h.changeColsCost(len(idx), idx, np.array(list(costs.values()), dtype=float))
        self._costed = columns
        self.h.changeObjectiveSense(hs.ObjSense.kMaximize if maximize else hs.ObjSense.kMinimize)
        self.h.run()
        status = self.h.getModelStatus()
        self.solution = None
        if status == hs.HighsModelStatus.kOptimal:
            self.solution = self.h.getSolution().col_value
            return round(float(self.h.getInfo().objective_function_value))
        if status in (hs.HighsModelStatus.kUnbounded, hs.HighsModelStatus.kUnboundedOrInfeasible):
            return float("inf") if maximize else float("-inf")
        raise lp_solver.Infeasible(f"disclosure audit: the model has no solution ({status})")


MONTHS = ("2026-01", "2026-02", "2026-03")
PARTS = ("attendances_new", "attendances_returning", "walk_ins")


def _tables(seed: int, adjust: int) -> list[da.Published]:
    """Months and the quarter of two groups and of both, from consistent exact counts,
    each cell shown, "fewer than 5", hidden or 0 as an export would publish it."""
    rnd = random.Random(seed)
    truth: dict[tuple[tuple[int, ...], str, str], int] = {}
    for g in (1, 2):
        for m in MONTHS:
            for metric in (*PARTS, "safety_concerns", "mood_passes"):
                truth[(g,), m, metric] = rnd.choice((0, 1, 2, 3, 4, 5, 6, 9, 14))
            truth[(g,), m, "attendances"] = sum(truth[(g,), m, p] for p in PARTS)
    for key in list(truth):
        scope, month, metric = key
        truth[(1, 2), month, metric] = truth.get(((1, 2), month, metric), 0) + truth[key]
    tables = []
    for scope in ((1,), (2,), (1, 2)):
        for start, end in [(m, m) for m in MONTHS] + [("2026-01", "2026-03")]:
            cells: dict[da.Ref, tuple[str, float | None]] = {}
            for metric in (*PARTS, "attendances", "safety_concerns", "mood_passes"):
                x = sum(truth[scope, m, metric] for m in MONTHS if start <= m <= end)
                if rnd.random() < 0.1:
                    cells[metric, ""] = (da.SUPPRESSED, None)
                elif x == 0:
                    cells[metric, ""] = (da.SHOWN, 0)
                elif x < 5:
                    cells[metric, ""] = (da.FEWER_THAN, None)
                else:
                    shown = max(5, x + rnd.randint(-adjust, adjust))
                    cells[metric, ""] = (da.SHOWN, shown)
            tables.append(da.Published(scope, start, end, 5, cells, adjust=adjust))
    return tables


def _lp_fields(h: Any) -> dict[str, Any]:
    lp = h.getLp()
    m = lp.a_matrix_
    return {
        "num_col": lp.num_col_,
        "num_row": lp.num_row_,
        "col_cost": [float(x) for x in lp.col_cost_],
        "col_lower": list(lp.col_lower_),
        "col_upper": list(lp.col_upper_),
        "row_lower": list(lp.row_lower_),
        "row_upper": list(lp.row_upper_),
        "format": int(m.format_),
        "start": list(m.start_),
        "index": list(m.index_),
        "value": list(m.value_),
        "integrality": [int(x) for x in lp.integrality_],
        "sense": int(lp.sense_),
        "offset": lp.offset_,
        "col_names": list(lp.col_names_),
        "row_names": list(lp.row_names_),
    }


@pytest.mark.parametrize(("seed", "adjust"), [(1, 0), (3, 2)])
def test_the_program_and_its_answers_are_those_numpy_built(seed: int, adjust: int) -> None:
    tables = _tables(seed, adjust)
    model = da.build_model(tables)
    components = da._components(model, list(model.lower))
    assert len(components) >= 1 and sum(len(v) for v, _ in components) == len(model.lower)
    checked = 0
    for variables, rows in components:
        old = NumpySolver(model, variables, rows)
        new = lp_solver.Solver(model, variables, rows)
        assert _lp_fields(new.h) == _lp_fields(old.h)
        # Same answers, and the same witness solutions, run after run on one instance.
        for v in variables[::3]:
            for maximize in (False, True):
                assert new.extreme(v, maximize) == old.extreme(v, maximize)
                assert new.solution == old.solution
                checked += 1
        everything = dict.fromkeys(variables, 1.0)
        assert new.run(everything, maximize=True) == old.run(everything, maximize=True)
        assert new.solution == old.solution
    assert checked > 30  # a real model, not an empty one


@pytest.mark.parametrize("seed", [5, 6])
def test_audit_and_protect_give_the_same_bounds_as_with_numpy(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    tables = _tables(seed, 0)
    alone = (tables[0], tables[3], tables[-1])  # a month, a quarter, both groups' quarter
    found_new = da.audit(tables)
    protected_new = [da.protect(t) for t in alone]
    monkeypatch.setattr(da, "_Solver", NumpySolver)
    assert da.audit(tables) == found_new
    assert [da.protect(t) for t in alone] == protected_new
    assert found_new  # exact counts with hidden parts: some are exposed
    assert any(extra for extra, _rounds in protected_new)


_NO_NUMPY = """
import sys
sys.modules["numpy"] = None  # as in the bundle: importing numpy fails
from groupkeeper import disclosure_audit as da
t = da.Published((1,), "2026-01", "2026-01", 5, {
    ("attendances", ""): (da.SHOWN, 15),
    ("attendances_new", ""): (da.FEWER_THAN, None),
    ("attendances_returning", ""): (da.SHOWN, 13),
    ("walk_ins", ""): (da.FEWER_THAN, None),
}, adjust=0)
print(sorted((e.var[3], e.low, e.high) for e in da.audit([t])))
print(sorted(m for m in sys.modules if m.startswith(("numpy", "highspy")) and sys.modules[m]))
"""


def test_the_audit_solves_without_numpy() -> None:
    out = subprocess.run(
        [sys.executable, "-c", _NO_NUMPY], capture_output=True, text=True, timeout=120, check=True
    ).stdout.splitlines()
    assert out[0] == "[('attendances_new', 1, 1), ('walk_ins', 1, 1)]"
    # Only the compiled core: not highspy's package (its __init__ imports numpy).
    assert out[1] == "['highspy._core', 'highspy._core.cb', 'highspy._core.simplex_constants']"


_CORE_THEN_PACKAGE = """
import sys
from groupkeeper import lp_solver
core = lp_solver.core()
import highspy  # the package finds the core already loaded and shares it
assert sys.modules["highspy._core"] is core
assert highspy.HighsLp is core.HighsLp
h = highspy.Highs()
h.setOptionValue("output_flag", False)
print(h.addVar(0.0, 3.0))
"""


def test_the_package_imported_afterwards_shares_the_core() -> None:
    out = subprocess.run(
        [sys.executable, "-c", _CORE_THEN_PACKAGE],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert out.stdout.splitlines()[-1] == "HighsStatus.kOk"  # after HiGHS's banner


def test_a_core_loaded_by_highspy_is_reused() -> None:
    # In this process highspy (the package) is imported already (importorskip above).
    assert lp_solver.core() is sys.modules["highspy._core"]


def test_no_highspy_is_a_clear_import_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(ImportError, match="highspy is not installed"):
        lp_solver._load_core()
