"""The wrong-passphrase delay survives restarts (a small side file), as a speed bump.

It is no protection against someone with a copy of the files (they guess offline); it
stops a person at the keyboard from resetting the delay by restarting the app or the CLI.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from groupkeeper import paths
from groupkeeper.storage import vault as vault_module
from groupkeeper.storage.errors import WrongPassphrase
from groupkeeper.storage.vault import Vault

PASS = "correct horse battery"
REPO = Path(__file__).resolve().parents[1]
CHILD = (
    "import sys\n"
    "from groupkeeper.storage import keyheader, vault\n"
    "floor = keyheader.lowered_floor_for_tests()\n"
    "floor.__enter__()\n"
    "waited = []\n"
    "vault._sleep = waited.append\n"
    "from groupkeeper.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "print('WAITED', sum(waited))\n"
    "sys.exit(code)\n"
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "Maria's vault"
    Vault.create(path, PASS)[0].lock()
    return path


def _restart() -> None:
    vault_module._failures.clear()  # a new process remembers nothing in memory


def test_delay_survives_a_restart(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vault_module, "_sleep", lambda seconds: None)
    for _ in range(3):
        with pytest.raises(WrongPassphrase):
            Vault.unlock(folder, "wrong passphrase")
        _restart()
    assert vault_module.delay_before_next_attempt(folder) == 2.0
    side = paths.config_dir() / vault_module.ATTEMPTS_FILE
    assert stat.S_IMODE(side.stat().st_mode) == 0o600 or os.name == "nt"
    text = side.read_text(encoding="utf-8")
    assert "Maria" not in text and str(folder) not in text  # only a hash of the folder
    with Vault.unlock(folder, PASS):
        pass
    _restart()
    assert vault_module.delay_before_next_attempt(folder) == 0.0
    assert vault_module._folder_key(folder) not in json.loads(side.read_text(encoding="utf-8"))


def test_old_misses_are_forgotten(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vault_module, "_sleep", lambda seconds: None)
    for _ in range(4):
        with pytest.raises(WrongPassphrase):
            Vault.unlock(folder, "wrong passphrase")
    _restart()
    later = vault_module.time.time() + vault_module.FORGET_MISSES_AFTER_SECONDS + 1
    monkeypatch.setattr(vault_module.time, "time", lambda: later)
    assert vault_module.delay_before_next_attempt(folder) == 0.0


def test_an_unwritable_side_file_keeps_the_delay_in_memory(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(vault_module, "_sleep", lambda seconds: None)

    def read_only(path: Path, data: bytes) -> None:
        raise OSError(30, "Read-only file system", str(path))  # EROFS

    monkeypatch.setattr(vault_module.fileio, "atomic_write_bytes", read_only)
    for _ in range(3):
        with pytest.raises(WrongPassphrase):
            Vault.unlock(folder, "wrong passphrase")
    assert vault_module.delay_before_next_attempt(folder) == 2.0


def test_each_cli_call_waits_what_the_previous_ones_earned(folder: Path) -> None:
    env = dict(os.environ)  # GROUPKEEPER_HOME: the test's own home, shared by the calls
    env.pop("QT_QPA_PLATFORM", None)
    waited = []
    for _ in range(4):
        done = subprocess.run(
            [sys.executable, "-c", CHILD, "check", str(folder), "--passphrase-stdin"],
            input="not the passphrase\n",
            capture_output=True,
            text=True,
            cwd=REPO,
            env=env,
            timeout=120,
        )
        assert done.returncode == 1, done.stderr
        waited.append(float(done.stdout.split("WAITED")[1]))
    assert waited == [0.0, 0.0, 1.0, 2.0]
