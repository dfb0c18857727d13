"""The window part of the self-test builds its report as the Reports screen does (pytest-qt).

In a worker thread on that task's own read-only connection, never on the GUI thread's
connection (``Store.db``): a report reading through the GUI's connection from another thread
is refused by the vault (``WrongThread``), and one on the GUI thread would freeze the window.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from groupkeeper import cli, reports_export
from groupkeeper.ui import selftest


def test_self_test_report_runs_in_a_worker_on_its_own_connection(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "vault"
    cli._core_self_test(folder, cli.SELF_TEST_PASSPHRASE)
    real = reports_export.build_report
    calls: list[dict[str, Any]] = []

    def watched(db: Any, *args: Any, **kwargs: Any) -> reports_export.ReportBundle:
        # Only the thread that owns a connection may use it (the vault checks): a worker
        # here proves the task's own connection, never the GUI thread's Store.db.
        calls.append({"thread": threading.current_thread(), "db": db})
        return real(db, *args, **kwargs)

    monkeypatch.setattr(reports_export, "build_report", watched)
    note = selftest.run_ui_self_test(folder)
    assert "charts drawn, PDF written" in note
    assert len(calls) == 1
    assert calls[0]["thread"] is not threading.main_thread()
