"""``groupkeeper import-csv``: the Roster's CSV import for scripts, through the operation.

End to end in a child process on a real vault (passphrase on standard input), and in
process to see that it performs the same ``member.import`` operation as the dialog. The
output names rows by number and reason only: no name from the file reaches the terminal.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pytest

from groupkeeper import csv_import, ops
from groupkeeper.model import Group
from groupkeeper.storage.errors import InvalidInput
from groupkeeper.storage.repos import Store
from groupkeeper.storage.vault import Vault

sys.path.insert(0, str(Path(__file__).parent))
from test_cli import one_clear_line, run_cli  # noqa: E402

PASS = "kettle river purple bicycle"
CSV = (
    "Nombre,Teléfono,Birthday\n"
    "Maya,0123,May\n"
    ",0456,June\n"  # row 3: no name
    "Zoë,0789,July\n"
    "Maya,0123,May\n"  # row 5: the same person as row 2
)


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "vault"
    vault, _key = Vault.create(folder, PASS)
    try:
        Store(vault.db, vault.folder).groups.add(Group(name="Tuesday Circle"))
    finally:
        vault.lock()
    return folder


def _members(folder: Path) -> list[tuple[str, str, list[int]]]:
    vault = Vault.unlock(folder, PASS)
    try:
        store = Store(vault.db, vault.folder)
        return [(m.display_name, m.phone, m.group_ids) for m in store.members.all()]
    finally:
        vault.lock()


def _csv(tmp_path: Path, text: str = CSV) -> Path:
    path = tmp_path / "people.csv"
    path.write_text(text, "utf-8")
    return path


def test_import_csv_adds_the_good_rows_and_names_no_one(vault_dir: Path, tmp_path: Path) -> None:
    result = run_cli(
        "import-csv",
        str(vault_dir),
        str(_csv(tmp_path)),
        "--group",
        "Tuesday Circle",
        "--passphrase-stdin",
        stdin=PASS + "\n",
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "Row 3: missing name." in lines
    assert "Row 5: duplicate." in lines
    assert "Columns not imported: 1." in lines
    assert lines[-1] == "Imported 2 member(s); 2 row(s) skipped."
    for private in ("Maya", "Zoë", "0123", "May", "Birthday"):
        assert private not in result.stdout + result.stderr
    members = _members(vault_dir)
    assert [(name, phone) for name, phone, _ in members] == [("Maya", "0123"), ("Zoë", "0789")]
    assert all(groups == [1] for _, _, groups in members)

    # The same file again: both are on the roster now, nothing is added twice.
    again = run_cli(
        "import-csv", str(vault_dir), str(_csv(tmp_path)), "--passphrase-stdin", stdin=PASS + "\n"
    )
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines()[-1] == "Imported 0 member(s); 4 row(s) skipped."
    assert len(_members(vault_dir)) == 2


def test_dry_run_changes_nothing(vault_dir: Path, tmp_path: Path) -> None:
    result = run_cli(
        "import-csv",
        str(vault_dir),
        str(_csv(tmp_path)),
        "--dry-run",
        "--passphrase-stdin",
        stdin=PASS + "\n",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == (
        "Dry run: 2 member(s) would be imported, 2 row(s) skipped. Nothing was changed."
    )
    assert _members(vault_dir) == []


def test_refusals_are_one_clear_line_and_change_nothing(vault_dir: Path, tmp_path: Path) -> None:
    unknown = run_cli(
        "import-csv",
        str(vault_dir),
        str(_csv(tmp_path)),
        "--group",
        "Thursday",
        "--passphrase-stdin",
        stdin=PASS + "\n",
    )
    assert unknown.returncode == 1
    assert "Groups in this vault: Tuesday Circle." in one_clear_line(unknown)
    binary = tmp_path / "photo.csv"
    binary.write_bytes(b"\x00\xff\xfe\x00" * 100)
    refused = run_cli(
        "import-csv", str(vault_dir), str(binary), "--passphrase-stdin", stdin=PASS + "\n"
    )
    assert refused.returncode == 1
    one_clear_line(refused)
    assert _members(vault_dir) == []


def test_import_csv_performs_the_member_import_operation(
    vault_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    performed: list[str] = []
    real_perform = ops.perform

    def watched(store: Store, op: ops.Op) -> ops.OpResult:
        performed.append(op.name)
        return real_perform(store, op)

    monkeypatch.setattr(ops, "perform", watched)
    args = argparse.Namespace(file=str(_csv(tmp_path)), dir=str(vault_dir), group=None)
    args.dry_run = False
    said: list[str] = []
    opened: list[Vault] = []

    def open_vault(_args: argparse.Namespace, folder: Path) -> Vault:
        opened.append(Vault.unlock(folder, PASS))
        return opened[-1]

    assert csv_import.run_import(args, open_vault, said.append) == 0
    assert performed == ["member.import"]
    assert said[-1] == "Imported 2 member(s); 2 row(s) skipped."
    assert opened[0]._key is None  # locked again before returning
    with pytest.raises(InvalidInput):
        csv_import.run_import(
            argparse.Namespace(file=str(_csv(tmp_path)), dir=str(vault_dir), group="Nope"),
            open_vault,
            said.append,
        )
    assert opened[1]._key is None
