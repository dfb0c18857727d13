"""SQLite errors become known errors by their result code, never by their message text."""

from __future__ import annotations

from pathlib import Path

import pytest

from groupkeeper.storage import _sqlcipher
from groupkeeper.storage.errors import DiskFull, ReadOnly, VaultBusy, VaultGone
from groupkeeper.storage.faults import guarded, known_error_for_sqlite


def _error(code: int | None, text: str = "whatever the message says") -> Exception:
    exc = _sqlcipher.OperationalError(text)
    if code is not None:
        exc.sqlite_errorcode = code  # type: ignore[attr-defined]
    return exc


def test_a_real_read_only_connection_is_read_only(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    _sqlcipher.connect(str(path)).execute("CREATE TABLE t (x)").connection.commit()
    conn = _sqlcipher.connect(str(path), read_only=True)
    with pytest.raises(ReadOnly), guarded(tmp_path):
        conn.execute("INSERT INTO t VALUES (1)")


@pytest.mark.parametrize(
    ("code", "known"),
    [
        (_sqlcipher.dbapi2.SQLITE_FULL, DiskFull),
        (_sqlcipher.dbapi2.SQLITE_READONLY, ReadOnly),
        (_sqlcipher.dbapi2.SQLITE_IOERR, VaultGone),
        (_sqlcipher.dbapi2.SQLITE_IOERR | (3 << 8), VaultGone),  # SQLITE_IOERR_WRITE
        (_sqlcipher.dbapi2.SQLITE_CANTOPEN, VaultGone),
        (_sqlcipher.dbapi2.SQLITE_BUSY, VaultBusy),  # another process held the lock
    ],
)
def test_codes_map_to_known_errors(tmp_path: Path, code: int, known: type) -> None:
    assert isinstance(known_error_for_sqlite(_error(code), tmp_path), known)  # type: ignore[arg-type]


def test_the_message_text_alone_decides_nothing(tmp_path: Path) -> None:
    # A constraint failure whose message happens to mention a full disk is still a bug.
    assert known_error_for_sqlite(_error(None, "database or disk is full"), tmp_path) is None
    constraint = _error(_sqlcipher.dbapi2.SQLITE_CONSTRAINT, "readonly disk is full")
    assert known_error_for_sqlite(constraint, tmp_path) is None  # type: ignore[arg-type]


def test_a_vanished_folder_is_gone_whatever_the_code(tmp_path: Path) -> None:
    gone = tmp_path / "stick"
    assert isinstance(known_error_for_sqlite(_error(None), gone), VaultGone)  # type: ignore[arg-type]
