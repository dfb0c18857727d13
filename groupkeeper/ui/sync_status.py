"""Sync status on Home, the Conflicts list and "Remove a laptop".

``SyncPanel`` (one box on Home) shows per shared group: how many laptops share it, the
last change from another laptop, this laptop's changes not yet seen by the others, when it
last synced, files in the shared folder that were refused (with the reason in plain
words: nothing was applied from them) and edits waiting to be settled. It offers "Join a
shared group...", "Sync now", "Conflicts..." and "Laptops...". It reloads itself after
every operation (the sync link reports a sync through the same ``changed`` signal).

``ConflictsDialog``: two edits of the same member field made without seeing each other,
side by side, with the laptop that made each and when; the facilitator keeps one. It
reads them in the worker, never on the window's connection.
``LaptopsDialog``: the laptops sharing a group; removing one says plainly that what it
already has stays on it (it reads nothing new: the group gets a new key).
"""

from __future__ import annotations

import weakref
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt, QTimer, QTimeZone, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from groupkeeper.ui import messages, sync_link, worker
from groupkeeper.ui.widgets.flow import FlowLayout
from groupkeeper.ui.widgets.sizing import fit_to_text_and_screen

if TYPE_CHECKING:
    from groupkeeper.model import Group
    from groupkeeper.ops import Kind, OpResult
    from groupkeeper.ui.services import Services
    from groupkeeper.ui.sync_link import Conflict, SharedGroupStatus, Version


def when_text(moment: datetime | None, today: datetime | None = None) -> str:
    """``10:42`` today, else ``24 Nov 10:42`` (in the app's language and its way of
    writing the time)."""
    if moment is None:
        return QCoreApplication.translate("sync", "never")
    local = moment.astimezone() if moment.tzinfo else moment
    qt = QDateTime.fromSecsSinceEpoch(int(local.timestamp()), QTimeZone.systemTimeZone())
    now = today.astimezone() if today is not None and today.tzinfo else today
    time = QLocale().toString(qt.time(), QLocale.FormatType.ShortFormat)
    if now is not None and local.date() == now.date():
        return time
    # The time as the language writes it (5:02 PM, 17:02) on both branches.
    return f"{QLocale().toString(qt.date(), 'd MMM')} {time}"


def field_title(code: str) -> str:
    """A member field's name for the facilitator."""
    titles = {
        "display_name": QCoreApplication.translate("sync", "Name"),
        "full_name": QCoreApplication.translate("sync", "Full name"),
        "pronouns": QCoreApplication.translate("sync", "Pronouns"),
        "phone": QCoreApplication.translate("sync", "Phone"),
        "email": QCoreApplication.translate("sync", "Email"),
        "emergency_contact": QCoreApplication.translate("sync", "Emergency contact"),
        "notes": QCoreApplication.translate("sync", "Notes"),
        "pseudonym": QCoreApplication.translate("sync", "Pseudonym"),
        "contact_consent": QCoreApplication.translate("sync", "May be contacted"),
        "joined_on": QCoreApplication.translate("sync", "Joined on"),
        "active": QCoreApplication.translate("sync", "Active"),
        "groups": QCoreApplication.translate("sync", "Groups"),
    }
    return titles.get(code, code)


def refused_reason(code: str) -> str:
    """Why a file in the shared folder was refused, in plain words."""
    reasons = {
        "foreign-signature": QCoreApplication.translate(
            "sync", "it was not signed by a laptop of this group"
        ),
        "bad-signature": QCoreApplication.translate(
            "sync", "its signature does not match: it was changed after it was written"
        ),
        "unreadable": QCoreApplication.translate("sync", "it was not locked with this group's key"),
        "truncated": QCoreApplication.translate(
            "sync", "it is incomplete (perhaps still being copied)"
        ),
        "malformed": QCoreApplication.translate("sync", "it is damaged"),
        "wrong-place": QCoreApplication.translate(
            "sync", "it was moved from where its laptop wrote it"
        ),
        "too-large": QCoreApplication.translate("sync", "it is far too large"),
        "unavailable": QCoreApplication.translate("sync", "it could not be read"),
        "removed-laptop": QCoreApplication.translate(
            "sync", "it comes from a laptop that was removed from the group"
        ),
        "invitation-used": QCoreApplication.translate(
            "sync", "it comes from a laptop that joined with an invitation used before"
        ),
    }
    return reasons.get(code, QCoreApplication.translate("sync", "it is not genuine"))


def error_text(exc: BaseException) -> str:
    """The sentence for a known error of sharing, joining or syncing."""
    code = getattr(exc, "code", "")
    words = {
        "wrong_code": QCoreApplication.translate(
            "sharing",
            "That code does not open this invitation. Check the digits with the other "
            "facilitator and type it again. Nothing was changed.",
        ),
        "not_an_invitation": QCoreApplication.translate(
            "sharing",
            "That file is not a GroupKeeper invitation. Choose the file the other "
            "facilitator wrote. Nothing was changed.",
        ),
        "invitation_used": QCoreApplication.translate(
            "sharing",
            "This invitation has been used already, so it opens nothing now. Ask the other "
            "facilitator to share the group again for a new invitation and code. Nothing "
            "was changed.",
        ),
        "already_shared": QCoreApplication.translate(
            "sharing",
            "This group is shared already: this laptop shared it or joined it before. "
            "Nothing was changed.",
        ),
        "sync_folder_unavailable": QCoreApplication.translate(
            "sharing",
            "The shared folder cannot be used: it is missing (is the USB stick plugged "
            "in?) or GroupKeeper may not write there. Plug it in or choose another folder, "
            "then try again. Nothing was changed.",
        ),
        "invitation_unreadable": QCoreApplication.translate(
            "sharing",
            "The invitation file cannot be read. Is the USB stick still plugged in? "
            "Nothing was changed.",
        ),
        "not_shared": QCoreApplication.translate(
            "sharing", "This group is not shared any more. Nothing was changed."
        ),
        "laptop_not_removable": QCoreApplication.translate(
            "sharing",
            "That laptop cannot be removed now: it was removed already, or another laptop "
            "of the group has not synced since it was updated. Sync on every laptop, then "
            "try again. Nothing was changed.",
        ),
    }
    return words.get(code) or messages.describe_error(exc)


def _label(text: str, parent: QWidget, role: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    return label


class SharedGroupBox(QFrame):
    """One shared group's status and buttons."""

    def __init__(
        self, status: SharedGroupStatus, now: datetime | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.status = status
        self.setObjectName("sharedGroup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        others = [lap for lap in status.laptops if not lap.this_laptop]
        parts = [
            self.tr("%1: shared with %n other laptop(s)", "", len(others)).replace(
                "%1", status.group_name
            )
        ]
        latest = max(
            (lap for lap in others if lap.last_change is not None),
            key=lambda lap: lap.last_change or datetime.min,
            default=None,
        )
        if latest is not None:
            parts.append(
                self.tr("last change from %1, %2")
                .replace("%1", latest.label)
                .replace("%2", when_text(latest.last_change, now))
            )
        if status.pending:
            parts.append(
                self.tr("%n of your change(s) not yet seen by the others", "", status.pending)
            )
        else:
            parts.append(self.tr("the others have all your changes"))
        self.summary = _label(" \u00b7 ".join(parts), self)
        self.summary.setObjectName("syncSummary")
        layout.addWidget(self.summary)
        synced = self.tr("Last synced: %1").replace("%1", when_text(status.last_sync, now))
        self.synced_label = _label(synced, self, "hint")
        layout.addWidget(self.synced_label)
        if status.conflicts:
            conflicts = _label(
                self.tr(
                    "%n edit(s) made on two laptops at once need you to choose which to keep.",
                    "",
                    status.conflicts,
                ),
                self,
            )
            conflicts.setObjectName("syncConflicts")
            layout.addWidget(conflicts)
        buttons = FlowLayout()
        self.conflicts_button = QPushButton(self.tr("Conflicts..."), self)
        self.conflicts_button.setAccessibleName(
            self.tr("Settle the conflicting edits of %1").replace("%1", status.group_name)
        )
        self.conflicts_button.setVisible(status.conflicts > 0)
        if status.conflicts:
            self.conflicts_button.setProperty("role", "primary")
        self.laptops_button = QPushButton(self.tr("Laptops..."), self)
        self.laptops_button.setAccessibleName(
            self.tr("The laptops sharing %1").replace("%1", status.group_name)
        )
        self.invite_button = QPushButton(self.tr("Invite another laptop..."), self)
        self.invite_button.setAccessibleName(
            self.tr("Invite another laptop to %1").replace("%1", status.group_name)
        )
        # A removed laptop cannot invite (it no longer has the group's key).
        self.invite_button.setVisible(not status.removed_here)
        buttons.addWidget(self.conflicts_button)
        buttons.addWidget(self.laptops_button)
        buttons.addWidget(self.invite_button)
        layout.addLayout(buttons)
        self.warning_labels: list[QLabel] = []
        if status.removed_here:
            self._warn(
                self.tr(
                    "Another laptop removed this one from %1: nothing new arrives here for "
                    "it, and the others refuse what this laptop sends. What is already here "
                    "stays here."
                ).replace("%1", status.group_name)
            )
        if status.folder_missing:
            self._warn(
                self.tr(
                    "The shared folder cannot be reached (%1). Plug in the USB stick or "
                    "check the synced folder; changes wait here until it is back."
                ).replace("%1", status.folder)
            )
        for refused in status.refused:
            self._warn(
                self.tr(
                    "A file in the shared folder was refused, because %1: %2. Nothing "
                    "was taken from it."
                )
                .replace("%1", refused_reason(refused.reason))
                .replace("%2", refused.path)
            )

    def _warn(self, text: str) -> None:
        label = _label(text, self)
        label.setObjectName("inlineError")
        self.warning_labels.append(label)
        self.layout().addWidget(label)  # type: ignore[union-attr]


class SyncPanel(QFrame):
    """Home's box for shared groups (see the module docstring)."""

    join_requested = Signal()
    #: The boxes were replaced: ``shared_group_ids`` may say otherwise now (Home's cards
    #: then offer "Invite another laptop..." instead of "Share").
    shared_groups = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from groupkeeper.ui.operations import ScreenReloader

        self.services = services
        self.setObjectName("syncPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.boxes: list[SharedGroupBox] = []
        self.dialog: QDialog | None = None
        self.syncing = False
        self.loading = False
        self._load_again = False
        self.boxes_host = QWidget()
        self.boxes_layout = QVBoxLayout(self.boxes_host)
        self.boxes_layout.setContentsMargins(0, 0, 0, 0)
        # Several shared groups, or warnings at 200% text, scroll rather than push
        # Home's group cards off the screen.
        self.boxes_scroll = QScrollArea(self)
        self.boxes_scroll.setWidgetResizable(True)
        self.boxes_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.boxes_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.boxes_scroll.setWidget(self.boxes_host)
        self.boxes_scroll.hide()
        self.status_label = _label("", self, "hint")
        self.status_label.setObjectName("syncState")
        self.status_label.hide()
        self.join_button = QPushButton(self.tr("Join a shared group..."), self)
        self.join_button.setAccessibleName(
            self.tr("Join a group another facilitator shares with you")
        )
        self.join_button.clicked.connect(self.join_group)
        self.sync_button = QPushButton(self.tr("Sync now"), self)
        self.sync_button.setAccessibleName(self.tr("Sync the shared groups now"))
        self.sync_button.clicked.connect(self.sync_now)
        buttons = FlowLayout()
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.join_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.boxes_scroll)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)
        # Reload after any operation: the sync link reports syncs through ``changed``.
        self.reloader = ScreenReloader(self, services, list(_all_kinds()), self.refresh)
        services.ops.changed.connect(self._on_ops_changed)

    def _on_ops_changed(self, result: OpResult) -> None:
        # A sync that changed no record is broadcast with no kinds (screens stay as they
        # are), but what this panel shows changed: last sync, files seen, conflicts.
        if result.op.name.startswith("sync.") and not result.changes.kinds:
            self.reloader.stale = True
            if self.isVisible():
                QTimer.singleShot(0, self, self.reloader.flush)

    @property
    def link(self) -> sync_link.SyncLinkLike:
        return sync_link.for_services(self.services)

    def refresh(self) -> None:
        """Load the shared groups' status in the worker; the boxes follow when it is in."""
        self.reloader.loaded()
        if not self.services.is_unlocked:
            self.clear_personal_data()
            return
        if self.loading:  # one read at a time; one more after it
            self._load_again = True
            return
        self.loading = True
        if not self.link.load_statuses(self._on_statuses_loaded, self._on_statuses_failed):
            self.loading = False

    def _after_load(self) -> None:
        self.loading = False
        if self._load_again:
            self._load_again = False
            self.refresh()

    def _on_statuses_failed(self, exc: BaseException) -> None:
        from groupkeeper.storage.errors import KnownError

        self.loading = False
        self._load_again = False
        if not isinstance(exc, KnownError):
            worker.report_bug(exc)
            return
        self._say(error_text(exc))

    def _on_statuses_loaded(self, statuses: list[SharedGroupStatus]) -> None:
        self.show_statuses(statuses)
        self._after_load()

    def show_statuses(self, statuses: list[SharedGroupStatus]) -> None:
        """Replace the boxes with ``statuses``."""
        self.clear_personal_data()
        now = self.services.now()
        for status in statuses:
            box = SharedGroupBox(status, now, self.boxes_host)
            box.conflicts_button.clicked.connect(
                lambda _=False, s=status: self.show_conflicts(s.group_uuid)
            )
            box.laptops_button.clicked.connect(
                lambda _=False, s=status: self.show_laptops(s.group_uuid)
            )
            box.invite_button.clicked.connect(lambda _=False, s=status: self.invite(s.group_uuid))
            self.boxes_layout.addWidget(box)
            self.boxes.append(box)
        self.shared_groups.emit()
        self.sync_button.setVisible(bool(statuses))
        self.boxes_scroll.setVisible(bool(statuses))
        if statuses:
            self._fit_boxes()
        if not statuses:
            self._say(
                self.tr(
                    "Co-facilitating on another laptop? Share a group from its card, or "
                    "join one shared with you."
                )
            )
        elif not self.syncing:
            self._say("")

    def _say(self, text: str) -> None:
        """The panel's one line of news ("Syncing...", an error); no empty line left."""
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))

    def _fit_boxes(self) -> None:
        """As tall as the boxes at the panel's width, up to about ten lines; more scrolls.

        The boxes are shown first: a layout counts only visible widgets, and a widget
        added to a shown layout is shown only later (measured hidden, the area was 0 px
        high and the boxes never appeared)."""
        if not self.boxes:
            return
        for box in self.boxes:
            box.show()
        self.boxes_layout.activate()
        width = self.boxes_scroll.viewport().width()
        host = self.boxes_host
        needed = host.sizeHint().height()
        if width > 0 and host.hasHeightForWidth():
            needed = max(host.heightForWidth(width), 1)
        # Up to ten lines, but never more than a quarter of the window (at 200% text
        # the group cards above need the room); the rest scrolls.
        line = self.fontMetrics().lineSpacing()
        cap = min(line * 10, max(line * 4, self.window().height() // 4))
        self.boxes_scroll.setFixedHeight(min(needed, cap))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_boxes()  # wrapped text takes more or fewer lines

    def clear_personal_data(self) -> None:
        """Drop the status boxes (open dialogs close on lock: ``close_dialogs``)."""
        for box in self.boxes:
            box.setParent(None)
            box.deleteLater()
        self.boxes.clear()

    def shared_group_ids(self) -> set[int]:
        """The local ids of the groups this panel shows as shared."""
        return {b.status.group_id for b in self.boxes if b.status.group_id is not None}

    def box_for(self, group_uuid: str) -> SharedGroupBox:
        return next(b for b in self.boxes if b.status.group_uuid == group_uuid)

    # -- actions ---------------------------------------------------------------------
    def share(self, group: Group) -> None:
        """Open "Share this group...": write the invitation, show the code. For a group
        shared already, invite one more laptop instead (a new invitation and code)."""
        from groupkeeper.ui.share_dialogs import ShareGroupDialog

        shared = next((b.status for b in self.boxes if b.status.group_id == group.id), None)
        folder = Path(shared.folder) if shared is not None else None
        self._run_dialog(ShareGroupDialog(self.services, group, self.window(), folder))

    def invite(self, group_uuid: str) -> None:
        """Invite one more laptop into a shared group (a new invitation and code)."""
        status = self.box_for(group_uuid).status
        if status.group_id is None or not self.services.is_unlocked:
            return
        try:
            group = self.services.store.groups.get(status.group_id)
        except KeyError:
            return  # deleted here meanwhile; the next reload drops its box
        self.share(group)

    def join_group(self) -> None:
        from groupkeeper.ui.share_dialogs import JoinGroupDialog

        self._run_dialog(JoinGroupDialog(self.services, self.window()))

    def _run_dialog(self, dialog: QDialog) -> int:
        return run_dialog(self, dialog)

    def sync_now(self) -> None:
        """Sync every shared group now (in the worker)."""
        if self.syncing:
            return
        self.syncing = True
        self.sync_button.setEnabled(False)
        self._say(self.tr("Syncing..."))
        if not self.link.sync_now(self._on_synced, self._on_sync_failed):
            self.syncing = False
            self.sync_button.setEnabled(True)
            self._say("")

    def _on_synced(self, summary: object) -> None:
        self.syncing = False
        self.sync_button.setEnabled(True)
        written = getattr(summary, "written", 0)
        applied = getattr(summary, "applied", 0)
        self._say(
            self.tr("Synced: %1 sent, %2 received.")
            .replace("%1", str(written))
            .replace("%2", str(applied))
        )

    def _on_sync_failed(self, exc: BaseException) -> None:
        from groupkeeper.storage.errors import KnownError

        self.syncing = False
        self.sync_button.setEnabled(True)
        if not isinstance(exc, KnownError):
            worker.report_bug(exc)
            return
        self._say(error_text(exc))

    def show_conflicts(self, group_uuid: str) -> None:
        status = self.box_for(group_uuid).status
        self._run_dialog(ConflictsDialog(self.services, status, self.window()))

    def show_laptops(self, group_uuid: str) -> None:
        status = self.box_for(group_uuid).status
        self._run_dialog(LaptopsDialog(self.services, status, self.window()))


def run_dialog(holder: Any, dialog: QDialog) -> int:
    """Run ``dialog`` modally as ``holder.dialog`` (where tests and the lock find the open
    one), then forget and delete it; returns what ``exec`` returned. Used by the sync
    panel and Settings → Groups."""
    holder.dialog = dialog
    try:
        return dialog.exec()
    finally:
        holder.dialog = None
        dialog.deleteLater()


#: Every open sharing dialog: they show a code or members' details, so lock closes them.
_open_dialogs: weakref.WeakSet[QDialog] = weakref.WeakSet()


def track(dialog: QDialog) -> None:
    """Close ``dialog`` when the vault locks (``close_dialogs``)."""
    _open_dialogs.add(dialog)


def close_dialogs() -> None:
    """On lock: close every sharing dialog, even one waiting for the worker."""
    for dialog in list(_open_dialogs):
        if dialog.isVisible():
            dialog.done(QDialog.DialogCode.Rejected)
    _open_dialogs.clear()


def _all_kinds() -> tuple[Kind, ...]:
    from groupkeeper.ops import Kind

    return tuple(Kind)


class ConflictsDialog(QDialog):
    """Edits made on two laptops without seeing each other; keep one of each."""

    def __init__(
        self, services: Services, status: SharedGroupStatus, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.status = status
        self.setObjectName("conflictsDialog")
        track(self)
        self.setWindowTitle(self.tr("Conflicts: %1").replace("%1", status.group_name))
        intro = _label(
            self.tr(
                "These edits were made on two laptops before either saw the other's. "
                "Nothing was lost: choose which one to keep. Every laptop then keeps it."
            ),
            self,
        )
        self.rows_host = QWidget()
        self.rows_layout = QVBoxLayout(self.rows_host)
        self.rows_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.rows_host)
        self.empty_label = _label(self.tr("Nothing to settle."), self)
        self.empty_label.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(buttons)
        self.keep_buttons: list[list[QPushButton]] = []
        self.conflicts: list[Conflict] = []
        self.busy = False
        self.loading = False
        self.closed = False
        fit_to_text_and_screen(self, 760, 480)
        self.reload()

    def reload(self) -> None:
        """Read the conflicts again, in the worker; the rows follow when they are in."""
        from groupkeeper.storage.errors import KnownError

        self._clear_rows()
        self.empty_label.setText(self.tr("Reading the edits to settle..."))
        self.empty_label.show()
        try:
            self.loading = sync_link.for_services(self.services).load_conflicts(
                self.status.group_uuid, self._on_conflicts_loaded, self._on_load_failed
            )
        except KnownError as exc:  # the group stopped being shared meanwhile
            self._on_load_failed(exc)
            return
        if not self.loading:  # locked: nothing will come (the lock closes this list)
            self.empty_label.setText("")

    def _clear_rows(self) -> None:
        for frame in self.rows_host.findChildren(QFrame, "conflict"):
            frame.setParent(None)
            frame.deleteLater()
        self.keep_buttons = []
        self.conflicts = []

    def _on_conflicts_loaded(self, conflicts: list[Conflict]) -> None:
        self.loading = False
        if self.closed:  # closed (or locked) while the worker read: keep nothing
            sync_link.for_services(self.services).forget_conflicts()
            return
        self._clear_rows()
        self.conflicts = list(conflicts)
        for conflict in self.conflicts:
            self.rows_layout.insertWidget(self.rows_layout.count() - 1, self._row(conflict))
        self.empty_label.setText(self.tr("Nothing to settle."))
        self.empty_label.setVisible(not self.conflicts)
        if self.keep_buttons:
            self.keep_buttons[0][0].setFocus()

    def _on_load_failed(self, exc: BaseException) -> None:
        from groupkeeper.storage.errors import KnownError

        self.loading = False
        if not isinstance(exc, KnownError):
            worker.report_bug(exc)
            return
        self.empty_label.setText(error_text(exc))
        self.empty_label.show()

    def source_text(self, version: Version) -> str:
        """Which laptop made an edit, e.g. "Edited on Sam's laptop"."""
        if version.this_laptop:
            return self.tr("Edited on this laptop")
        return self.tr("Edited on %1").replace("%1", version.laptop)

    def time_text(self, version: Version) -> str:
        """When an edit was made, e.g. "at 10:42" today, "on 24 Nov 10:42" before."""
        if version.when is None:
            return self.tr("time not known")
        now = self.services.now()
        shown = when_text(version.when, now)
        local = version.when.astimezone()
        if now is not None and local.date() == now.astimezone().date():
            return self.tr("today at %1").replace("%1", shown)
        return self.tr("on %1").replace("%1", shown)

    def _row(self, conflict: Conflict) -> QFrame:
        frame = QFrame(self.rows_host)
        frame.setObjectName("conflict")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(frame)
        title = _label(
            self.tr("%1 of %2")
            .replace("%1", field_title(conflict.field))
            .replace("%2", conflict.member),
            frame,
            "title",
        )
        grid.addWidget(title, 0, 0, 1, max(1, len(conflict.versions)))
        row_buttons: list[QPushButton] = []
        for column, version in enumerate(conflict.versions):
            shown = version.value or self.tr("(empty)")
            value = _label(shown, frame)
            value.setObjectName("conflictValue")
            who = _label(self.source_text(version), frame, "hint")
            who.setObjectName("conflictLaptop")
            when = _label(self.time_text(version), frame, "hint")
            when.setObjectName("conflictTime")
            state = _label(
                self.tr("In use now") if version.in_use else self.tr("Not in use"), frame, "hint"
            )
            state.setObjectName("conflictInUse")
            keep = QPushButton(self.tr("Keep this one"), frame)
            keep.setAccessibleName(
                self.tr("Keep %1 for %2: %3")
                .replace("%1", field_title(conflict.field))
                .replace("%2", conflict.member)
                .replace("%3", shown)
            )
            # Which laptop and when, as the labels above the button say it.
            keep.setAccessibleDescription(f"{who.text()}, {when.text()}")
            keep.clicked.connect(partial(self._on_keep_clicked, conflict.conflict_id, column))
            grid.addWidget(value, 1, column)
            grid.addWidget(who, 2, column)
            grid.addWidget(when, 3, column)
            grid.addWidget(state, 4, column)
            grid.addWidget(keep, 5, column)
            grid.setColumnStretch(column, 1)
            row_buttons.append(keep)
        self.keep_buttons.append(row_buttons)
        return frame

    def _on_keep_clicked(self, conflict_id: str, index: int, _checked: bool = False) -> None:
        self.keep(conflict_id, index)

    def done(self, result: int) -> None:  # noqa: A003 - QDialog.done
        # The values are personal (a phone number, a note): nothing keeps them after.
        self.closed = True
        sync_link.for_services(self.services).forget_conflicts()
        self._clear_rows()
        super().done(result)

    def keep(self, conflict_id: str, index: int) -> None:
        """Keep version ``index`` of a conflict (the link's operation, in the worker)."""
        if self.busy:
            return
        self._set_busy(True)
        sync_link.for_services(self.services).resolve(
            self.status.group_uuid, conflict_id, index, self._on_kept, self._on_failed
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for row in self.keep_buttons:
            for button in row:
                button.setEnabled(not busy)

    def _on_kept(self, _result: object) -> None:
        self._set_busy(False)
        self.reload()

    def _on_failed(self, exc: BaseException) -> None:
        from groupkeeper.storage.errors import KnownError

        self._set_busy(False)
        if not isinstance(exc, KnownError):
            worker.report_bug(exc)
            return
        messages.error(self, error_text(exc))


class LaptopsDialog(QDialog):
    """The laptops sharing a group; remove one that should read nothing new."""

    def __init__(
        self, services: Services, status: SharedGroupStatus, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.status = status
        self.setObjectName("laptopsDialog")
        track(self)
        self.setWindowTitle(self.tr("Laptops sharing %1").replace("%1", status.group_name))
        layout = QVBoxLayout(self)
        layout.addWidget(
            _label(self.tr("Shared folder: %1").replace("%1", status.folder), self, "hint")
        )
        self.remove_buttons: dict[str, QPushButton] = {}
        for laptop in status.laptops:
            frame = QFrame(self)
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            row = QVBoxLayout(frame)
            name = laptop.label
            if laptop.this_laptop:
                name = self.tr("%1 (this laptop)").replace("%1", laptop.label)
            row.addWidget(_label(name, frame))
            row.addWidget(
                _label(
                    self.tr("Last change: %1").replace(
                        "%1", when_text(laptop.last_change, services.now())
                    ),
                    frame,
                    "hint",
                )
            )
            if not laptop.this_laptop:
                remove = QPushButton(self.tr("Remove this laptop..."), frame)
                remove.setAccessibleName(
                    self.tr("Remove %1 from the group").replace("%1", laptop.label)
                )
                remove.clicked.connect(lambda _=False, d=laptop.device: self.remove(d))
                row.addWidget(remove)
                self.remove_buttons[laptop.device] = remove
            layout.addWidget(frame)
        layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_text_and_screen(self, 560, 400)

    def remove(self, device: str) -> bool:
        """Remove a laptop after a plain confirmation; True when the removal started."""
        laptop = next(lap for lap in self.status.laptops if lap.device == device)
        text = self.tr(
            "Remove %1 from %2?\n\nThe group gets a new key that only the laptops left "
            "know, so %1 reads nothing new from now on. What it already has stays on it: "
            "to remove that too, forget the group on that laptop itself."
        )
        text = text.replace("%1", laptop.label).replace("%2", self.status.group_name)
        if not messages.confirm(self, self.tr("Remove a laptop"), text):
            return False
        button = self.remove_buttons.get(device)
        if button is not None:
            button.setEnabled(False)
        sync_link.for_services(self.services).remove_laptop(
            self.status.group_uuid,
            device,
            partial(self._on_removed, device),
            partial(self._on_remove_failed, device),
        )
        return True

    def _on_removed(self, device: str, _result: object = None) -> None:
        button = self.remove_buttons.pop(device, None)
        if button is not None:
            button.setText(self.tr("Removed"))

    def _on_remove_failed(self, device: str, exc: BaseException) -> None:
        from groupkeeper.storage.errors import KnownError

        button = self.remove_buttons.get(device)
        if button is not None:
            button.setEnabled(True)
        if not isinstance(exc, KnownError):
            worker.report_bug(exc)
            return
        messages.error(self, error_text(exc))
