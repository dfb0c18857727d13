"""The window part of ``groupkeeper self-test``: Qt plugins, fonts, charts and PDF work.

Run offscreen (no display needed) on the self-test's own vault of invented records: open
the main window if this build has one, build a report of the vault (in a worker thread on
its own connection, as the Reports screen does), draw every chart to an image and write
the PDF to a temporary folder (deleted afterwards), and check each result is non-empty.
Anything missing from a bundle (a Qt platform plugin, the PDF writer, fonts) raises here,
so the self-test fails loudly.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from groupkeeper.reports_export import ReportBundle
    from groupkeeper.ui.services import Services


def run_ui_self_test(vault_dir: Path, passphrase: str | None = None) -> str:
    """Open the window offscreen, draw the charts and write a PDF; return a summary.

    Args:
        vault_dir: An existing vault (the self-test's own).
        passphrase: Its passphrase; defaults to the CLI self-test's public one.

    Raises:
        RuntimeError: a chart drew nothing or the PDF is not a PDF.
        KnownError: the vault could not be opened.
    """
    if passphrase is None:
        from groupkeeper.cli import SELF_TEST_PASSPHRASE

        passphrase = SELF_TEST_PASSPHRASE
    # Never ask for a display: CI machines and coordinators' servers have none.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["groupkeeper-self-test"])

    from groupkeeper.settings import Settings
    from groupkeeper.ui import charts, report_pdf
    from groupkeeper.ui.services import Services

    notes = []
    with tempfile.TemporaryDirectory(prefix="groupkeeper-selftest-ui-") as tmp:
        # A throwaway settings file: the self-test never touches the user's preferences.
        settings = Settings(Path(tmp) / "settings.json")
        services = Services(settings, Path(vault_dir))
        services.unlock(passphrase)
        try:
            bundle = _build_report_in_background(services)
            from groupkeeper.ui.main_window import MainWindow

            window = MainWindow(services)
            window.show()
            app.processEvents()
            window.close()
            window.deleteLater()
            notes.append("window opened")
        finally:
            services.lock()
        drawn = 0
        for chart in charts.all_charts(bundle.table):
            image = charts.render_chart(chart, QSize(600, 300))
            if image.isNull() or image.width() < 600:
                raise RuntimeError("a report chart could not be drawn")
            drawn += 1
        pdf = Path(tmp) / "self-test-report.pdf"
        report_pdf.write_pdf_offscreen(bundle, pdf)
        data = pdf.read_bytes()
        if not data.startswith(b"%PDF") or b"%%EOF" not in data[-1024:]:
            raise RuntimeError("the PDF report could not be written")
        notes.append(f"{drawn} charts drawn, PDF written ({len(data) // 1024} KiB)")
    notes.append(_audit_solver_check())
    return ", ".join(notes)


def _build_report_in_background(services: Services) -> ReportBundle:
    """The last full quarter's report, built as the Reports screen builds it: in a worker
    thread on that task's own read-only connection (``worker.run_on_vault``), never on the
    GUI thread's connection.

    Raises:
        RuntimeError: the report did not arrive.
        KnownError: the vault could not be read.
    """
    from groupkeeper import reports_export
    from groupkeeper.metrics import Period
    from groupkeeper.ui import worker

    vault = services.vault
    if vault is None:
        raise RuntimeError("the self-test vault is not open")
    today = dt.date.today()
    period = Period.last_full_quarter(today)  # exports cover aligned periods only
    threshold = int(services.store.settings.get("suppression_threshold"))
    outcome: list[object] = []

    def build() -> ReportBundle:
        # Inside the task, vault.db is the task's own connection.
        return reports_export.build_report(
            vault.db, None, period, threshold=threshold, scope_label="Self-test", today=today
        )

    worker.run_on_vault(vault, build, on_done=outcome.append, on_error=outcome.append)
    if not worker.wait_idle(120_000) or not outcome:
        raise RuntimeError("the report could not be built in the background")
    result = outcome[0]
    if isinstance(result, BaseException):
        raise result
    assert isinstance(result, reports_export.ReportBundle)
    return result


def _audit_solver_check() -> str:
    """The export audit's solver (HiGHS, highspy's compiled core) loads and is right.

    The bundle leaves numpy out (``groupkeeper.lp_solver`` drives HiGHS with plain lists)
    and keeps only highspy's core: a missing library, or a code path that still needs
    numpy, fails here. Attendances 15 = new (<5) + returning 13 + walk-ins (<5) with
    exact counts pins both hidden cells to 1.
    """
    from groupkeeper import disclosure_audit as da

    table = da.Published(
        (1,),
        "2026-01",
        "2026-01",
        5,
        {
            ("attendances", ""): (da.SHOWN, 15),
            ("attendances_new", ""): (da.FEWER_THAN, None),
            ("attendances_returning", ""): (da.SHOWN, 13),
            ("walk_ins", ""): (da.FEWER_THAN, None),
        },
        adjust=0,
    )
    found = {(e.var[3], e.low, e.high) for e in da.audit([table])}
    if found != {("attendances_new", 1, 1), ("walk_ins", 1, 1)}:
        raise RuntimeError("the export audit's solver gave a wrong answer")
    return "export audit solver works"


def run(vault_dir: Path, passphrase: str) -> str:
    """The hook ``groupkeeper.cli`` calls (``_self_test_ui``)."""
    return run_ui_self_test(Path(vault_dir), passphrase)
