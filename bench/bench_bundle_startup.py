"""Start-up of the installed app: the PyInstaller bundle against a bundled bare window.

A facilitator starts the bundle, not ``python -m groupkeeper``: its Python runs from a
compressed archive of bytecode, with PyInstaller's run-time hooks before any app code, so
the bundle's start-up is measured on its own. Builds ``build.spec`` and, as the baseline,
the bare ``QMainWindow`` script of ``bench_startup`` bundled by the same PyInstaller with
its defaults (about a minute for both; needs ``.[build]``). Set
``GROUPKEEPER_BENCH_BUNDLE`` to an already built ``dist/groupkeeper`` folder to skip
building the app.

Both bundles then run alternately, as in ``bench_startup``: the whole process (start to
the unlock screen, then exit) and, from the same runs, until the first window is shown
(both print ``time.monotonic_ns()`` from a zero-delay timer queued after ``show()``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.bench_startup import BARE_WINDOW, TARGET_RATIO, _timed
from bench.common import (
    REPO_ROOT,
    Row,
    bench_env,
    demo_vault,
    facilitator_settings,
    median_of,
)


def _pyinstaller() -> str | None:
    return shutil.which("pyinstaller", path=str(Path(sys.executable).parent))


def _build(pyinstaller: str, args: list[str], cwd: Path) -> None:
    subprocess.run(
        [pyinstaller, *args, "--noconfirm", "--log-level", "ERROR"],
        check=True,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=900,
    )


def _bundles(work: Path, pyinstaller: str) -> tuple[Path, Path]:
    """(the app's GUI program, the bare window's program), built under ``work``."""
    given = os.environ.get("GROUPKEEPER_BENCH_BUNDLE")
    if given:
        app = Path(given) / "groupkeeper"
    else:
        dist, build = work / "app-dist", work / "app-build"
        _build(
            pyinstaller,
            ["build.spec", "--distpath", str(dist), "--workpath", str(build)],
            REPO_ROOT,
        )
        app = dist / "groupkeeper" / "groupkeeper"
    script = work / "bare.py"
    script.write_text(BARE_WINDOW, encoding="utf-8")
    _build(
        pyinstaller,
        [
            "--onedir",
            str(script),
            "--distpath",
            str(work / "bare-dist"),
            "--workpath",
            str(work / "bare-build"),
            "--specpath",
            str(work),
        ],
        work,
    )
    return app, work / "bare-dist" / "bare" / "bare"


def run(quick: bool) -> list[Row]:
    """Time the bundled app and the bundled bare window, alternating."""
    pyinstaller = _pyinstaller()
    if pyinstaller is None:
        return [
            Row.not_available(
                "bundle: start to unlock screen", TARGET_RATIO, "pyinstaller not installed"
            )
        ]
    runs = 5 if quick else 15
    work = Path(tempfile.mkdtemp(prefix="gk-bench-bundle-start-"))
    try:
        try:
            app, bare_program = _bundles(work, pyinstaller)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            why = f"a bundle did not build: {type(exc).__name__}"
            return [Row.not_available("bundle: start to unlock screen", TARGET_RATIO, why)]
        env = bench_env()
        vault = demo_vault(40, 2, 1)
        facilitator_settings(env, vault)
        app_cmd = [str(app), "--bench-startup", "--vault", str(vault)]
        bare_cmd = [str(bare_program)]
        _timed(app_cmd, env)  # warm-up, untimed: the OS file cache
        _timed(bare_cmd, env)
        app_whole, app_shown, bare_whole, bare_shown = [], [], [], []
        for _ in range(runs):
            whole, shown, _cpu = _timed(app_cmd, env)
            app_whole.append(whole)
            app_shown.append(shown)
            whole, shown, _cpu = _timed(bare_cmd, env)
            bare_whole.append(whole)
            bare_shown.append(shown)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    bare = median_of(bare_whole)
    bare_to_shown = median_of(bare_shown)
    return [
        Row("bundled bare QMainWindow, whole process (baseline)", bare, None, float("inf")),
        Row("bundle: start to unlock screen", median_of(app_whole), bare, TARGET_RATIO),
        Row(
            "bundled bare QMainWindow until shown (exit excluded)",
            bare_to_shown,
            None,
            float("inf"),
        ),
        Row(
            "bundle: start until unlock screen shown (exit excluded)",
            median_of(app_shown),
            bare_to_shown,
            float("inf"),
        ),
    ]
