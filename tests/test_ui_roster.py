"""RosterScreen, the member dialog, history and CSV import, driven by keyboard (pytest-qt).

Every test runs against a real temporary SQLCipher vault (no storage mocks).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPlainTextEdit, QWidget

from groupkeeper.model import Group, Member, MoodCheck, MoodRound, MoodScale
from groupkeeper.settings import Settings
from groupkeeper.ui import worker
from groupkeeper.ui.csv_import_dialog import CsvImportDialog
from groupkeeper.ui.member_dialog import MemberDialog
from groupkeeper.ui.member_history import MemberHistoryDialog
from groupkeeper.ui.models.roster_model import RosterModel
from groupkeeper.ui.roster import RosterScreen
from groupkeeper.ui.services import Services

NOW = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    s = Services(Settings(tmp_path / "settings.json"), tmp_path / "vault", now=lambda: NOW)
    s.create_vault(tmp_path / "vault", "correct horse battery staple")
    yield s
    s.lock()


@pytest.fixture
def answers(message_boxes) -> list[bool]:  # type: ignore[no-untyped-def]
    """Answers for confirm boxes, in order; boxes shown are in ``message_boxes.seen``."""
    return message_boxes.queue


@pytest.fixture
def people(services: Services) -> dict[str, Member]:
    store = services.store
    g = store.groups.add(Group(name="Tuesday Circle"))
    out = {}
    for display, full, phone in [
        ("Anna", "Anna Kowalska", "0123 456 789"),
        ("Zoë", "Zoë Dupré", "0777 000111"),
        ("Joanna", "Joanna Ng", ""),
        ("Maya", "Maya García", "0200 300"),
    ]:
        out[display] = store.members.add(
            Member(
                display_name=display,
                full_name=full,
                phone=phone,
                group_ids=[g.id or 0],
                joined_on="2026-10-01",
            )
        )
    return out


def _screen(qtbot, services: Services) -> RosterScreen:  # type: ignore[no-untyped-def]
    screen = RosterScreen(services)
    qtbot.addWidget(screen)
    screen.refresh()
    with qtbot.waitActive(screen):
        screen.show()
        screen.activateWindow()
    return screen


def _names(screen: RosterScreen) -> list[str]:
    return [screen.model.member(r).display_name for r in range(screen.model.rowCount())]


def _on_next_dialog(qtbot, act: Callable[[QWidget], None]) -> list[BaseException]:  # type: ignore[no-untyped-def]
    """Run ``act(dialog)`` once the next modal dialog is open (it blocks in exec()).

    If ``act`` fails the dialog is closed anyway (so the test fails instead of hanging);
    the returned list holds the error for the test to re-raise.
    """
    errors: list[BaseException] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isActiveWindow():
            QTimer.singleShot(10, poll)
            return
        try:
            act(dialog)
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            errors.append(exc)
        if dialog.isVisible():
            dialog.close()

    QTimer.singleShot(0, poll)
    return errors


def press(qtbot, widget: QWidget, key: Qt.Key, button) -> None:  # type: ignore[no-untyped-def]
    """Alt+key (a button's mnemonic); Qt clicks the button a moment later (animateClick)."""
    with qtbot.waitSignal(button.clicked, timeout=2000):
        QTest.keyClick(widget, key, Qt.KeyboardModifier.AltModifier)


def all_text(widget: QWidget) -> str:
    parts = []
    for child in [widget, *widget.findChildren(QWidget)]:
        if isinstance(child, QLabel | QLineEdit):
            parts.append(child.text())
        if isinstance(child, QPlainTextEdit):
            parts.append(child.toPlainText())
    return "\n".join(parts)


# -- Model --------------------------------------------------------------------------------


def test_model_passes_qtmodeltester(  # type: ignore[no-untyped-def]
    qtmodeltester, services: Services, people: dict[str, Member]
) -> None:
    model = RosterModel(lambda: services.store)
    model.refresh()
    qtmodeltester.check(model)
    model.set_query("an")
    qtmodeltester.check(model)
    model.sort(RosterModel.PHONE, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    model.clear()
    qtmodeltester.check(model)
    assert model.rowCount() == 0


def test_model_columns_and_sorting(services: Services, people: dict[str, Member]) -> None:
    store = services.store
    group_id = people["Maya"].group_ids[0]
    meeting = store.meetings.start(group_id, "2026-11-17")
    store.meetings.check_in(meeting.id or 0, people["Maya"].pseudonym)
    model = RosterModel(lambda: store)
    model.refresh()
    row = [model.index(0, c).data() for c in range(6)]
    assert row == ["Anna", "Anna Kowalska", "0123 456 789", "Tuesday Circle", "yes", "never"]
    model.sort(RosterModel.LAST_ATTENDED, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 0).data() == "Maya"
    assert model.index(0, RosterModel.LAST_ATTENDED).data() == "2026-11-17"


# -- Screen ---------------------------------------------------------------------------------


def test_typing_narrows_rows(qtbot, services: Services, people: dict[str, Member]) -> None:  # type: ignore[no-untyped-def]
    screen = _screen(qtbot, services)
    assert screen.focusWidget() is screen.search
    assert _names(screen) == ["Anna", "Joanna", "Maya", "Zoë"]
    QTest.keyClicks(screen.search, "an")
    assert _names(screen) == ["Anna", "Joanna"]  # prefix first
    QTest.keyClicks(screen.search, "n")
    assert _names(screen) == ["Anna", "Joanna"]
    screen.search.clear()
    QTest.keyClicks(screen.search, "ZOE")
    assert _names(screen) == ["Zoë"]
    screen.search.clear()
    QTest.keyClicks(screen.search, "0777 000")
    assert _names(screen) == ["Zoë"]
    assert "1" in screen.count_label.text()


def test_ctrl_f_focuses_search(qtbot, services: Services, people: dict[str, Member]) -> None:  # type: ignore[no-untyped-def]
    screen = _screen(qtbot, services)
    screen.table.setFocus()
    QTest.keyClick(screen, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert screen.focusWidget() is screen.search


def test_add_member_by_keyboard(qtbot, services: Services, people: dict[str, Member]) -> None:  # type: ignore[no-untyped-def]
    screen = _screen(qtbot, services)

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, MemberDialog)
        QTest.keyClicks(dialog.display_name, "Omer")
        QTest.keyClicks(dialog.full_name, "Omer Yilmaz")
        QTest.keyClick(dialog.display_name, Qt.Key.Key_Return)
        # Let the default button's click land before _on_next_dialog closes the dialog.
        qtbot.waitUntil(lambda: not dialog.isVisible())

    # Ctrl+N is a window shortcut: it only fires while the roster's window is active
    # (a window left over from an earlier test can hold activation for a moment).
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    errors = _on_next_dialog(qtbot, fill)
    QTest.keyClick(screen, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Omer" in _names(screen))
    assert errors == []
    added = [m for m in services.store.members.all() if m.display_name == "Omer"]
    assert len(added) == 1 and added[0].full_name == "Omer Yilmaz"
    assert "Omer" in _names(screen)
    assert screen.selected_member() is not None
    assert screen.selected_member().display_name == "Omer"  # type: ignore[union-attr]


def test_add_without_name_is_refused_politely(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    dialog = MemberDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    QTest.keyClick(dialog.display_name, Qt.Key.Key_Return)
    assert dialog.outcome == ""
    assert dialog.name_error.isVisible()
    assert services.store.members.all() == []


def test_edit_by_enter_records_consent(
    qtbot, services: Services, people: dict[str, Member]
) -> None:  # type: ignore[no-untyped-def]
    screen = _screen(qtbot, services)
    QTest.keyClicks(screen.search, "joan")

    def edit(dialog: QWidget) -> None:
        assert isinstance(dialog, MemberDialog)
        assert dialog.display_name.text() == "Joanna"
        assert "on the roster: agreed" in dialog.consent_history.text()
        dialog.phone.setFocus()
        QTest.keyClicks(dialog.phone, "555 0100")
        dialog.consent.setFocus()
        QTest.keyClick(dialog.consent, Qt.Key.Key_Space)
        QTest.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    errors = _on_next_dialog(qtbot, edit)
    QTest.keyClick(screen.search, Qt.Key.Key_Return)
    assert errors == []
    joanna = services.store.members.get(people["Joanna"].id or 0)
    assert joanna.phone == "555 0100" and joanna.contact_consent
    kinds = [(c.kind.value, c.granted) for c in services.store.consents.for_member(joanna.id or 0)]
    assert kinds == [("roster", True), ("contact", True)]


def test_deactivate_and_reactivate(qtbot, services: Services, people: dict[str, Member]) -> None:  # type: ignore[no-untyped-def]
    screen = _screen(qtbot, services)
    QTest.keyClicks(screen.search, "maya")
    press(qtbot, screen, Qt.Key.Key_D, screen.active_button)
    assert not services.store.members.get(people["Maya"].id or 0).active
    assert _names(screen) == []  # inactive members are hidden by default
    press(qtbot, screen, Qt.Key.Key_I, screen.show_inactive)  # show inactive
    assert screen.show_inactive.isChecked()
    assert _names(screen) == ["Maya"]
    screen.table.selectRow(0)
    assert screen.active_button.text().replace("&", "") == "Reactivate"
    press(qtbot, screen, Qt.Key.Key_T, screen.active_button)
    assert services.store.members.get(people["Maya"].id or 0).active


def test_forget_through_dialog(
    qtbot, services: Services, people: dict[str, Member], answers: list[bool], message_boxes
) -> None:  # type: ignore[no-untyped-def]
    store = services.store
    g = store.groups.all()[0]
    mt = store.meetings.start(g.id or 0, "2026-11-17")
    anna = people["Anna"]
    store.meetings.check_in(mt.id or 0, anna.pseudonym)
    store.goals.set(anna.pseudonym, "Phone my sister", mt.id)
    screen = _screen(qtbot, services)
    QTest.keyClicks(screen.search, "kowalska")
    answers.extend([False, True])  # first "Cancel", then "Yes"

    def forget(dialog: QWidget) -> None:
        assert isinstance(dialog, MemberDialog)
        press(qtbot, dialog, Qt.Key.Key_F, dialog.forget_button)  # cancelled
        assert dialog.isVisible()
        press(qtbot, dialog, Qt.Key.Key_F, dialog.forget_button)

    errors = _on_next_dialog(qtbot, forget)
    QTest.keyClick(screen.search, Qt.Key.Key_Return)
    assert errors == []
    kind, _title, text = message_boxes.seen[-1]
    assert kind == "confirm"
    for words in [
        "erases",
        "notes",
        "goals",
        "consent records",
        "keeps",
        "attendance",
        "backups",
        "rotate out",
        "Safety notes",
        "not searched for names",
    ]:
        assert words in text, words
    with pytest.raises(KeyError):
        store.members.get(anna.id or 0)
    assert store.meetings.present(mt.id or 0) == [anna.pseudonym]
    assert store.goals.for_pseudonym(anna.pseudonym)[0].text is None
    assert "Anna" not in _names(screen)


def test_forget_button_on_roster(
    qtbot, services: Services, people: dict[str, Member], answers: list[bool]
) -> None:  # type: ignore[no-untyped-def]
    screen = _screen(qtbot, services)
    QTest.keyClicks(screen.search, "zo")
    answers.append(True)
    press(qtbot, screen, Qt.Key.Key_F, screen.forget_button)
    assert [m.display_name for m in services.store.members.all()] == ["Anna", "Joanna", "Maya"]


def test_history_shows_records(qtbot, services: Services, people: dict[str, Member]) -> None:  # type: ignore[no-untyped-def]
    store = services.store
    g = store.groups.all()[0]
    maya = people["Maya"]
    mt = store.meetings.start(g.id or 0, "2026-11-17")
    store.meetings.check_in(mt.id or 0, maya.pseudonym)
    store.moods.record(
        MoodCheck(
            mt.id or 0, MoodRound.OPENING, MoodScale.FIVE, 4, maya.pseudonym, feeling_word="calm"
        )
    )
    store.goals.set(maya.pseudonym, "Walk each morning", mt.id)
    skill = store.skills.skills()[0]
    store.skills.share(mt.id or 0, skill.id or 0, maya.pseudonym)
    dialog = MemberHistoryDialog(services, maya.id or 0)
    qtbot.addWidget(dialog)
    assert dialog.attendance.rowCount() == 1
    assert dialog.attendance.item(0, 0).text() == "2026-11-17"
    assert dialog.attendance.item(0, 2).text() == "came"
    assert dialog.moods.item(0, 2).text() == "4 (1-5)"
    assert dialog.moods.item(0, 3).text() == "calm"
    assert dialog.goals.item(0, 1).text() == "Walk each morning"
    assert dialog.skills.item(0, 1).text() == skill.name
    dialog.clear_personal_data()
    assert dialog.goals.rowCount() == 0


def test_export_from_dialog(
    qtbot, services: Services, people: dict[str, Member], tmp_path: Path, message_boxes
) -> None:  # type: ignore[no-untyped-def]
    dialog = MemberDialog(services, people["Zoë"].id)
    qtbot.addWidget(dialog)
    out = tmp_path / "zoe.txt"
    dialog.ask_export_path = lambda: (out, False)  # type: ignore[method-assign]
    dialog.export_button.click()
    assert "Zoë Dupré" in out.read_text(encoding="utf-8")
    assert message_boxes.kinds == ["info"]


def test_csv_import_preview_and_accept(
    qtbot, services: Services, people: dict[str, Member], tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "list.csv"
    path.write_text(
        "Name;Phone;Consent\nLi;0111;yes\n;0222;no\nKim;0333;maybe\nAnna;;no\n",
        encoding="utf-8-sig",
    )
    dialog = CsvImportDialog(services)
    qtbot.addWidget(dialog)
    dialog.load_file(path)
    assert worker.wait_idle()  # the file is read in the worker
    assert dialog.model.rowCount() == 2  # Li and this new "Anna" (no phone: not the same person)
    bad = [dialog.bad_list.item(i).text() for i in range(dialog.bad_list.count())]
    assert bad[0].startswith("Row 3:") and "name" in bad[0]
    assert bad[1].startswith("Row 4:") and "consent" in bad[1]
    assert dialog.import_button.text().replace("&", "").startswith("Import 2 member")
    assert len(services.store.members.all()) == 4  # nothing written by the preview
    group_index = dialog.group_combo.findText("Tuesday Circle")
    dialog.group_combo.setCurrentIndex(group_index)
    QTest.keyClick(dialog.import_button, Qt.Key.Key_Space)
    assert not dialog.cancel_button.isEnabled()  # all or nothing: no cancel halfway
    assert worker.wait_idle()
    assert dialog.imported == 2
    names = sorted(m.display_name for m in services.store.members.all())
    assert names == ["Anna", "Anna", "Joanna", "Li", "Maya", "Zoë"]
    li = next(m for m in services.store.members.all() if m.display_name == "Li")
    assert li.contact_consent and li.group_ids == [services.store.groups.all()[0].id]


def test_csv_import_cancel_imports_nothing(qtbot, services: Services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "list.csv"
    path.write_text("name\nLi\n", encoding="utf-8")
    dialog = CsvImportDialog(services)
    qtbot.addWidget(dialog)
    dialog.load_file(path)
    assert worker.wait_idle()  # the file is read in the worker
    QTest.keyClick(dialog.cancel_button, Qt.Key.Key_Space)
    assert services.store.members.all() == []


def test_csv_without_a_name_column_asks_which_column_is_the_name(
    qtbot, services: Services, tmp_path: Path, message_boxes
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "x.csv"
    path.write_text("Who,phone\nLi,0111\nKim,0222\n", encoding="utf-8")
    dialog = CsvImportDialog(services)
    qtbot.addWidget(dialog)
    dialog.load_file(path)
    assert worker.wait_idle()  # the file is read in the worker
    assert "error" not in message_boxes.kinds
    assert "Which column holds the name" in dialog.mapping_label.text()
    assert not dialog.import_button.isEnabled()
    assert dialog.field_combos[0].currentText() == "Don't import"
    assert dialog.field_combos[1].currentText() == "Phone"
    dialog.set_column_field(0, "display_name")
    assert worker.wait_idle()
    assert dialog.model.rowCount() == 2 and dialog.import_button.isEnabled()


def test_csv_mapping_step_spanish_headers_all_columns_all_rows(
    qtbot, qtmodeltester, services: Services, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    rows = "".join(
        f"Persona {i};Persona {i} Ruiz;60000{i:04d};Hermana {i};sí;2025-01-{1 + i % 28:02d};"
        f"nota {i}\n"
        for i in range(60)
    )
    path = tmp_path / "lista.csv"
    path.write_text(
        "Nombre;Nombre completo;Teléfono;Contacto de emergencia;Consentimiento;"
        "Fecha de alta;Observaciones\n" + rows,
        encoding="utf-8",
    )
    dialog = CsvImportDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load_file(path)
    assert worker.wait_idle()
    qtmodeltester.check(dialog.model)
    guessed = [c.currentText() for c in dialog.field_combos]
    assert guessed == [
        "Name (first name or nickname)",
        "Full name",
        "Phone",
        "Emergency contact",
        "OK to contact (yes/no)",
        "Joined on (like 2025-01-31)",
        "Notes",
    ]
    assert "\u201cTel\u00e9fono\u201d" in dialog.field_titles[2].text()
    assert "600000000" in dialog.field_titles[2].text()
    # every mapped column and every row is in the preview (the table scrolls)
    model = dialog.model
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert titles == [
        "Row",
        "Name",
        "Full name",
        "Phone",
        "Emergency contact",
        "OK to contact",
        "Joined on",
        "Notes",
    ]
    assert model.rowCount() == 60
    assert model.index(59, 4).data() == "Hermana 59"
    dialog.table.scrollToBottom()
    assert dialog.table.verticalScrollBar().maximum() > 0
    # the user says "Observaciones" is not to be imported: the Notes column goes away
    combo = dialog.field_combos[6]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_End)  # "Don't import" is the last choice
    assert worker.wait_idle()
    assert "Notes" not in [
        model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())
    ]
    # and moving "Name" to the full-name column frees the first one
    dialog.set_column_field(1, "display_name")
    assert worker.wait_idle()
    assert dialog.field_combos[0].currentText() == "Don't import"
    assert model.index(0, 1).data() == "Persona 0 Ruiz"
    QTest.keyClick(dialog.import_button, Qt.Key.Key_Space)
    assert worker.wait_idle()
    imported = {m.display_name: m for m in services.store.members.all()}
    assert imported["Persona 3 Ruiz"].emergency_contact == "Hermana 3"
    assert imported["Persona 3 Ruiz"].notes == "" and imported["Persona 3 Ruiz"].contact_consent


def test_notice_offers_long_inactive_members(
    qtbot, services: Services, people: dict[str, Member]
) -> None:  # type: ignore[no-untyped-def]
    services.store.members.add(Member(display_name="Old Timer", joined_on="2024-01-01"))
    screen = _screen(qtbot, services)
    assert screen.notice.isVisible()
    assert "1 member" in screen.notice_label.text() and "12 months" in screen.notice_label.text()
    screen.review_button.click()
    assert _names(screen) == ["Old Timer"]
    screen.review_button.click()
    assert len(_names(screen)) == 5


def test_clear_personal_data_leaves_no_name(
    qtbot, services: Services, people: dict[str, Member]
) -> None:  # type: ignore[no-untyped-def]
    services.store.members.add(Member(display_name="Old Timer", joined_on="2024-01-01"))
    screen = _screen(qtbot, services)
    QTest.keyClicks(screen.search, "Maya")
    screen.clear_personal_data()
    assert screen.model.rowCount() == 0
    assert screen.search.text() == ""
    text = all_text(screen)
    for name in ["Anna", "Zoë", "Maya", "Joanna", "Old Timer", "Tuesday Circle"]:
        assert name not in text
    model = screen.model
    for r in range(model.rowCount()):
        for c in range(model.columnCount()):
            assert model.index(r, c, QModelIndex()).data() is None


# -- A big roster: windowed, never every member at once ----------------------------------


@pytest.fixture
def crowd(services: Services) -> list[Member]:
    """700 members (over five pages of rows), in one transaction."""
    store = services.store
    group = store.groups.add(Group(name="Big Circle"))
    added = []
    with store.transaction():
        for i in range(700):
            added.append(
                store.members.add(
                    Member(
                        display_name=f"Person {i:03d}",
                        full_name=f"Full {699 - i:03d}",
                        phone=f"0700 {i:06d}",
                        group_ids=[group.id or 0],
                        joined_on="2026-10-01",
                    )
                )
            )
    return added


def test_big_roster_reads_only_the_rows_on_screen_and_more_on_scroll(  # type: ignore[no-untyped-def]
    qtbot, services: Services, crowd: list[Member]
) -> None:
    from groupkeeper.ui.models.roster_model import PAGE

    screen = _screen(qtbot, services)
    screen.resize(1000, 700)
    qtbot.wait(10)
    model = screen.model
    assert model.rowCount() == 700 and model.total == 700
    assert model.index(0, 0).data() == "Person 000"
    assert model.pages_read == 1  # the first screenful: one page of rows, not 700 members
    assert len(model._cache) <= PAGE
    screen.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.pages_read == 2)  # the view asked for the last page
    assert model.index(699, 0).data() == "Person 699"
    assert len(model._cache) <= 2 * PAGE
    assert "700" in screen.count_label.text()


def test_big_roster_search_finds_a_member_beyond_the_first_page(  # type: ignore[no-untyped-def]
    qtbot, services: Services, crowd: list[Member]
) -> None:
    screen = _screen(qtbot, services)
    QTest.keyClicks(screen.search, "person 65")
    # The names starting so come first (then phones with "65" in them).
    assert _names(screen)[:10] == [f"Person {i}" for i in range(650, 660)]
    screen.search.clear()
    QTest.keyClicks(screen.search, "0700 000699")  # by phone
    assert _names(screen) == ["Person 699"]
    member = screen.selected_member()  # the best match, ready for Enter
    assert member is not None and member.id == crowd[699].id


def test_big_roster_sorts_in_the_database(  # type: ignore[no-untyped-def]
    qtbot, services: Services, crowd: list[Member]
) -> None:
    screen = _screen(qtbot, services)
    model = screen.model
    screen.table.sortByColumn(model.FULL_NAME, Qt.SortOrder.AscendingOrder)
    assert model.index(0, model.FULL_NAME).data() == "Full 000"
    assert model.index(0, model.NAME).data() == "Person 699"
    screen.table.sortByColumn(model.PHONE, Qt.SortOrder.DescendingOrder)
    assert model.index(0, model.NAME).data() == "Person 699"
    assert model.index(699, model.NAME).data() == "Person 000"
    # Typing keeps the chosen order among the matches (not the best-match order).
    QTest.keyClicks(screen.search, "person 01")
    numbers = [int(name.split()[1]) for name in _names(screen)]
    expected = [i for i in range(700) if "01" in f"{i:03d} {699 - i:03d} 0700000{i:03d}"]
    assert sorted(numbers) == expected, numbers
    assert numbers == sorted(numbers, reverse=True)


def test_an_edit_through_an_operation_updates_its_row(  # type: ignore[no-untyped-def]
    qtbot, services: Services, crowd: list[Member]
) -> None:
    from groupkeeper import ops

    screen = _screen(qtbot, services)
    target = crowd[3]
    assert screen.model.index(3, RosterModel.PHONE).data() == "0700 000003"
    services.ops.run(ops.members.update(member_id=target.id or 0, fields={"phone": "0799 123456"}))
    qtbot.waitUntil(lambda: screen.model.index(3, RosterModel.PHONE).data() == "0799 123456")
    services.ops.run(ops.members.set_active(member_id=target.id or 0, active=False))
    qtbot.waitUntil(lambda: screen.model.rowCount() == 699)
    assert screen.model.row_of(target.id or 0) == -1


def test_roster_shown_again_reads_only_what_changed(  # type: ignore[no-untyped-def]
    qtbot, services: Services, crowd: list[Member]
) -> None:
    screen = _screen(qtbot, services)
    model = screen.model
    model.index(0, 0).data()
    calls: list[str] = []
    real = services.store.members.roster_ids

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append("ids")
        return real(*args, **kwargs)

    services.store.members.roster_ids = counted  # type: ignore[method-assign]
    screen.hide()
    screen.show()
    assert calls == []  # nothing written since: shown as it was
    screen.hide()
    # A write that did not come through an operation (another connection, a test) is
    # noticed too: the store's generation moved.
    services.store.members.set_active(crowd[0].id or 0, False)
    screen.show()
    assert calls == ["ids"]
    assert model.index(0, 0).data() == "Person 001"


def _choose(qtbot, combo, title: str) -> None:  # type: ignore[no-untyped-def]
    """Pick ``title`` in a column's drop-down as a click in its list does (each choice
    re-reads the file, so one step, not a walk through the items with the arrow keys)."""
    qtbot.waitUntil(combo.isEnabled)
    index = combo.findText(title)
    assert index >= 0, title
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_csv_column_choices_are_remembered_per_layout_in_the_vault(
    qtbot, services: Services, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from groupkeeper.options import CSV_IMPORT_MAPPINGS

    first = tmp_path / "march.csv"
    first.write_text("Who,Tel,Remarks\nLi,0111,likes tea\nKim,0222,\n", encoding="utf-8")
    dialog = CsvImportDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load_file(first)
    assert worker.wait_idle()
    assert [c.currentText() for c in dialog.field_combos] == [
        "Don't import",
        "Phone",
        "Don't import",
    ]
    _choose(qtbot, dialog.field_combos[0], "Name (first name or nickname)")
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.model.rowCount() == 2)
    _choose(qtbot, dialog.field_combos[2], "Notes")
    qtbot.waitUntil(lambda: dialog.preview is not None and "notes" in dialog.model.fields())
    assert not dialog.remembered
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.imported == 2)
    stored = services.store.settings.value(CSV_IMPORT_MAPPINGS)
    assert "display_name" in stored and "remarks" in stored
    # In the vault only: the plain settings file knows nothing of it.
    plain = (
        (tmp_path / "settings.json").read_text(encoding="utf-8")
        if (tmp_path / "settings.json").exists()
        else ""
    )
    assert "Remarks" not in plain and "remarks" not in plain and "display_name" not in plain

    # Next month's file, same titles (spaced and cased differently): the choices return.
    second = tmp_path / "april.csv"
    second.write_text(" who ,TEL,remarks\nAda,0333,new\nBo,0444,\nCy,,\n", encoding="utf-8")
    again = CsvImportDialog(services)
    qtbot.addWidget(again)
    again.show()
    again.load_file(second)
    qtbot.waitUntil(lambda: again.preview is not None and again.remembered, timeout=5000)
    assert [c.currentText() for c in again.field_combos] == [
        "Name (first name or nickname)",
        "Phone",
        "Notes",
    ]
    assert "your choices from the last file" in again.mapping_label.text()
    assert again.model.rowCount() == 3 and again.import_button.isEnabled()
    # The user's own choice then stands (no second re-read back to the remembered one).
    _choose(qtbot, again.field_combos[2], "Don't import")
    qtbot.waitUntil(lambda: again.preview is not None and "notes" not in again.model.fields())
    assert not again.remembered and again.field_combos[2].currentText() == "Don't import"
    again.reject()

    # Other titles: guessed as before, nothing remembered applies.
    other = tmp_path / "other.csv"
    other.write_text("Name,Tel\nDee,0555\n", encoding="utf-8")
    third = CsvImportDialog(services)
    qtbot.addWidget(third)
    third.load_file(other)
    assert worker.wait_idle()
    assert not third.remembered and third.field_combos[0].currentText().startswith("Name")


def test_remembered_mappings_survive_damage_and_stay_few() -> None:
    from groupkeeper import csv_import

    header = ["Who", "Tel"]
    assert csv_import.remembered_mapping("", header) is None
    assert csv_import.remembered_mapping("{not json", header) is None
    assert csv_import.remembered_mapping('["a"]', header) is None
    hostile = '{"who\\u001ftel": ["display_name", "DROP TABLE"]}'
    assert csv_import.remembered_mapping(hostile, header) is None  # unknown field: ignored
    stored = csv_import.remember_mapping("{broken", header, ["display_name", "phone"])
    assert csv_import.remembered_mapping(stored, ["WHO ", " tel"]) == ["display_name", "phone"]
    assert csv_import.remembered_mapping(stored, ["Who"]) is None  # another layout
    with pytest.raises(ValueError):
        csv_import.remember_mapping(stored, header, ["display_name"])
    for i in range(csv_import.REMEMBERED_LAYOUTS + 5):
        stored = csv_import.remember_mapping(stored, [f"col {i}"], ["display_name"])
    assert csv_import.remembered_mapping(stored, header) is None  # the oldest went first
    assert csv_import.remembered_mapping(stored, ["col 24"]) == ["display_name"]
