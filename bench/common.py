"""Shared helpers for benchmarks: the result row, timing, and running subprocesses.

A benchmark module is any ``bench/bench_*.py`` that defines::

    def run(quick: bool) -> list[Row]

Each :class:`Row` compares a measured median with a baseline measured in the same run
(``ratio = median / baseline``) or, when there is no natural baseline, with an absolute
target (``baseline`` is then None and ``target`` is in the measured unit). A row whose
measurement is impossible right now (a feature not built yet) sets ``available=False``
and says why in ``note``; it counts as not met, but does not stop the other benchmarks.
"""

from __future__ import annotations

import atexit
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Row:
    """One measured quantity and whether it meets its target.

    Attributes:
        name: What was measured, in words.
        median: Median of the runs (seconds unless ``unit`` says otherwise).
        baseline: Median of the baseline in the same run, or None for absolute targets.
        target: Maximum ratio (if ``baseline`` is set) or maximum value (if not).
        unit: Unit of ``median`` and ``baseline`` for display: "s", "ms" or "MB".
        available: False if the measurement could not be made (see ``note``).
        note: Short explanation shown in the table.
        target_min: Optional lower bound of an absolute target range (e.g. unlock
            must take at least 0.3 s: faster means a weaker key derivation).
    """

    name: str
    median: float | None
    baseline: float | None
    target: float
    unit: str = "s"
    available: bool = True
    note: str = ""
    target_min: float | None = None

    @property
    def ratio(self) -> float | None:
        """``median / baseline``, or None when there is no baseline."""
        if self.median is None or not self.baseline:
            return None
        return self.median / self.baseline

    @property
    def met(self) -> bool:
        """True if the measurement exists and is within its target."""
        if not self.available or self.median is None:
            return False
        if self.baseline is not None:
            ratio = self.ratio
            return ratio is not None and ratio <= self.target
        if self.target_min is not None and self.median < self.target_min:
            return False
        return self.median <= self.target

    @classmethod
    def not_available(cls, name: str, target: float, note: str) -> Row:
        """A row for a benchmark that cannot run yet."""
        return cls(name, None, None, target, available=False, note=note)


def median_of(samples: Sequence[float]) -> float:
    """Median of a non-empty sequence of samples."""
    if not samples:
        raise ValueError("no samples")
    return statistics.median(samples)


def time_call(fn: Callable[[], object], repeat: int) -> list[float]:
    """Wall-clock seconds of ``repeat`` calls of ``fn``."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return samples


def bench_env() -> dict[str, str]:
    """Environment for benchmark subprocesses: offscreen Qt and a throwaway home folder.

    Benchmarks never touch the real user's vault or settings.
    """
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = tempfile.mkdtemp(prefix="gk-bench-")
    atexit.register(shutil.rmtree, home, ignore_errors=True)
    env["GROUPKEEPER_HOME"] = home
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    return env


def facilitator_settings(env: dict[str, str], vault: Path) -> None:
    """Write the settings file a facilitator's laptop has after the first run into the
    throwaway home of ``env`` (language, text size, theme, vault folder, tour seen), so
    start-up benchmarks read one as the app does every week.
    """
    from groupkeeper.settings import Settings

    settings = Settings(Path(env["GROUPKEEPER_HOME"]) / "config" / "settings.json")
    settings.set("language", "en")
    settings.set("vault_dir", str(vault))
    settings.set("tour_done", True)


def time_process(args: Sequence[str], env: dict[str, str], timeout: float = 60) -> float:
    """Wall-clock seconds of one subprocess run, raising if it fails.

    Raises:
        subprocess.CalledProcessError: If the process exits non-zero.
    """
    start = time.perf_counter()
    subprocess.run(
        list(args),
        env=env,
        cwd=REPO_ROOT,
        check=True,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        timeout=timeout,
    )
    return time.perf_counter() - start


def python() -> str:
    """The interpreter running the benchmarks (the project's venv)."""
    return sys.executable


_demo_vaults: dict[tuple[int, int, int], Path] = {}


def demo_vault(members: int, groups: int, years: int) -> Path:
    """A locked demo vault of that size (real KDF floor), made once per bench run.

    The folder is removed when the run ends. The passphrase is ``demo.DEMO_PASSPHRASE``;
    ``today`` is fixed so every run measures the same data.
    """
    import datetime as dt

    from groupkeeper import demo

    key = (members, groups, years)
    if key not in _demo_vaults:
        root = Path(tempfile.mkdtemp(prefix="gk-bench-vault-"))
        atexit.register(shutil.rmtree, root, ignore_errors=True)
        folder = root / "vault"
        demo.make_demo_vault(
            folder, members=members, groups=groups, years=years, today=dt.date(2026, 1, 1)
        )
        _demo_vaults[key] = folder
    return _demo_vaults[key]


def run_json(args: Sequence[str], env: dict[str, str], timeout: float = 120) -> str:
    """Run a subprocess and return its last stdout line (benchmarks print JSON there).

    Raises:
        subprocess.CalledProcessError: If the process exits non-zero.
    """
    done = subprocess.run(
        list(args),
        env=env,
        cwd=REPO_ROOT,
        check=True,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=timeout,
    )
    return done.stdout.decode().strip().splitlines()[-1]
