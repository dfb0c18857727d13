"""Integer programs of the disclosure audit, solved by HiGHS (through highspy).

``disclosure_audit`` builds a model (bounds, linear rows, "0 or at least k" variables) and
asks ``Solver`` for the least and greatest value of single variables over one connected
part of it. Everything about HiGHS lives here, so the audit itself is plain Python.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Hashable, Iterator, Mapping, Sequence
from typing import Any, Generic, Protocol, TypeVar

K = TypeVar("K", bound=Hashable)


class IntegerModel(Protocol[K]):
    """What ``Solver`` reads of a model (``disclosure_audit._Model`` is one)."""

    @property
    def lower(self) -> Mapping[K, float]: ...

    @property
    def upper(self) -> Mapping[K, float]: ...

    @property
    def either(self) -> Mapping[K, int]:
        """Variables that are 0 or at least the given number."""
        ...

    @property
    def rows(self) -> Sequence[tuple[Mapping[K, float], float, float]]:
        """``lo <= sum(coef * var) <= hi`` as (coefficients, lo, hi)."""
        ...


class Infeasible(RuntimeError):
    """The published tables contradict each other (their data changed in between)."""


_banner_lock = threading.Lock()
_banner_done = False


def _highs() -> Any:
    """A quiet ``highspy.Highs`` (its first construction prints a banner on stdout)."""
    global _banner_done
    import highspy

    with _banner_lock:
        if not _banner_done:
            _banner_done = True
            with _stdout_silenced():
                h = highspy.Highs()  # type: ignore[no-untyped-call]
        else:
            h = highspy.Highs()  # type: ignore[no-untyped-call]
    h.setOptionValue("output_flag", False)
    return h


@contextlib.contextmanager
def _stdout_silenced() -> Iterator[None]:
    fd = 1  # HiGHS writes to the C stdout, whatever Python's sys.stdout is
    if sys.stdout is not None:
        with contextlib.suppress(OSError, ValueError):
            sys.stdout.flush()
    try:
        saved = os.dup(fd)
    except OSError:  # no stdout at all (a windowed program on Windows)
        yield
        return
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), fd)
        yield
    finally:
        os.dup2(saved, fd)
        os.close(saved)


class Solver(Generic[K]):
    """One HiGHS integer program over one component; min/max of single variables."""

    def __init__(self, model: IntegerModel[K], variables: list[K], rows: list[int]) -> None:
        import highspy
        import numpy as np

        self.index = {v: i for i, v in enumerate(variables)}
        n_x = len(variables)
        binaries = [v for v in variables if v in model.either]
        n = n_x + len(binaries)
        big = 1e6
        lower = [model.lower[v] for v in variables] + [0.0] * len(binaries)
        upper = [min(model.upper[v], big) for v in variables] + [1.0] * len(binaries)
        starts: list[int] = [0]
        index: list[int] = []
        value: list[float] = []
        row_lo: list[float] = []
        row_hi: list[float] = []
        for r in rows:
            coefs, lo, hi = model.rows[r]
            for v, c in coefs.items():
                if c:
                    index.append(self.index[v])
                    value.append(c)
            starts.append(len(index))
            row_lo.append(lo if lo != float("-inf") else -highspy.kHighsInf)
            row_hi.append(hi if hi != float("inf") else highspy.kHighsInf)
        # x is 0 or >= k:  x <= big * z  and  x >= k * z.
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
        self.n = n
        self.n_x = n_x
        self.h = _highs()
        self.h.setOptionValue("mip_rel_gap", 0.0)
        self.h.setOptionValue("mip_abs_gap", 0.0)
        self.h.passModel(lp)
        self._hs = highspy
        self._np = np
        self._costed: list[int] = []
        #: The integer solution of the last run that had one (values by column).
        self.solution: Any = None

    def run(self, costs: dict[K, float], maximize: bool) -> float:
        """Optimise ``sum(costs[v] * v)``: its best value (+-inf when unbounded).

        Keeps the solution found in ``solution`` (None when there is none).
        """
        hs, np = self._hs, self._np
        if self._costed:
            idx = np.array(self._costed, dtype=np.int32)
            self.h.changeColsCost(len(idx), idx, np.zeros(len(idx)))
        columns = [self.index[v] for v in costs]
        idx = np.array(columns, dtype=np.int32)
        self.h.changeColsCost(len(idx), idx, np.array(list(costs.values()), dtype=float))
        self._costed = columns
        sense = hs.ObjSense.kMaximize if maximize else hs.ObjSense.kMinimize
        self.h.changeObjectiveSense(sense)
        self.h.run()
        status = self.h.getModelStatus()
        self.solution = None
        if status == hs.HighsModelStatus.kOptimal:
            self.solution = self.h.getSolution().col_value
            return round(float(self.h.getInfo().objective_function_value))
        if status in (hs.HighsModelStatus.kUnbounded, hs.HighsModelStatus.kUnboundedOrInfeasible):
            return float("inf") if maximize else float("-inf")
        raise Infeasible(f"disclosure audit: the model has no solution ({status})")

    def extreme(self, v: K, maximize: bool) -> float:
        """The least (greatest) value of ``v``; +inf when unbounded above."""
        return self.run({v: 1.0}, maximize)

    def value(self, v: K) -> int | None:
        """``v`` in the last solution found (None when there is none)."""
        if self.solution is None:
            return None
        return round(float(self.solution[self.index[v]]))
