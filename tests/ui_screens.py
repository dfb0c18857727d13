"""Build every screen and dialog of the app over a demo vault, one state at a time.

Shared by tests/test_i18n.py (no English left with Spanish selected) and
tests/test_accessibility.py (accessible names, focus, tab order). ``walk_screens`` is a
generator: each yielded widget is shown and live until the next step, then closed.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from groupkeeper import demo
from groupkeeper.agenda import Segment, SegmentKind, template, to_dicts
from groupkeeper.model import Member
from groupkeeper.settings import Settings
from groupkeeper.ui import messages, worker
from groupkeeper.ui.services import Services

PASSPHRASE = "kettle river purple bicycle"
TODAY = date(2026, 11, 24)


def make_services(tmp_path: Path, *, vault: bool = True) -> Services:
    """Services over a demo vault (unlocked) in ``tmp_path``, or none if ``vault`` is False."""
    stamp = datetime(2026, 11, 24, 19, 0, tzinfo=UTC).timestamp()
    services = Services(
        Settings(tmp_path / "settings.json"),
        tmp_path / "vault",
        clock=lambda: stamp,
        now=lambda: datetime.fromtimestamp(stamp, UTC),
    )
    services.settings.set("tour_done", True)
    if vault:
        services.create_vault(tmp_path / "vault", PASSPHRASE)
        demo.generate(services.store, members=14, groups=2, years=1, seed=3, today=TODAY)
        groups = services.store.groups.all()
        first = groups[0]
        first.wellbeing_scale = "who5"
        first.crisis_resources = "Crisis line 0800 000 000"
        first.escalation_steps = "Stay with the person."
        # Every kind of segment, so the runner shows all of them.
        segments = template("weekly")
        kinds = {s.kind for s in segments}
        extra = [s for s in template("drop_in") if s.kind not in kinds]
        extra.append(Segment(SegmentKind.WELLBEING_CHECK, 5))
        first.agenda = to_dicts(segments[:-1] + extra + segments[-1:])
        services.store.groups.update(first)
    return services


def _show(qtbot: Any, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _close(widget: QWidget) -> None:
    widget.close()


def walk_screens(qtbot: Any, tmp_path: Path) -> Iterator[tuple[str, QWidget]]:
    """Yield (name, widget) for every screen, page, tab state and dialog.

    Message boxes are answered "yes" by the test responder.
    """
    from groupkeeper.ui.first_run import FirstRunScreen

    previous = messages._responder
    messages.set_test_responder(lambda kind, title, text: True)
    try:
        # First run: every page of the wizard, no vault yet.
        fresh = make_services(tmp_path / "fresh", vault=False)
        first = _show(qtbot, FirstRunScreen(fresh))
        pages = first.pages  # type: ignore[attr-defined]
        for i in range(pages.count()):
            pages.setCurrentIndex(i)
            yield f"first_run page {i}", first
        _close(first)

        services = make_services(tmp_path / "demo")
        try:
            yield from _unlocked_screens(qtbot, services, _screen_classes())
        finally:
            if services.is_unlocked:
                services.lock()
    finally:
        messages.set_test_responder(previous)


def _screen_classes() -> dict[str, Any]:
    from groupkeeper.ui.csv_import_dialog import CsvImportDialog
    from groupkeeper.ui.help import HelpDialog
    from groupkeeper.ui.home import HomeScreen, PastMeetingDialog
    from groupkeeper.ui.lock_screen import MeetingLockScreen
    from groupkeeper.ui.meeting.runner import MeetingRunner
    from groupkeeper.ui.member_dialog import MemberDialog
    from groupkeeper.ui.member_history import MemberHistoryDialog
    from groupkeeper.ui.roster import RosterScreen
    from groupkeeper.ui.settings_dialog import SettingsDialog
    from groupkeeper.ui.tour import TourPanel
    from groupkeeper.ui.unlock import UnlockScreen

    return {
        "CsvImportDialog": CsvImportDialog,
        "HelpDialog": HelpDialog,
        "HomeScreen": HomeScreen,
        "PastMeetingDialog": PastMeetingDialog,
        "MeetingLockScreen": MeetingLockScreen,
        "MeetingRunner": MeetingRunner,
        "MemberDialog": MemberDialog,
        "MemberHistoryDialog": MemberHistoryDialog,
        "RosterScreen": RosterScreen,
        "SettingsDialog": SettingsDialog,
        "TourPanel": TourPanel,
        "UnlockScreen": UnlockScreen,
    }


def _unlocked_screens(
    qtbot: Any, services: Services, cls: dict[str, Any]
) -> Iterator[tuple[str, QWidget]]:
    store = services.store
    group = store.groups.all()[0]

    help_dialog = _show(qtbot, cls["HelpDialog"](services))
    for i in range(help_dialog.tabs.count()):  # type: ignore[attr-defined]
        help_dialog.tabs.setCurrentIndex(i)  # type: ignore[attr-defined]
        yield f"help tab {i}", help_dialog
    _close(help_dialog)

    host = QWidget()
    host_layout = QVBoxLayout(host)
    tour = cls["TourPanel"](services, {}, host)
    host_layout.addWidget(tour)
    host_layout.addStretch(1)
    _show(qtbot, host)
    for step in range(len(tour.steps)):
        tour.index = step
        tour._show_step()
        yield f"tour step {step}", host
    _close(host)

    home = _show(qtbot, cls["HomeScreen"](services))
    home.refresh()
    yield "home", home
    _close(home)

    past = _show(qtbot, cls["PastMeetingDialog"](TODAY))
    yield "past meeting dialog", past
    _close(past)

    settings = _show(qtbot, cls["SettingsDialog"](services))
    tabs = settings.tabs  # type: ignore[attr-defined]
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        yield f"settings tab {i}", settings
    _close(settings)

    roster = _show(qtbot, cls["RosterScreen"](services))
    roster.refresh()
    yield "roster", roster
    _close(roster)

    member = store.members.all()[0]
    dialog = _show(qtbot, cls["MemberDialog"](services, int(member.id)))
    yield "member dialog (edit)", dialog
    _close(dialog)
    dialog = _show(qtbot, cls["MemberDialog"](services, None))
    yield "member dialog (new)", dialog
    _close(dialog)
    history = _show(qtbot, cls["MemberHistoryDialog"](services, int(member.id)))
    yield "member history", history
    _close(history)
    csv_dialog = _show(qtbot, cls["CsvImportDialog"](services))
    yield "csv import", csv_dialog
    _close(csv_dialog)

    # The meeting runner in every segment, then its dialogs, then the lock screen.
    added = store.members.add_many(
        [Member(n, group_ids=[int(group.id)]) for n in ("Maya", "Ali", "Sam")]
    )
    meeting = store.meetings.start(int(group.id), TODAY.isoformat())
    runner = _show(qtbot, cls["MeetingRunner"](services, int(meeting.id)))
    for person in added:
        runner.session.check_in(person.pseudonym)
    segments = runner.session.run.segments
    kinds = {s.kind for s in segments}
    assert SegmentKind.WELLBEING_CHECK in kinds
    for i in range(len(segments)):
        runner.go_to(i)
        QApplication.processEvents()
        yield f"runner segment {i} {segments[i].kind.value}", runner
    runner.open_arrival()
    yield "arrival dialog", runner.arrival_dialog
    runner.arrival_dialog.reject()
    runner.open_safety()
    yield "safety panel", runner.safety_panel
    runner.safety_panel.reject()
    snapshot = runner.lock_snapshot()
    runner.end_meeting()
    if runner.summary_dialog is not None:
        yield "meeting summary", runner.summary_dialog
        runner.summary_dialog.reject()
    runner.clear_personal_data()
    _close(runner)

    reports_cls = _optional("groupkeeper.ui.reports", "ReportsScreen")
    if reports_cls is not None:
        reports = _show(qtbot, reports_cls(services))
        reports.refresh()
        # The report is built in the worker; locking under it would pull the database
        # away from a running query.
        qtbot.waitUntil(lambda: not worker.busy(), timeout=30000)
        QApplication.processEvents()
        yield "reports", reports
        worker.wait_idle()
        reports.clear_personal_data()
        _close(reports)

    services.lock()
    unlock = _show(qtbot, cls["UnlockScreen"](services))
    unlock.refresh()
    yield "unlock", unlock
    _close(unlock)
    lock_screen = _show(qtbot, cls["MeetingLockScreen"](services, snapshot))
    yield "meeting lock screen", lock_screen
    _close(lock_screen)


def _optional(module: str, name: str) -> Any:
    import importlib

    try:
        return getattr(importlib.import_module(module), name)
    except ModuleNotFoundError:
        return None
