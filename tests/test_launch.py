"""The entry point's fast road to the window, and its hand-over to the full command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from groupkeeper import launch
from groupkeeper.storage.errors import WrongPassphrase

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], launch.WindowArgs()),
        (["--demo"], launch.WindowArgs(demo=True)),
        (["--vault", "D:/groups"], launch.WindowArgs(vault="D:/groups")),
        (["--vault=/media/usb/vault"], launch.WindowArgs(vault="/media/usb/vault")),
        (
            ["--demo", "--vault", "x", "--bench-startup"],
            launch.WindowArgs(demo=True, vault="x", bench_startup=True),
        ),
        (["--vault", "a folder with spaces"], launch.WindowArgs(vault="a folder with spaces")),
    ],
)
def test_window_flags_take_the_fast_road(argv: list[str], expected: launch.WindowArgs) -> None:
    assert launch.window_args(argv) == expected


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "vault"],  # a subcommand
        ["--help"],
        ["--version"],
        ["--traceback"],
        ["--vault"],  # missing folder: the parser explains
        ["--vault="],
        ["--vault", "--demo"],
        ["--demo", "--demo"],
        ["--vault", "a", "--vault", "b"],
        ["-platform", "offscreen"],  # Qt's own options go through the parser to Qt
        ["--dmeo"],  # unknown: the parser decides (it hands such flags to Qt)
    ],
)
def test_anything_else_goes_to_the_command_line(argv: list[str]) -> None:
    assert launch.window_args(argv) is None


def _run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GROUPKEEPER_HOME=str(home))
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "groupkeeper", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def test_version_help_and_subcommands_still_reach_the_parser(tmp_path: Path) -> None:
    done = _run("--version", home=tmp_path)
    assert done.returncode == 0
    assert done.stdout.startswith("GroupKeeper ")
    helped = _run("--help", home=tmp_path)
    assert helped.returncode == 0
    assert "self-test" in helped.stdout
    missing = _run("check", str(tmp_path / "nowhere"), home=tmp_path)
    assert missing.returncode == 1
    assert "No vault was found" in missing.stderr


def test_fast_road_words_known_errors_like_the_command_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import groupkeeper.ui.app as app

    def refuse(*_args: object, **_kwargs: object) -> int:
        raise WrongPassphrase("That passphrase is not right")

    monkeypatch.setattr(app, "run_app", refuse)
    assert launch.main(["--vault", "somewhere"]) == 1
    assert capsys.readouterr().err.strip() == "That passphrase is not right."


def test_fast_road_hides_a_bugs_message(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import groupkeeper.ui.app as app

    def broken(*_args: object, **_kwargs: object) -> int:
        raise ValueError("Zanzibar secret text")

    monkeypatch.setattr(app, "run_app", broken)
    assert launch.main(["--demo"]) == 3
    err = capsys.readouterr().err
    assert "a bug: ValueError" in err
    assert "Zanzibar" not in err and "Traceback" not in err


def test_fast_road_passes_the_flags(monkeypatch: pytest.MonkeyPatch) -> None:
    import groupkeeper.ui.app as app

    seen: dict[str, object] = {}

    def fake(argv: list[str], **kwargs: object) -> int:
        seen.update(kwargs, argv=argv)
        return 0

    monkeypatch.setattr(app, "run_app", fake)
    assert launch.main(["--demo", "--vault", "v"]) == 0
    assert seen["demo"] is True
    assert seen["vault_dir"] == Path("v")
    assert seen["bench_startup"] is False
    assert len(seen["argv"]) == 1  # type: ignore[arg-type]  (program name only, no flags for Qt)


def test_fast_road_collects_no_garbage_on_the_way_and_restores_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gc

    import groupkeeper.ui.app as app

    seen: list[bool] = []

    def fake(argv: list[str], **kwargs: object) -> int:
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setattr(app, "run_app", fake)
    was = gc.isenabled()
    gc.enable()
    try:
        assert launch.main(["--demo"]) == 0
        assert seen == [False]  # start-up ran without the cyclic collector
        assert gc.isenabled()  # and it is back for whoever called
    finally:
        if not was:
            gc.disable()


def test_quick_exit_runs_the_exit_handlers_and_deletes_the_app(tmp_path: Path) -> None:
    """``python -m groupkeeper`` ends with ``exit_now``: output flushed, the exit code kept,
    every exit handler run (PySide6's deletes the QApplication first: it is gone when the
    earliest-registered handler runs, last)."""
    from groupkeeper.storage.vault import Vault

    folder = tmp_path / "vault"
    Vault.create(folder, "kettle river purple bicycle")[0].lock()
    code = (
        "import atexit, runpy, sys\n"
        "def last():\n"
        "    from PySide6.QtCore import QCoreApplication\n"
        "    print('HANDLERS RAN; app left:', QCoreApplication.instance() is not None)\n"
        "atexit.register(last)\n"
        f"sys.argv = ['groupkeeper', '--bench-startup', '--vault', {str(folder)!r}]\n"
        "runpy.run_module('groupkeeper', run_name='__main__')\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GROUPKEEPER_HOME=str(tmp_path / "h"))
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "startup-shown:" in done.stdout
    assert done.stdout.rstrip().endswith("HANDLERS RAN; app left: False"), done.stdout


def test_quick_exit_waits_for_other_threads_the_normal_way() -> None:
    import threading

    release = threading.Event()
    other = threading.Thread(target=release.wait, daemon=False)
    other.start()
    try:
        with pytest.raises(SystemExit) as exited:
            launch.exit_now(4)  # a thread still runs: the normal exit, which waits for it
        assert exited.value.code == 4
    finally:
        release.set()
        other.join()


def test_font_config_loads_beside_the_imports_where_there_is_fontconfig() -> None:
    loader = launch.start_font_config()
    if loader is None:  # not Linux, or no fontconfig: Qt does the work itself, as before
        assert not sys.platform.startswith("linux") or not _has_fontconfig()
        return
    assert loader.daemon and loader.name == "fontconfig"
    loader.join(timeout=30)
    assert not loader.is_alive()


def _has_fontconfig() -> bool:
    import ctypes

    try:
        ctypes.CDLL("libfontconfig.so.1")
    except OSError:
        return False
    return True
