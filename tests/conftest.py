"""Shared fixtures: offscreen Qt, redirected user folders, cheap KDF, temporary vaults."""

from __future__ import annotations

import os

# With no display and no platform set, Qt aborts. Must happen before Qt is imported.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Never touch the real user's folders: appdirs and settings go to a temp home."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("GROUPKEEPER_HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "xdg-cache"))
    return home


@pytest.fixture(autouse=True, scope="session")
def _runner_stays_dumpable() -> Iterator[None]:
    """In-process calls of the entry points must not lower pytest's own core limit
    (children inherit it); subprocess tests check the real hardening."""
    from groupkeeper import hardening

    with hardening.left_alone_for_tests():
        yield


@pytest.fixture(autouse=True)
def fast_kdf() -> Iterator[None]:
    """Lower the KDF floor *in code* for this test process (a vault file never can)."""
    from groupkeeper.storage import keyheader

    with keyheader.lowered_floor_for_tests():
        yield


@pytest.fixture
def plain_db(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A migrated SQLCipher database keyed with a fixed raw key (no key header)."""
    from groupkeeper.storage import _sqlcipher, schema

    conn = _sqlcipher.connect(str(tmp_path / "t.db"))
    conn.execute("PRAGMA key = \"x'" + "11" * 32 + "'\"")
    conn.execute("PRAGMA foreign_keys = ON")
    db = _sqlcipher.Database(conn)
    schema.migrate(db)
    yield db
    db.close()


@pytest.fixture
def store(plain_db, tmp_path: Path):  # type: ignore[no-untyped-def]
    from groupkeeper.storage.repos import Store

    return Store(plain_db, tmp_path)
