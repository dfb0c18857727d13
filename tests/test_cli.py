"""The command line, run as a real subprocess with the passphrase on standard input.

The child lowers the KDF floor *in code* (``python -c`` below) before calling ``main``;
the app itself has no switch, variable or file that could do that.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from groupkeeper import cli
from groupkeeper.demo import DEMO_PASSPHRASE

REPO = Path(__file__).resolve().parents[1]
CHILD = (
    "import sys\n"
    "from groupkeeper.storage import keyheader\n"
    "floor = keyheader.lowered_floor_for_tests()\n"
    "floor.__enter__()\n"
    "from groupkeeper.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


def run_cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # the headless commands must not need Qt
    return subprocess.run(
        [sys.executable, "-c", CHILD, *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=120,
    )


def one_clear_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr and "Error:" not in lines[0]
    assert lines[0].endswith(".")
    return lines[0]


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli") / "demo"
    result = run_cli("make-demo", str(folder), "--members", "30", "--groups", "2", "--years", "1")
    assert result.returncode == 0, result.stderr
    assert DEMO_PASSPHRASE in result.stdout
    assert (folder / "vault.db").is_file() and (folder / "vault.key").is_file()
    return folder


def test_check_sound_vault(demo_vault: Path) -> None:
    result = run_cli("check", str(demo_vault), "--passphrase-stdin", stdin=DEMO_PASSPHRASE + "\n")
    assert result.returncode == 0, result.stderr
    assert "sound" in result.stdout


def test_check_corrupted_copy_fails_with_one_line(demo_vault: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    copy.mkdir()
    for name in ("vault.db", "vault.key"):
        (copy / name).write_bytes((demo_vault / name).read_bytes())
    db = copy / "vault.db"
    data = bytearray(db.read_bytes())
    for offset in range(5000, 5200):  # inside the first pages, past the salt
        data[offset] ^= 0xFF
    db.write_bytes(bytes(data))
    before = db.read_bytes()
    result = run_cli("check", str(copy), "--passphrase-stdin", stdin=DEMO_PASSPHRASE + "\n")
    assert result.returncode == 1
    line = one_clear_line(result)
    assert "damaged" in line
    assert db.read_bytes() == before


def test_wrong_passphrase_is_one_clear_line(demo_vault: Path) -> None:
    key_before = (demo_vault / "vault.key").read_bytes()
    result = run_cli("check", str(demo_vault), "--passphrase-stdin", stdin="not the one\n")
    assert result.returncode == 1
    assert "not right" in one_clear_line(result)
    assert result.stdout == ""
    assert (demo_vault / "vault.key").read_bytes() == key_before


def test_no_passphrase_on_stdin(demo_vault: Path) -> None:
    result = run_cli("check", str(demo_vault), "--passphrase-stdin", stdin="")
    assert result.returncode == 1
    assert "No passphrase" in one_clear_line(result)


def test_missing_vault(tmp_path: Path) -> None:
    result = run_cli("check", str(tmp_path / "nothing"), "--passphrase-stdin", stdin="x" * 10)
    assert result.returncode == 1
    assert "No vault" in one_clear_line(result)


def test_backup_restore_round_trip(demo_vault: Path, tmp_path: Path) -> None:
    out = tmp_path / "usb" / "demo.gkbackup"
    result = run_cli(
        "backup", str(demo_vault), str(out), "--passphrase-stdin", stdin=DEMO_PASSPHRASE + "\n"
    )
    assert result.returncode == 0, result.stderr
    assert out.is_file() and "verified" in result.stdout
    restored = tmp_path / "restored"
    result = run_cli("restore", str(out), str(restored))
    assert result.returncode == 0, result.stderr
    result = run_cli("check", str(restored), "--passphrase-stdin", stdin=DEMO_PASSPHRASE + "\n")
    assert result.returncode == 0, result.stderr
    # Restoring never overwrites: a second restore into the same folder is refused.
    again = run_cli("restore", str(out), str(restored))
    assert again.returncode == 1
    assert "already exists" in one_clear_line(again)


def test_restore_rejects_a_damaged_backup(tmp_path: Path) -> None:
    bad = tmp_path / "bad.gkbackup"
    bad.write_bytes(b"GKBACKUP" + b"\0" * 100)
    result = run_cli("restore", str(bad), str(tmp_path / "new"))
    assert result.returncode == 1
    one_clear_line(result)
    assert not (tmp_path / "new").exists()


def test_recovery_key_from_stdin(tmp_path: Path) -> None:
    from groupkeeper.storage.vault import Vault

    vault, recovery_key = Vault.create(tmp_path / "v", "correct horse battery")
    vault.lock()
    result = run_cli("check", str(tmp_path / "v"), "--recovery-key-stdin", stdin=recovery_key)
    assert result.returncode == 0, result.stderr


def test_self_test_in_temporary_folder() -> None:
    result = run_cli("self-test")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Self-test passed")
    assert len(result.stdout.strip().splitlines()) == 1


def test_self_test_keeps_given_folder(tmp_path: Path) -> None:
    folder = tmp_path / "kept"
    result = run_cli("self-test", "--vault", str(folder))
    assert result.returncode == 0, result.stderr
    assert (folder / "vault.db").is_file()
    # The folder is now a vault: running again refuses to touch it.
    again = run_cli("self-test", "--vault", str(folder))
    assert again.returncode == 1
    assert "already exists" in one_clear_line(again)


def test_make_demo_refuses_absurd_size(tmp_path: Path) -> None:
    result = run_cli("make-demo", str(tmp_path / "d"), "--members", "20000")
    assert result.returncode == 1
    one_clear_line(result)
    assert not (tmp_path / "d").exists()


def test_export_is_registered_with_its_flags(tmp_path: Path) -> None:
    args = cli.build_parser().parse_args(
        ["export", "DIR", "--group", "G", "--from", "2026-01", "--to", "2026-03"]
        + ["--csv", "a.csv", "--pdf", "a.pdf", "--passphrase-stdin"]
    )
    assert (args.dir, args.group, args.from_month, args.to_month) == (
        "DIR",
        "G",
        "2026-01",
        "2026-03",
    )
    assert (args.csv, args.pdf, args.passphrase_stdin) == ("a.csv", "a.pdf", True)


def test_passphrase_is_never_an_argument() -> None:
    parser = cli.build_parser()
    options = {
        opt
        for action in parser._subparsers._group_actions[0].choices.values()  # type: ignore[union-attr]
        for a in action._actions
        for opt in a.option_strings
    }
    assert not {o for o in options if "passphrase" in o or "key" in o} - {
        "--passphrase-stdin",
        "--recovery-key-stdin",
    }
    source = Path(cli.__file__).read_text(encoding="utf-8")
    assert "os.environ" not in source and "getenv" not in source


def test_bug_exits_3_without_traceback(monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    def broken(_args: object) -> int:
        raise ValueError("Zanzibar secret text")

    monkeypatch.setitem(cli._COMMANDS, "restore", broken)
    assert cli.main(["restore", "a", "b"]) == 3
    err = capsys.readouterr().err
    assert "bug" in err and "Traceback" not in err and "Zanzibar" not in err


def test_headless_commands_do_not_import_qt(tmp_path: Path) -> None:
    code = CHILD.replace(
        "sys.exit(main(sys.argv[1:]))",
        "rc = main(sys.argv[1:]); assert 'PySide6' not in sys.modules; sys.exit(rc)",
    )
    result = subprocess.run(
        # self-test deliberately opens the main window, draws charts and writes a PDF
        # (the bundle check); the other headless commands must stay Qt-free.
        [sys.executable, "-c", code, "make-demo", str(tmp_path / "demo"), "--members", "8"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
