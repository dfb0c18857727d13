"""Start-up in a subprocess: the first window appears before the storage stack loads."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from groupkeeper.ui import crash
from groupkeeper.ui.crash_dialog import CrashDialog
from groupkeeper.ui.services import VAULT_FILES

ROOT = Path(__file__).resolve().parents[1]


def _run(tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """``python -m groupkeeper`` as a facilitator starts it, quitting at the first window."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["GROUPKEEPER_HOME"] = str(tmp_path / "home")
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "groupkeeper", "--bench-startup"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )


@pytest.mark.parametrize("with_vault", [False, True])
def test_first_window_before_storage_imports(tmp_path: Path, with_vault: bool) -> None:
    if with_vault:
        from groupkeeper.storage.vault import Vault

        Vault.create(tmp_path / "home" / "data" / "vault", "kettle river purple bicycle")[0].lock()
    result = _run(tmp_path)
    assert result.returncode == 0, result.stderr
    lines = [ln for ln in result.stdout.splitlines() if ln.startswith("startup-modules:")]
    assert lines, result.stdout
    loaded = lines[0].split(":", 1)[1].split(",")
    assert "groupkeeper.ui.unlock" in loaded  # the report lists what was imported
    assert "sqlite_utils" not in loaded
    assert "argon2" not in loaded
    assert "cryptography" not in loaded
    # The fast road skips the command line's module (its subcommands' imports), and the
    # first screen never touches PySide6's Qt namespace: both are measurable shares of
    # the start-up budget (bench/bench_startup.py).
    assert "groupkeeper.cli" not in loaded
    # Nor anything that only reports, meetings or sharing need (highspy's compiled core
    # is the export audit's solver, and loads only when an export runs; numpy never does).
    for module in (
        "numpy",
        "highspy._core",
        "groupkeeper.reports_export",
        "groupkeeper.disclosure_audit",
        "groupkeeper.meeting",
        "groupkeeper.sync",
        "groupkeeper.ui.reports",
        "groupkeeper.ui.charts",
    ):
        assert module not in loaded
    if with_vault:
        # On the unlock screen ``native`` calls C without the ctypes package, and the
        # worker, message boxes and error classes wait for the Unlock button.
        for module in (
            "ctypes",
            "groupkeeper.ui.worker",
            "groupkeeper.ui.messages",
            "groupkeeper.storage.errors",
        ):
            assert module not in loaded
    if with_vault:
        # PySide6 builds a class and its enums on first use: message boxes, file dialogs,
        # icons and the event classes a plain-QEvent handler pulls in are not part of the
        # unlock screen's first frame. Nor are the busy bar (built on first use), the
        # column's size policy and Qt's own translation (QLibraryInfo), both set after the
        # first frame, and QMetaMethod (``QTimer.singleShot`` with a receiver builds it).
        lines = [ln for ln in result.stdout.splitlines() if ln.startswith("startup-classes:")]
        assert lines, result.stdout
        classes = lines[0].split(":", 1)[1].split(",")
        assert "QWidget" in classes  # the report lists what was built
        for name in (
            "QMessageBox",
            "QFileDialog",
            "QIcon",
            "QProgressBar",
            "QSizePolicy",
            "QLibraryInfo",
            "QMetaMethod",
            # one of the 53 event classes a plain-QEvent handler (``changeEvent``) builds
            "QWindowStateChangeEvent",
        ):
            assert name not in classes, name
        # The unlock screen never touches PySide6's Qt namespace; the first-run wizard
        # (once per install) may.
        assert "Qt" not in classes


def test_vault_file_names_match_storage() -> None:
    from groupkeeper.storage import vault

    assert set(VAULT_FILES) == {vault.KEY_HEADER, vault.VAULT_DB}


def test_crash_report_has_no_message_or_locals() -> None:
    def fail(member_name: str) -> None:
        raise ValueError(f"bad value for {member_name}")

    name = "".join(["Zebe", "dee Quill", "feather"])  # data, not a literal in any source line
    try:
        fail(name)
    except ValueError as exc:
        report = crash.format_report(type(exc), exc.__traceback__)
    assert "builtins.ValueError" in report
    assert "in fail" in report
    assert "Zebedee" not in report


def test_crash_dialog_details_hidden_until_asked(qtbot) -> None:
    dialog = CrashDialog("builtins.ValueError\n  x.py:1 in f")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.details.isVisible()
    dialog.details_button.click()
    assert dialog.details.isVisible()
    assert "ValueError" in dialog.details.toPlainText()


def test_a_known_error_that_reaches_the_excepthook_is_worded_not_a_bug(qapp) -> None:  # type: ignore[no-untyped-def]
    """A slot that forgot to catch a pulled USB stick still gives a clear sentence."""
    from groupkeeper.storage.errors import VaultGone
    from groupkeeper.ui import crash, messages

    answers: list[tuple[str, str, str]] = []
    messages.set_test_responder(
        lambda kind, title, text: answers.append((kind, title, text)) or True
    )
    try:
        crash.excepthook(VaultGone, VaultGone(), None)
    finally:
        messages.set_test_responder(None)
    assert [kind for kind, _, _ in answers] == ["error"]
    assert "USB stick" in answers[0][2]


def test_unlocked_roster_does_not_load_numpy(tmp_path: Path) -> None:
    """numpy (about 18 MB) and highspy belong to the export audit only: unlocking and
    loading the roster must not import them (sqlite-utils would import numpy if let).
    No sqlite-utils plugin gets the decrypted connection either."""
    from groupkeeper.storage.vault import Vault

    folder = tmp_path / "vault"
    Vault.create(folder, "kettle river purple bicycle")[0].lock()
    code = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from groupkeeper.settings import Settings
from groupkeeper.ui.services import Services
from groupkeeper.ui.roster import RosterScreen
app = QApplication([])
from groupkeeper.storage import keyheader
services = Services(Settings(), Path(sys.argv[1]))
with keyheader.lowered_floor_for_tests():  # the test vault's KDF, as in this process
    services.unlock("kettle river purple bicycle")
screen = RosterScreen(services)
screen.refresh()
screen.show()
app.processEvents()
print("loaded:" + ",".join(m for m in ("numpy", "highspy._core", "pandas", "importlib.metadata")
                           if m in sys.modules))
services.lock()
"""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GROUPKEEPER_HOME=str(tmp_path / "home"))
    env["PYTHONPATH"] = str(ROOT)
    result = subprocess.run(
        [sys.executable, "-c", code, str(folder)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "loaded:\n" in result.stdout + "\n", result.stdout
    # After that, an export can still import them.
    import numpy  # noqa: F401


def test_unlock_and_screens_drop_cached_module_sources(tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """PySide6's import hook reads every later module's source and linecache keeps it
    (several MB); the unlock and each lazily imported screen drop it again."""
    import linecache

    from groupkeeper.settings import Settings
    from groupkeeper.storage.vault import Vault
    from groupkeeper.ui import worker
    from groupkeeper.ui.main_window import MainWindow
    from groupkeeper.ui.services import Services

    folder = tmp_path / "vault"
    Vault.create(folder, "kettle river purple bicycle")[0].lock()
    services = Services(Settings(tmp_path / "settings.json"), folder)
    window = MainWindow(services)
    qtbot.addWidget(window)
    linecache.getlines(__file__)  # as the hook does for each module it sees imported
    assert linecache.cache
    services.unlock("kettle river purple bicycle")
    assert not linecache.cache
    linecache.getlines(__file__)
    window.unlock_screen.unlocked.emit()  # Home is built
    # Home's sync status imports the sync code in a background task: its sources are
    # dropped when the task's answer arrives.
    qtbot.waitUntil(lambda: not worker.busy())
    assert not linecache.cache
    linecache.getlines(__file__)
    window.show_roster()  # imported on first use
    qtbot.waitUntil(lambda: not worker.busy())
    assert not linecache.cache
    window.lock()
