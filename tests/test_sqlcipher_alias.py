"""The SQLCipher/sqlite-utils join, and the rule that core and storage never import Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from groupkeeper.storage.vault import Vault

ROOT = Path(__file__).resolve().parent.parent


def test_pysqlite3_is_aliased_to_sqlcipher3() -> None:
    import sqlcipher3
    import sqlcipher3.dbapi2

    import groupkeeper.storage._sqlcipher  # noqa: F401

    assert sys.modules["pysqlite3"] is sqlcipher3
    assert sys.modules["pysqlite3.dbapi2"] is sqlcipher3.dbapi2


def test_alter_true_works_on_a_sqlcipher_connection(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path / "vault", "correct horse battery")
    with vault:
        table = vault.db.table("alias_probe")
        table.insert({"a": 1})
        # Without the alias sqlite-utils does not recognise SQLCipher's
        # OperationalError and the missing column is not added.
        table.insert({"a": 2, "b": "new column"}, alter=True)
        assert [row["b"] for row in table.rows] == [None, "new column"]


def test_core_and_storage_do_not_import_qt() -> None:
    code = (
        "import sys\n"
        "import groupkeeper.storage.vault, groupkeeper.storage.backup\n"
        "import groupkeeper.agenda, groupkeeper.model\n"
        "assert 'PySide6' not in sys.modules, sorted(m for m in sys.modules if 'PySide6' in m)\n"
        "assert sys.modules['pysqlite3'] is sys.modules['sqlcipher3']\n"
        "print('ok')\n"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
