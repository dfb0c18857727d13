"""Real situations on the command line: each its own sentence on stderr and exit code 1.

Run as subprocesses, like a coordinator's script. Read-only folders are real read-only
bind mounts where the test may make them (``unshare -m``, root in CI); elsewhere those
cases are skipped here and covered in-process by injected ``EROFS``.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

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
PASS_IN = DEMO_PASSPHRASE + "\n"


def run_cli(
    *args: str, stdin: str = "", read_only: Path | None = None, no_terminal: bool = False
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)
    command = [sys.executable, "-c", CHILD, *args]
    if read_only is not None:
        ro = shlex.quote(str(read_only))
        command = [
            "unshare",
            "-m",
            "sh",
            "-c",
            f"mount --bind {ro} {ro} && mount -o remount,bind,ro {ro} && exec "
            + " ".join(shlex.quote(c) for c in command),
        ]
    return subprocess.run(
        command,
        input=stdin,
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=120,
        start_new_session=no_terminal,  # no controlling terminal: /dev/tty cannot open
    )


def known_problem(result: subprocess.CompletedProcess[str]) -> str:
    """The one sentence of a known problem (exit 1), never a bug or a traceback."""
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode == 1, result.stderr
    assert len(lines) == 1, result.stderr
    assert "bug" not in lines[0] and "Traceback" not in result.stderr
    assert lines[0].endswith(".")
    return lines[0]


def _can_mount_read_only(tmp: Path) -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = tmp / "probe"
    probe.mkdir(exist_ok=True)
    q = shlex.quote(str(probe))
    result = subprocess.run(
        ["unshare", "-m", "sh", "-c", f"mount --bind {q} {q} && mount -o remount,bind,ro {q}"],
        capture_output=True,
        timeout=30,
    )
    return result.returncode == 0


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("situations") / "demo"
    result = run_cli("make-demo", str(folder), "--members", "20", "--groups", "1", "--years", "1")
    assert result.returncode == 0, result.stderr
    return folder


@pytest.fixture(scope="module")
def read_only_mounts(tmp_path_factory: pytest.TempPathFactory) -> None:
    if not _can_mount_read_only(tmp_path_factory.mktemp("probe")):
        pytest.skip("cannot make a read-only bind mount here (needs unshare -m)")


def _bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_read_only_vault_folder_is_not_called_damaged(
    demo: Path, read_only_mounts: None, tmp_path: Path
) -> None:
    copy = tmp_path / "vault"
    shutil.copytree(demo, copy)
    before = _bytes(copy)
    result = run_cli("check", str(copy), "--passphrase-stdin", stdin=PASS_IN, read_only=copy)
    sentence = known_problem(result)
    assert "read-only" in sentence and "damaged" not in sentence
    assert _bytes(copy) == before


def test_missing_backup_file(tmp_path: Path) -> None:
    result = run_cli("restore", str(tmp_path / "nope.gkbackup"), str(tmp_path / "new"))
    sentence = known_problem(result)
    assert "nope.gkbackup was not found" in sentence and "USB" not in sentence
    assert not (tmp_path / "new").exists()


def test_restore_from_a_folder(tmp_path: Path) -> None:
    result = run_cli("restore", str(tmp_path), str(tmp_path / "new"))
    assert "is a folder" in known_problem(result)


def test_backup_onto_a_directory(demo: Path, tmp_path: Path) -> None:
    result = run_cli("backup", str(demo), str(tmp_path), "--passphrase-stdin", stdin=PASS_IN)
    assert "is a folder; give a file name" in known_problem(result)
    assert list(tmp_path.iterdir()) == []


def test_backup_to_an_unwritable_destination(
    demo: Path, read_only_mounts: None, tmp_path: Path
) -> None:
    dest = tmp_path / "stick"
    dest.mkdir()
    result = run_cli(
        "backup",
        str(demo),
        str(dest / "b.gkbackup"),
        "--passphrase-stdin",
        stdin=PASS_IN,
        read_only=dest,
    )
    sentence = known_problem(result)
    assert "b.gkbackup is on a read-only disk" in sentence and "USB" not in sentence
    assert list(dest.iterdir()) == []


def test_backup_into_proc(demo: Path) -> None:
    result = run_cli("backup", str(demo), "/proc/x.gkbackup", "--passphrase-stdin", stdin=PASS_IN)
    assert "/proc does not accept new files" in known_problem(result)


def test_backup_below_a_file(demo: Path, tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x")
    out = tmp_path / "afile" / "b.gkbackup"
    result = run_cli("backup", str(demo), str(out), "--passphrase-stdin", stdin=PASS_IN)
    assert "does not exist or is a file" in known_problem(result)


def test_export_to_an_unwritable_folder(demo: Path, read_only_mounts: None, tmp_path: Path) -> None:
    dest = tmp_path / "out"
    dest.mkdir()
    result = run_cli(
        "export",
        str(demo),
        "--csv",
        str(dest / "r.csv"),
        "--passphrase-stdin",
        stdin=PASS_IN,
        read_only=dest,
    )
    assert "r.csv is on a read-only disk" in known_problem(result)


def test_export_into_proc(demo: Path) -> None:
    result = run_cli(
        "export", str(demo), "--csv", "/proc/r.csv", "--passphrase-stdin", stdin=PASS_IN
    )
    assert "/proc/r.csv" in known_problem(result)


def test_no_terminal_and_no_passphrase_stdin(demo: Path) -> None:
    result = run_cli("check", str(demo), no_terminal=True)
    sentence = known_problem(result)
    assert "no terminal" in sentence and "--passphrase-stdin" in sentence


def test_missing_key_header_beside_a_database(demo: Path, tmp_path: Path) -> None:
    copy = tmp_path / "vault"
    shutil.copytree(demo, copy)
    (copy / "vault.key").unlink()
    before = _bytes(copy)
    # No secret is asked for: it could not help without the key file.
    result = run_cli("check", str(copy), no_terminal=True)
    sentence = known_problem(result)
    assert "vault.key is missing beside the database" in sentence
    assert "backup" in sentence and "No vault was found" not in sentence
    assert _bytes(copy) == before


def test_wider_modes_are_tightened_and_said_once(demo: Path, tmp_path: Path) -> None:
    copy = tmp_path / "vault"
    shutil.copytree(demo, copy)
    for path in (copy, *copy.iterdir()):
        os.chmod(path, 0o755 if path.is_dir() else 0o644)  # noqa: S103
    first = run_cli("check", str(copy), "--passphrase-stdin", stdin=PASS_IN)
    assert first.returncode == 0, first.stderr
    assert "readable by you only" in first.stderr
    second = run_cli("check", str(copy), "--passphrase-stdin", stdin=PASS_IN)
    assert second.returncode == 0 and second.stderr == ""


# ------------------------------------------- the same situations, injected in-process


@pytest.fixture
def vault_folder(tmp_path: Path) -> Path:
    from groupkeeper.storage.vault import Vault

    folder = tmp_path / "vault"
    Vault.create(folder, "correct horse battery")[0].lock()
    return folder


def test_read_only_mount_injected_is_read_only_not_corrupt(
    vault_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from groupkeeper.storage.errors import ReadOnly
    from groupkeeper.storage.vault import Vault

    real = os.statvfs

    class ReadOnlyMount:
        def __init__(self, path: object) -> None:
            self.f_flag = real(path).f_flag | os.ST_RDONLY  # type: ignore[arg-type]

    before = _bytes(vault_folder)
    monkeypatch.setattr(os, "statvfs", ReadOnlyMount)
    with pytest.raises(ReadOnly, match="read-only"):
        Vault.unlock(vault_folder, "correct horse battery")
    assert _bytes(vault_folder) == before


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (13, "No permission to write"),  # EACCES: not "the vault folder", not a stick
        (30, "is on a read-only disk"),  # EROFS
        (28, "disk is full"),  # ENOSPC
        (5, "USB stick"),  # EIO: a pulled stick really is one
    ],
)
def test_backup_destination_faults_name_the_destination(
    vault_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str
) -> None:
    from groupkeeper import fileio
    from groupkeeper.storage import backup
    from groupkeeper.storage.errors import KnownError
    from groupkeeper.storage.vault import Vault

    def refuse(path: Path) -> int:
        raise OSError(code, os.strerror(code), str(path))

    with Vault.unlock(vault_folder, "correct horse battery") as vault:
        monkeypatch.setattr(fileio, "open_private", refuse)
        with pytest.raises(KnownError, match=words) as caught:
            backup.write_backup(vault, tmp_path / "dest" / "b.gkbackup")
    assert "vault folder" not in str(caught.value)
