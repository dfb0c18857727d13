"""The "Combine exports..." dialog (pytest-qt): choose files, see problems in plain words,
leave a bad file out, save the combined CSV and PDF; opened from the Reports screen."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from groupkeeper.export_csv import read_rows
from groupkeeper.settings import Settings
from groupkeeper.ui.combine_dialog import CombineDialog
from groupkeeper.ui.services import Services
from tests.test_combine import BASE, write_export


@pytest.fixture(autouse=True)
def english() -> None:
    """The English translation: it holds the plural forms ("2 exports")."""
    from PySide6.QtWidgets import QApplication

    from groupkeeper.ui import app as app_module

    app_module.install_translations(QApplication.instance(), "en")  # undone by conftest


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_choose_fix_and_save(qtbot, tmp_path: Path, message_boxes) -> None:  # type: ignore[no-untyped-def]
    a = write_export(tmp_path / "tuesday.csv", "Tuesday", BASE)
    b = write_export(tmp_path / "thursday.csv", "Thursday", BASE, extra_columns=True)
    bad = tmp_path / "members.csv"
    bad.write_text("name,phone\nAda,123\n")
    dialog = CombineDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.csv_button.isEnabled() and not dialog.pdf_button.isEnabled()
    assert "at least two" in dialog.summary.text()

    dialog.ask_open_paths = lambda: [a, bad]  # type: ignore[method-assign]
    click(qtbot, dialog.add_button)
    assert "members.csv is not a GroupKeeper report export" in dialog.summary.text()
    assert not dialog.csv_button.isEnabled()
    texts = [dialog.files.item(i).text() for i in range(dialog.files.count())]
    assert texts[0].startswith("tuesday.csv - Tuesday, for January–March 2026")
    assert "Ada" not in " ".join(texts)

    # Leave the bad file out, add the second export (and the first again: not doubled).
    dialog.files.item(1).setSelected(True)
    click(qtbot, dialog.remove_button)
    dialog.ask_open_paths = lambda: [b, a]  # type: ignore[method-assign]
    click(qtbot, dialog.add_button)
    assert dialog.files.count() == 2
    summary = dialog.summary.text()
    assert "Ready to combine 2 exports for January–March 2026" in summary
    assert "Tuesday, Thursday" in summary and "Attendances: 192" in summary

    out_csv, out_pdf = tmp_path / "out" / "combined.csv", tmp_path / "out" / "combined.pdf"
    out_csv.parent.mkdir()
    dialog.ask_save_path = lambda suffix: out_csv if suffix == ".csv" else out_pdf  # type: ignore[method-assign]
    click(qtbot, dialog.csv_button)
    click(qtbot, dialog.pdf_button)
    rows = read_rows(out_csv)
    assert {r["group"] for r in rows} == {"Tuesday + Thursday"}
    assert {(r["metric"], r["value"]) for r in rows} >= {("meetings_held", "24")}
    assert out_pdf.read_bytes().startswith(b"%PDF")
    assert message_boxes.kinds == ["info", "info"]
    assert dialog.saved == [out_csv, out_pdf]

    # Saving over one of the exports is refused; the export is kept as it was.
    before = a.read_bytes()
    dialog.ask_save_path = lambda suffix: a  # type: ignore[method-assign]
    click(qtbot, dialog.csv_button)
    assert message_boxes.kinds[-1] == "error" and a.read_bytes() == before


def test_different_periods_and_same_group_are_explained(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a = write_export(tmp_path / "q1.csv", "Tuesday", BASE)
    b = write_export(tmp_path / "q2.csv", "Thursday", BASE, period="2026-04..2026-06")
    dialog = CombineDialog()
    qtbot.addWidget(dialog)
    dialog.add_paths([a, b])
    assert "different periods" in dialog.summary.text()
    assert not dialog.pdf_button.isEnabled()
    other = dict(BASE)
    other[("meetings_held", "")] = "30"
    c = write_export(tmp_path / "again.csv", "Tuesday", other)
    dialog.paths = []
    dialog.add_paths([a, c])
    assert "count that group twice" in dialog.summary.text()


def test_dialog_and_statement_in_spanish(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from groupkeeper.ui import app as app_module
    from groupkeeper.ui import report_pdf

    app_module.install_translations(QApplication.instance(), "es")  # undone by conftest
    a = write_export(tmp_path / "a.csv", "Tuesday", BASE)
    b = write_export(tmp_path / "b.csv", "Thursday", BASE)
    dialog = CombineDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Combinar exportaciones"
    dialog.add_paths([a, b])
    assert "Listo para combinar 2 exportaciones" in dialog.summary.text()
    assert dialog.report is not None
    statement = report_pdf.privacy_statement(dialog.report.table)
    assert "Este informe suma 2 exportaciones" in statement
    dialog.add_paths([tmp_path / "missing.csv"])
    assert "missing.csv" in dialog.summary.text()


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    s = Services(
        Settings(tmp_path / "settings.json"),
        tmp_path / "vault",
        now=lambda: datetime(2026, 4, 2, 9, 0, tzinfo=UTC),
    )
    s.create_vault(tmp_path / "vault", "correct horse battery staple")
    yield s
    s.lock()


def test_reports_screen_opens_the_dialog(qtbot, services: Services, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from groupkeeper.ui import combine_dialog
    from groupkeeper.ui.reports import ReportsScreen

    opened: list[CombineDialog] = []

    def fake_exec(self: CombineDialog) -> int:
        opened.append(self)
        return 0

    monkeypatch.setattr(combine_dialog.CombineDialog, "exec", fake_exec)
    screen = ReportsScreen(services)
    qtbot.addWidget(screen)
    screen.show()
    assert screen.combine_button.accessibleDescription()
    click(qtbot, screen.combine_button)
    assert len(opened) == 1 and opened[0].parent() is screen
    assert opened[0].windowTitle() == "Combine exports"
