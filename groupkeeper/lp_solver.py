"""Integer programs of the disclosure audit, solved by HiGHS (highspy's compiled core).

``disclosure_audit`` builds a model (bounds, linear rows, "0 or at least k" variables) and
asks ``Solver`` for the least and greatest value of single variables over one connected
part of it. Everything about HiGHS lives here, so the audit itself is plain Python.

Without numpy: the package ``highspy`` imports numpy (38 MB in the bundle with its
OpenBLAS and gfortran) for its modelling layer, which the audit does not use. The
compiled binding ``highspy._core`` (pybind11) takes plain Python lists for everything
the audit passes except ``HighsLp.col_cost_`` and the array arguments of
``changeColsCost``/``addRow``..., whose conversion imports numpy. So ``core()`` loads
``highspy/_core`` straight from highspy's folder without running the package's
``__init__``, the model gets its column costs from ``getLp()`` of a model built column
by column (``addVar``), and costs change one column at a time (``changeColCost``). A
test checks in a subprocess that solving imports no numpy, and that the program HiGHS
receives is the one the numpy-built model gave (tests/test_lp_solver.py).
"""

from __future__ import annotations

import contextlib
import importlib.machinery
import importlib.util
import os
import sys
import threading
from collections.abc import Hashable, Iterator, Mapping, Sequence
from types import ModuleType
from typing import Any, Generic, Protocol, TypeVar

K = TypeVar("K", bound=Hashable)

#: The compiled binding's module name; ``import highspy`` registers it under this name too.
CORE = "highspy._core"


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


_core_lock = threading.Lock()


def core() -> ModuleType:
    """highspy's compiled HiGHS binding, loaded without ``highspy/__init__`` (no numpy).

    If ``highspy`` (or its core) is loaded already, that module is used: a pybind11
    module cannot be initialised twice in one process. The module is registered as
    ``highspy._core`` so a later ``import highspy`` shares it.

    Raises:
        ImportError: highspy is not installed, or has no compiled core where expected.
    """
    with _core_lock:
        loaded = sys.modules.get(CORE)
        if loaded is not None:
            return loaded
        return _load_core()


def _load_core() -> ModuleType:
    package = importlib.util.find_spec("highspy")  # finds, does not import
    folders = list(package.submodule_search_locations or []) if package else []
    if not folders:
        raise ImportError("highspy is not installed (the export audit's solver)")
    finder_args = (importlib.machinery.ExtensionFileLoader, importlib.machinery.EXTENSION_SUFFIXES)
    for folder in folders:
        spec = importlib.machinery.FileFinder(folder, finder_args).find_spec(CORE)
        if spec is not None and spec.loader is not None:
            break
    else:
        raise ImportError(f"highspy has no compiled core in {folders}")
    if sys.platform == "win32":
        # What highspy's __init__ does first on Windows (delvewheel): the core links the
        # C++ runtime it ships in highspy.libs/, beside the package.
        libs = os.path.join(os.path.dirname(os.path.abspath(folder)), "highspy.libs")
        if os.path.isdir(libs):
            os.add_dll_directory(libs)
    module = importlib.util.module_from_spec(spec)  # runs the extension's init
    sys.modules[CORE] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[CORE]
        raise
    return module


_banner_lock = threading.Lock()
_banner_done = False


def _highs() -> Any:
    """A quiet HiGHS instance (its first construction prints a banner on stdout).

    ``highspy._core._Highs`` is what ``highspy.Highs`` extends with a Python modelling
    layer and callbacks the audit does not use.
    """
    global _banner_done
    hs = core()
    with _banner_lock:
        if not _banner_done:
            _banner_done = True
            with _stdout_silenced():
                h = hs._Highs()
        else:
            h = hs._Highs()
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
        highspy = core()
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
        self.n = n
        self.n_x = n_x
        self.h = _highs()
        self.h.setOptionValue("mip_rel_gap", 0.0)
        self.h.setOptionValue("mip_abs_gap", 0.0)
        # n columns with cost 0: setting HighsLp.col_cost_ would import numpy (see the
        # module docstring); getLp() copies the model with its costs, the rest is replaced.
        for _ in range(n):
            self.h.addVar(0.0, 0.0)
        lp = self.h.getLp()
        lp.num_col_ = n
        lp.num_row_ = len(row_lo)
        lp.col_lower_ = [float(x) for x in lower]
        lp.col_upper_ = [u if u < big else highspy.kHighsInf for u in upper]
        lp.row_lower_ = [float(x) for x in row_lo]
        lp.row_upper_ = [float(x) for x in row_hi]
        lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
        lp.a_matrix_.start_ = starts
        lp.a_matrix_.index_ = index
        lp.a_matrix_.value_ = [float(x) for x in value]
        lp.integrality_ = [highspy.HighsVarType.kInteger] * n
        self.h.passModel(lp)
        self._hs = highspy
        self._costed: list[int] = []
        #: The integer solution of the last run that had one (values by column).
        self.solution: Any = None

    def run(self, costs: dict[K, float], maximize: bool) -> float:
        """Optimise ``sum(costs[v] * v)``: its best value (+-inf when unbounded).

        Keeps the solution found in ``solution`` (None when there is none).
        """
        hs = self._hs
        # One column at a time: changeColsCost's arrays would import numpy.
        for column in self._costed:
            self.h.changeColCost(column, 0.0)
        columns = [self.index[v] for v in costs]
        for column, cost in zip(columns, costs.values(), strict=True):
            self.h.changeColCost(column, float(cost))
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
