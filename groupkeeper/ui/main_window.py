"""The main window: a stack of screens, navigation, auto-lock and the meeting lock screen.

First run when there is no vault, else unlock; after unlock, Home. Roster, Reports and
the meeting runner are imported lazily, so the unlock screen appears before the storage
stack is imported.
Start-up is in two steps: the constructor builds only the first screen; the navigation
bar, shortcuts, idle watcher and app icon follow in ``finish_start()`` right after the
first frame is painted (bench/bench_startup.py measures the first step).

Locking (Ctrl+L, idle, or a sleep detected by ``IdleWatcher``): every screen's
``clear_personal_data()`` runs, screens holding personal data are dropped, then
``services.lock()``. During a meeting the lock screen keeps the agenda and timer (from
``MeetingRunner.lock_snapshot()``) and returns to the same meeting after unlock. Closing
the window mid-meeting does not end it: the runner saved every action, and Home offers
"Resume meeting".
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from groupkeeper.ui.binding_fix import forget_sources
from groupkeeper.ui.unlock import UnlockScreen

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QPaintEvent, QShortcut

    from groupkeeper.ui.idle import IdleWatcher
    from groupkeeper.ui.services import Services

log = logging.getLogger(__name__)

#: finish_start() runs after the first frame; this is the fallback if none is painted.
FINISH_START_FALLBACK_MS = 500

# Screens imported when first needed, so the unlock screen appears before the storage
# stack is loaded (start-up budget).
SCREENS = {
    "roster": ("groupkeeper.ui.roster", "RosterScreen"),
    "reports": ("groupkeeper.ui.reports", "ReportsScreen"),
    "runner": ("groupkeeper.ui.meeting.runner", "MeetingRunner"),
}


def _screen_class(name: str) -> Any:
    module_name, class_name = SCREENS[name]
    screen = getattr(importlib.import_module(module_name), class_name)
    forget_sources()
    return screen


class MainWindow(QMainWindow):
    """The app shell. ``services`` carries settings, clocks and the vault."""

    locked = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("GroupKeeper"))
        self.setObjectName("mainWindow")
        self.stack = QStackedWidget(self)
        self.home: Any = None
        self.roster: Any = None
        self.reports: Any = None
        self.runner: Any = None
        self.lock_screen: Any = None
        self.first_run: Any = None
        self.settings_dialog: Any = None
        self.help_dialog: Any = None
        self.tour: Any = None
        self.auto_sync: Any = None  # shared groups kept in step while unlocked
        self._vault_settings: dict[str, Any] = {}

        central = QWidget(self)
        self._outer = QVBoxLayout(central)
        self._outer.setContentsMargins(0, 0, 0, 0)
        self._outer.setSpacing(0)
        self.banner = None
        if services.is_demo:
            from groupkeeper.ui.widgets.banner import DemoBanner

            self.banner = DemoBanner(central)
            self._outer.addWidget(self.banner)
        self._outer.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        # Built inside the stack: created elsewhere and then moved there, every widget of
        # the screen had its style sheet worked out twice (~1.5 ms of the first frame).
        self.unlock_screen = UnlockScreen(services, self.stack)
        self.unlock_screen.unlocked.connect(self._on_unlocked)
        self.stack.addWidget(self.unlock_screen)

        # Built by finish_start(), after the first frame: nothing on the first screen
        # needs them, and they cost a good share of the start-up budget.
        self._started = False
        self._finish_scheduled = False
        self._rebuild_scheduled = False
        self._nav: QWidget | None = None
        self._nav_buttons: dict[str, QPushButton] = {}
        self._idle: IdleWatcher | None = None
        self.shortcuts: list[QShortcut] = []
        self.resize(1280, 760)
        from groupkeeper.ui.app import language_notifier

        language_notifier().changed.connect(self._on_language_changed)
        self._show_start_screen()
        # If no frame is ever painted (a window never shown), finish anyway. A timer of
        # the window's own: ``QTimer.singleShot`` with a receiver makes PySide6 build its
        # ``QMetaMethod`` class, which the first frame does not otherwise need.
        self._finish_fallback = QTimer(self)
        self._finish_fallback.setSingleShot(True)
        self._finish_fallback.timeout.connect(self.finish_start)
        self._finish_fallback.start(FINISH_START_FALLBACK_MS)

    # -- language and text size change while running ---------------------------------
    def _on_language_changed(self) -> None:
        # A signal rather than ``changeEvent``: the first call of a Python event handler
        # taking a plain QEvent makes PySide6 build all 53 of its event classes (~2 ms
        # before the first frame; the window's title change already calls it).
        if not self._rebuild_scheduled:
            # One rebuild once the new translators are in, after the current event.
            self._rebuild_scheduled = True
            QTimer.singleShot(0, self, self.rebuild_screens)

    def rebuild_screens(self) -> None:
        """Build the navigation and the open screens again, in the current language and
        text size (nothing is lost: every screen shows what the vault holds, and a meeting
        resumes where it was, since every action was saved)."""
        self._rebuild_scheduled = False
        self.setWindowTitle(self.tr("GroupKeeper"))
        if not self.services.is_unlocked:
            return  # the unlock and lock screens hold no translated state worth keeping
        current = self.stack.currentWidget()
        showing = next(
            (n for n in ("home", "roster", "reports", "runner") if getattr(self, n) is current),
            "home",
        )
        self._set_tour_aside()
        central = self.centralWidget()
        if self._nav is not None and central is not None:
            old = self._nav
            self._nav_buttons.clear()
            self._nav = self._build_nav(central)
            self._outer.insertWidget(self._outer.indexOf(old), self._nav)
            old.hide()
            old.deleteLater()
        meeting_id = getattr(self.runner, "meeting_id", None)
        for name in ("home", "roster", "reports"):
            screen = getattr(self, name)
            if screen is not None:
                screen.clear_personal_data()
                self.stack.removeWidget(screen)
                screen.deleteLater()
                setattr(self, name, None)
        self._drop_runner()
        if meeting_id is not None:
            self.open_meeting(int(meeting_id))
        if showing != "runner":
            {"home": self.show_home, "roster": self.show_roster, "reports": self.show_reports}[
                showing
            ]()

    # -- start-up in two steps ----------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if not self._started and not self._finish_scheduled:
            self._finish_scheduled = True
            QTimer.singleShot(0, self, self.finish_start)

    def finish_start(self) -> None:
        """Build what the first frame does not need; runs once, right after it is painted.

        The navigation bar (hidden until unlock), the keyboard shortcuts, the idle
        watcher, the unlock screen's finishing touches and Qt's own translation (its
        dialogs' and context menus' words). Anything that needs them
        reaches them through ``nav``, ``nav_buttons`` and ``idle``, which call this
        first, so the order never matters.
        """
        if self._started:
            return
        self._started = True
        self._finish_fallback.stop()
        from groupkeeper.ui.idle import IdleWatcher

        central = self.centralWidget()
        assert central is not None
        self._nav = self._build_nav(central)
        self._nav.setVisible(self.services.is_unlocked)
        self._outer.insertWidget(self._outer.indexOf(self.stack), self._nav)
        self._idle = IdleWatcher(self.services.clock, self._idle_limit_seconds, parent=self)
        self._idle.idle_timeout.connect(self.lock)
        self._shortcuts()
        self.unlock_screen.finish_setup()
        from groupkeeper.ui.app import install_deferred_translations, set_app_icon

        install_deferred_translations()
        set_app_icon()
        forget_sources()

    @property
    def nav(self) -> QWidget:
        """The navigation bar (shown while unlocked)."""
        self.finish_start()
        assert self._nav is not None
        return self._nav

    @property
    def nav_buttons(self) -> dict[str, QPushButton]:
        """The navigation bar's buttons by key (``home`` ... ``lock``)."""
        self.finish_start()
        return self._nav_buttons

    def stop_idle_watch(self) -> None:
        """Stop the idle watcher for good (the window is going away)."""
        if self._idle is not None:
            self._idle.close()

    @property
    def idle(self) -> IdleWatcher:
        """The auto-lock watcher (watching only while unlocked)."""
        self.finish_start()
        assert self._idle is not None
        return self._idle

    # -- building ---------------------------------------------------------------------
    def _build_nav(self, parent: QWidget) -> QWidget:
        bar = QWidget(parent)
        bar.setObjectName("navBar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(12, 6, 12, 6)
        buttons = self._nav_buttons
        for key, text, tip in (
            ("home", self.tr("Home"), "Ctrl+1"),
            ("roster", self.tr("Roster"), "Ctrl+2"),
            ("reports", self.tr("Reports"), "Ctrl+3"),
            ("settings", self.tr("Settings"), "Ctrl+,"),
            ("help", self.tr("Help"), "F1"),
        ):
            button = QPushButton(text, bar)
            button.setAutoDefault(False)
            button.setToolTip(f"{text} ({tip})")
            button.setAccessibleName(text)
            row.addWidget(button)
            buttons[key] = button
        row.addStretch(1)
        lock = QPushButton(self.tr("Lock"), bar)
        lock.setToolTip(self.tr("Lock now (Ctrl+L)"))
        lock.setAccessibleName(self.tr("Lock GroupKeeper now"))
        lock.setAutoDefault(False)
        row.addWidget(lock)
        buttons["lock"] = lock
        buttons["home"].clicked.connect(self.show_home)
        buttons["roster"].clicked.connect(self.show_roster)
        buttons["reports"].clicked.connect(self.show_reports)
        buttons["settings"].clicked.connect(self.show_settings)
        buttons["help"].clicked.connect(self.show_help)
        lock.clicked.connect(self.lock)
        return bar

    def _shortcuts(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QKeySequence, QShortcut

        # No Alt+letter here: an application-wide Alt shortcut makes the same mnemonic on
        # a button ambiguous, and then neither fires (Alt+H is check-in's "New here").
        pairs = (
            ("Ctrl+1", self.show_home),
            ("Ctrl+2", self.show_roster),
            ("Ctrl+3", self.show_reports),
            ("Ctrl+,", self.show_settings),
            ("Ctrl+L", self.lock),
            ("F1", self.show_help),
        )
        for keys, slot in pairs:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts.append(shortcut)
        settings_std = QShortcut(QKeySequence(QKeySequence.StandardKey.Preferences), self)
        settings_std.activated.connect(self.show_settings)
        self.shortcuts.append(settings_std)

    def _show_start_screen(self) -> None:
        if self._nav is not None:
            self._nav.setVisible(False)
        if self.services.vault_exists():
            self.unlock_screen.refresh()
            self.stack.setCurrentWidget(self.unlock_screen)
            self.unlock_screen.setFocus()
        else:
            from groupkeeper.ui.first_run import FirstRunScreen

            self.first_run = FirstRunScreen(self.services, self.stack)
            self.first_run.finished.connect(self._on_first_run_finished)
            self.stack.addWidget(self.first_run)
            self.stack.setCurrentWidget(self.first_run)
            self.first_run.setFocus()

    # -- unlocked life ----------------------------------------------------------------
    def _on_first_run_finished(self) -> None:
        screen = self.first_run
        self.first_run = None
        self._after_unlock()
        if screen is not None:
            screen.clear_personal_data()
            self.stack.removeWidget(screen)
            screen.deleteLater()

    def _on_unlocked(self) -> None:
        self._after_unlock()

    def _after_unlock(self) -> None:
        self.reload_vault_settings()
        self.nav.setVisible(True)
        self.idle.start()
        self.show_home()
        self._start_auto_sync()
        from groupkeeper.ui.tour import should_show_tour

        if should_show_tour(self.services):
            self.start_tour()
        forget_sources()  # Home's modules (and the storage stack's) are in now

    def _start_auto_sync(self) -> None:
        from groupkeeper.ui.auto_sync import AutoSync

        if self.auto_sync is None:
            self.auto_sync = AutoSync(self.services, self)
        self.auto_sync.start()

    def reload_vault_settings(self) -> None:
        """Cache the lock timeouts (read at every idle check)."""
        if self.services.is_unlocked:
            self._vault_settings = self.services.store.settings.all()

    def _idle_limit_seconds(self) -> float:
        key = "meeting_lock_minutes" if self.in_meeting() else "auto_lock_minutes"
        default = 30 if key == "meeting_lock_minutes" else 5
        return 60.0 * float(self._vault_settings.get(key, default))

    def in_meeting(self) -> bool:
        return self.runner is not None

    def _ensure_home(self) -> Any:
        if self.home is None:
            from groupkeeper.ui.home import HomeScreen

            self.home = HomeScreen(self.services, self)
            self.home.start_meeting.connect(self.open_meeting)
            self.home.resume_meeting.connect(self.open_meeting)
            self.home.meeting_discarded.connect(self._on_home_meeting_discarded)
            self.stack.addWidget(self.home)
        return self.home

    def _screen(self, name: str) -> Any:
        current = getattr(self, name)
        if current is None:
            current = _screen_class(name)(self.services, self)
            setattr(self, name, current)
            self.stack.addWidget(current)
        return current

    def show_home(self) -> None:
        if not self.services.is_unlocked:
            return
        home = self._ensure_home()
        home.reloader.flush()  # reads again only if something was written (or a new day)
        self.stack.setCurrentWidget(home)
        # The screen that had focus (unlock, first run, runner) is gone: without this a
        # keyboard user lands nowhere.
        home.focus_main()

    def show_roster(self) -> None:
        if not self.services.is_unlocked:
            return
        screen = self._screen("roster")
        screen.reloader.flush()  # reads again only if something was written (or a new day)
        self.stack.setCurrentWidget(screen)

    def show_reports(self) -> None:
        if not self.services.is_unlocked:
            return
        screen = self._screen("reports")
        screen.refresh()
        self.stack.setCurrentWidget(screen)

    def show_settings(self) -> None:
        if not self.services.is_unlocked:
            return
        from groupkeeper.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.services, self)
        self.settings_dialog = dialog
        try:
            dialog.exec()
        finally:
            self.settings_dialog = None
            dialog.deleteLater()
        if self.services.is_unlocked:
            self.reload_vault_settings()
            # A new language, text size or theme applies at once: the screens are built
            # again (their layouts depend on the text size, their words on the language).
            self.rebuild_screens()

    def show_help(self) -> None:
        """F1: the meeting guide and the keyboard-shortcut sheet (works locked too)."""
        from groupkeeper.ui.help import HelpDialog

        dialog = HelpDialog(self.services, self)
        self.help_dialog = dialog
        try:
            dialog.exec()
        finally:
            self.help_dialog = None
            dialog.deleteLater()

    def start_tour(self) -> None:
        """Show the first-run tour panel under the navigation bar (once, skippable)."""
        from groupkeeper.ui.tour import TourPanel

        if self.tour is not None or self.runner is not None:
            return  # not over a meeting (see _set_tour_aside)
        self.tour = TourPanel(self.services, self.nav_buttons, self.centralWidget())
        self.tour.finished.connect(self._on_tour_finished)
        central = self.centralWidget()
        assert central is not None
        layout = central.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.nav) + 1, self.tour)
        self.tour.next_button.setFocus()

    def _on_tour_finished(self) -> None:
        tour = self.tour
        self.tour = None
        if tour is not None:
            tour.deleteLater()
        current = self.stack.currentWidget()
        if current is not None:
            current.setFocus()

    def _set_tour_aside(self) -> None:
        """Drop the tour without marking it done: it comes back after the next unlock.

        Also during a meeting, where its Alt letters would clash with the runner's
        (Alt+S is Safety) and it would only distract the room.
        """
        if self.tour is not None:
            self.tour.hide()
            self.tour.deleteLater()
            self.tour = None

    # -- meetings ---------------------------------------------------------------------
    def open_meeting(self, meeting_id: int) -> None:
        """Show the meeting runner for ``meeting_id`` (new or resumed)."""
        self._set_tour_aside()
        if self.runner is not None and self.runner.meeting_id == meeting_id:
            self.stack.setCurrentWidget(self.runner)
            self._focus_runner()
            return
        self._drop_runner()
        self.runner = _screen_class("runner")(self.services, meeting_id, self)
        self.runner.ended.connect(self._on_runner_ended)
        self.runner.resumed_home.connect(self.show_home)
        self.runner.discarded.connect(self._on_runner_discarded)
        self.runner.discarded_elsewhere.connect(self._on_runner_discarded_elsewhere)
        self.stack.addWidget(self.runner)
        self.stack.setCurrentWidget(self.runner)
        self._focus_runner()

    def _focus_runner(self) -> None:
        if self.runner is not None:
            self.runner.focus_main()

    def _on_runner_ended(self, _meeting_id: int) -> None:
        self._drop_runner()
        self.show_home()

    def _on_runner_discarded(self, _meeting_id: int) -> None:
        self._drop_runner()
        self.show_home()

    def _on_runner_discarded_elsewhere(self, _meeting_id: int) -> None:
        from groupkeeper.ui import messages

        self._drop_runner()
        self.show_home()
        messages.info(
            self,
            self.tr("Meeting discarded"),
            self.tr(
                "This meeting was discarded on another laptop that shares the group, so "
                "nothing more can be recorded in it. Anything recorded here that the "
                "other laptop had not seen yet stays and shows on Home."
            ),
        )

    def _on_home_meeting_discarded(self, meeting_id: int) -> None:
        # The runner kept for "Resume" must not outlive its meeting.
        if self.runner is not None and self.runner.meeting_id == meeting_id:
            self._drop_runner()

    def _drop_runner(self) -> None:
        if self.runner is None:
            return
        runner = self.runner
        self.runner = None
        runner.clear_personal_data()
        self.stack.removeWidget(runner)
        runner.setParent(None)
        runner.deleteLater()

    # -- locking ----------------------------------------------------------------------
    def lock(self) -> None:
        """Clear every screen, drop the personal ones, lock the vault, show unlock."""
        if not self.services.is_unlocked:
            return
        self.idle.stop()
        if self.auto_sync is not None:
            from groupkeeper.ui.sync_status import close_dialogs

            self.auto_sync.stop()
            close_dialogs()  # a one-time code or a member's details must not stay up
        snapshot = None
        meeting_id = None
        if self.runner is not None:
            meeting_id = self.runner.meeting_id
            snapshot = self.runner.lock_snapshot()
        for dialog in (self.settings_dialog, self.help_dialog):
            if dialog is not None:
                dialog.reject()
        self._set_tour_aside()
        for name in ("home", "roster", "reports"):
            screen = getattr(self, name)
            if screen is not None:
                screen.clear_personal_data()
                self.stack.removeWidget(screen)
                screen.setParent(None)
                screen.deleteLater()
                setattr(self, name, None)
        self._drop_runner()
        # Background tasks (a report, a backup, an import) each hold their own connection:
        # the vault interrupts them (a write gets a moment to commit), closes every
        # connection and zeroes the key, within a second. Their results are dropped.
        self.services.lock()
        self.nav.setVisible(False)
        if snapshot is not None or meeting_id is not None:
            from groupkeeper.ui.lock_screen import MeetingLockScreen

            snap = dict(snapshot or {})
            snap.setdefault("meeting_id", meeting_id or 0)
            self.lock_screen = MeetingLockScreen(self.services, snap, self)
            self.lock_screen.unlocked.connect(self._on_lock_screen_unlocked)
            self.stack.addWidget(self.lock_screen)
            self.stack.setCurrentWidget(self.lock_screen)
            self.lock_screen.setFocus()
        else:
            self.unlock_screen.refresh()
            self.stack.setCurrentWidget(self.unlock_screen)
            self.unlock_screen.setFocus()
        log.info("vault locked")
        self.locked.emit()

    def _on_lock_screen_unlocked(self, meeting_id: int) -> None:
        screen = self.lock_screen
        self.lock_screen = None
        self._after_unlock()
        if meeting_id:
            self.open_meeting(meeting_id)
        if screen is not None:
            self.stack.removeWidget(screen)
            screen.deleteLater()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        # The meeting is NOT ended: every action is already saved, and Home offers
        # "Resume meeting" next time. Clear and lock so nothing stays in memory.
        self.stop_idle_watch()
        if self.services.is_unlocked:
            self.lock()
        super().closeEvent(event)
