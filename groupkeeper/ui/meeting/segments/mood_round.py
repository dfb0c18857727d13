"""The mood round: one person at a time in large type, a score, an optional feeling word.

Keys (when the round has focus): the score digits (1-5, or 0-10 where "10" is typed as
"1" then "0" quickly; a lone "1" is taken after a short pause or at once on Enter), P =
pass, Left/Right = previous/next person, Delete = take back this person's answer, G =
catch-up grid. Recording a score moves on to the next person.

Tally-only groups: no names at all; each press of a score adds one anonymous answer, with
"Undo last" (Ctrl+Z). The same widget runs the closing round (``round=CLOSING``).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from groupkeeper.agenda import Segment
from groupkeeper.meeting_session import MeetingSession, Person
from groupkeeper.model import MoodCheck, MoodRound, MoodScale
from groupkeeper.ui.meeting.catch_up_grid import CatchUpGrid
from groupkeeper.ui.meeting.common import SegmentWidget, button, label, scaled_font
from groupkeeper.ui.widgets.flow import FlowLayout
from groupkeeper.ui.widgets.keys import TextBox

# How long a lone "1" waits for a "0" on the 0-10 scale (Enter takes it at once).
TEN_WINDOW_MS = 900


def face_words() -> dict[int, str]:
    """Words under the 1-5 faces (text, so the scale is not read from pictures alone)."""
    return {
        1: QCoreApplication.translate("MeetingRunner", "Very low"),
        2: QCoreApplication.translate("MeetingRunner", "Low"),
        3: QCoreApplication.translate("MeetingRunner", "Okay"),
        4: QCoreApplication.translate("MeetingRunner", "Good"),
        5: QCoreApplication.translate("MeetingRunner", "Very good"),
    }


FACES = {1: ":-(", 2: ":-/", 3: ":-|", 4: ":-)", 5: ":-D"}


def scale_anchors(scale: MoodScale) -> tuple[str, str]:
    """What the ends of the scale mean: ("0 = very low", "10 = very good")."""
    return (
        QCoreApplication.translate("MeetingRunner", "%1 = very low").replace("%1", str(scale.low)),
        QCoreApplication.translate("MeetingRunner", "%1 = very good").replace(
            "%1", str(scale.high)
        ),
    )


def common_feeling_words() -> list[str]:
    return [
        QCoreApplication.translate("MeetingRunner", "hopeful"),
        QCoreApplication.translate("MeetingRunner", "calm"),
        QCoreApplication.translate("MeetingRunner", "tired"),
        QCoreApplication.translate("MeetingRunner", "anxious"),
        QCoreApplication.translate("MeetingRunner", "sad"),
        QCoreApplication.translate("MeetingRunner", "grateful"),
        QCoreApplication.translate("MeetingRunner", "stressed"),
        QCoreApplication.translate("MeetingRunner", "okay"),
        QCoreApplication.translate("MeetingRunner", "lonely"),
        QCoreApplication.translate("MeetingRunner", "proud"),
        QCoreApplication.translate("MeetingRunner", "frustrated"),
        QCoreApplication.translate("MeetingRunner", "relieved"),
    ]


def describe_answer(mood: MoodCheck) -> str:
    if mood.passed:
        return QCoreApplication.translate("MeetingRunner", "pass")
    text = str(mood.score)
    if mood.feeling_word:
        text += f" ({mood.feeling_word})"
    return text


class ScoreKeys(QObject):
    """Turns digit key presses into scores, with "1","0" typed quickly meaning 10."""

    score = Signal(int)

    def __init__(self, scale: MoodScale, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.scale = scale
        self.pending: int | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TEN_WINDOW_MS)
        self._timer.timeout.connect(self.flush)

    def feed(self, digit: int) -> None:
        if self.scale is MoodScale.FIVE:
            if 1 <= digit <= 5:
                self.score.emit(digit)
            return
        if self.pending == 1 and digit == 0:
            self.cancel()
            self.score.emit(10)
            return
        self.flush()
        if digit == 1:
            self.pending = 1
            self._timer.start()
            return
        self.score.emit(digit)

    def flush(self) -> None:
        """Take a waiting "1" now."""
        if self.pending is not None:
            value = self.pending
            self.cancel()
            self.score.emit(value)

    def cancel(self) -> None:
        self.pending = None
        self._timer.stop()


def digit_of(event: QKeyEvent) -> int | None:
    text = event.text()
    if (
        len(text) == 1
        and text.isdigit()
        and not (
            event.modifiers()
            & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        )
    ):
        return int(text)
    return None


class MoodRoundSegment(SegmentWidget):
    """A round of moods (opening by default), named or tally-only."""

    def __init__(
        self,
        session: MeetingSession,
        segment: Segment,
        parent: QWidget | None = None,
        *,
        round: MoodRound = MoodRound.OPENING,
    ) -> None:
        super().__init__(session, segment, parent)
        self.round = round
        self.scale = session.group.mood_scale
        self.tally_only = session.group.tally_only_moods
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(
            QCoreApplication.translate("MeetingRunner", "Closing round")
            if round is MoodRound.CLOSING
            else QCoreApplication.translate("MeetingRunner", "Mood round")
        )
        self.keys = ScoreKeys(self.scale, self)
        self.keys.score.connect(self._on_keys_score)
        self.people: list[Person] = []
        self.answers: dict[str, MoodCheck] = {}
        self.position = 0
        self._tally_undo: list[int] = []
        self.score_buttons: dict[int, QPushButton] = {}
        box = QVBoxLayout(self)
        box.setContentsMargins(16, 8, 16, 8)
        if self.tally_only:
            self._build_tally(box)
        else:
            self._build_named(box)
        self.refresh()
        if not self.tally_only:
            # Coming back to a round (resume after a crash, unlock, Back): carry on with
            # the first person who has not answered, not from the top of the list.
            waiting = [i for i, p in enumerate(self.people) if p.pseudonym not in self.answers]
            if waiting and waiting[0] != self.position:
                self.position = waiting[0]
                self._show_person()

    # -- layout ------------------------------------------------------------------------
    def _score_row(self, box: QVBoxLayout) -> None:
        grid = QGridLayout()
        grid.setSpacing(8)
        words = face_words()
        for column, value in enumerate(range(self.scale.low, self.scale.high + 1)):
            if self.scale is MoodScale.FIVE:
                text = f"{value}  {FACES[value]}\n{words[value]}"
                name = f"{value} - {words[value]}"
            else:
                text = str(value)
                name = str(value)
            btn = button(text, f"moodScore{value}", partial(self._on_score, value))
            btn.setAccessibleName(name)
            btn.setFont(scaled_font(1.3 if self.scale is MoodScale.FIVE else 1.4, bold=True))
            # The themes size the score buttons (QPushButton[objectName^="moodScore"]);
            # the two-line 1-5 face buttons are taller, keyed on this property.
            btn.setProperty("moodScale", "five" if self.scale is MoodScale.FIVE else "eleven")
            btn.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
            btn.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            self.score_buttons[value] = btn
            grid.addWidget(btn, 0, column)
        box.addLayout(grid)
        # The anchors under the ends of the row, so "7" means the same to everyone.
        low, high = scale_anchors(self.scale)
        anchors = QHBoxLayout()
        self.low_anchor = label(low, role="hint", name="moodAnchorLow", wrap=False)
        self.high_anchor = label(high, role="hint", name="moodAnchorHigh", wrap=False)
        self.high_anchor.setAlignment(Qt.AlignmentFlag.AlignRight)
        anchors.addWidget(self.low_anchor)
        anchors.addStretch(1)
        anchors.addWidget(self.high_anchor)
        box.addLayout(anchors)
        if self.scale is not MoodScale.FIVE:  # the 1-5 buttons carry their words already
            for value, anchor in ((self.scale.low, low), (self.scale.high, high)):
                self.score_buttons[value].setAccessibleName(anchor)

    def _build_named(self, box: QVBoxLayout) -> None:
        self.stack = QStackedWidget()
        box.addWidget(self.stack, 1)
        page = QWidget()
        self.stack.addWidget(page)
        col = QVBoxLayout(page)
        col.setContentsMargins(0, 0, 0, 0)
        col.addStretch(1)
        top = QHBoxLayout()
        self.name_label = label(role="huge", name="moodName", wrap=False)
        self.name_label.setAccessibleName(QCoreApplication.translate("MeetingRunner", "Whose turn"))
        self.position_label = label(name="moodPosition", wrap=False)
        self.position_label.setFont(scaled_font(1.4))
        top.addStretch(1)
        top.addWidget(self.name_label)
        top.addSpacing(24)
        top.addWidget(self.position_label)
        top.addStretch(1)
        col.addLayout(top)
        col.addSpacing(16)
        self._score_row(col)
        col.addSpacing(16)
        word_row = QHBoxLayout()
        word_label = label(
            QCoreApplication.translate("MeetingRunner", "Feeling &word (optional):"), wrap=False
        )
        self.word = QComboBox()
        self.word.setObjectName("feelingWord")
        self.word.setEditable(True)
        self.word.setLineEdit(TextBox())  # lets the meeting's Ctrl shortcuts through
        self.word.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.word.addItem("")
        self.word.addItems(common_feeling_words())
        self.word.setCurrentIndex(0)
        self.word.setAccessibleName(
            QCoreApplication.translate("MeetingRunner", "Feeling word, optional")
        )
        self.word.setAccessibleDescription(
            QCoreApplication.translate(
                "MeetingRunner", "Type or pick a word, then Enter returns to the scores."
            )
        )
        self.word.setMinimumWidth(260)
        self.word.setMinimumHeight(48)
        word_label.setBuddy(self.word)
        line = self.word.lineEdit()
        assert line is not None  # an editable combo box always has one
        line.returnPressed.connect(self.setFocus)
        self.pass_button = button(
            QCoreApplication.translate("MeetingRunner", "&Pass  (P)"), "moodPass", self.pass_current
        )
        self.pass_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        word_row.addStretch(1)
        word_row.addWidget(word_label)
        word_row.addWidget(self.word)
        word_row.addSpacing(24)
        word_row.addWidget(self.pass_button)
        word_row.addStretch(1)
        col.addLayout(word_row)
        col.addSpacing(16)
        nav = FlowLayout()
        self.prev_button = button(
            QCoreApplication.translate("MeetingRunner", "\u2190 Previous person"),
            "moodPrev",
            self.previous_person,
        )
        self.grid_button = button(
            QCoreApplication.translate("MeetingRunner", "Catch-up &grid  (G)"),
            "moodGridToggle",
            self.toggle_grid,
        )
        self.next_button = button(
            QCoreApplication.translate("MeetingRunner", "Next person \u2192"),
            "moodNext",
            self.next_person,
        )
        for b in (self.prev_button, self.next_button):
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        nav.addWidget(self.prev_button)
        nav.addWidget(self.grid_button)
        nav.addWidget(self.next_button)
        col.addLayout(nav)
        col.addStretch(2)
        self.done_label = label(role="hint", name="moodDone")
        self.next_label = label(role="hint", name="moodNextPeople")
        self.done_label.setFont(scaled_font(1.1))
        self.next_label.setFont(scaled_font(1.1))
        col.addWidget(self.done_label)
        col.addWidget(self.next_label)
        self.grid = CatchUpGrid(self.scale)
        self.grid.record_score.connect(self._on_grid_score)
        self.grid.record_pass.connect(self._on_grid_pass)
        self.grid.clear_answer.connect(self._on_grid_clear)
        self.grid.close_requested.connect(self.toggle_grid)
        self.stack.addWidget(self.grid)
        self.hint = label(
            QCoreApplication.translate(
                "MeetingRunner",
                "Keys: the number for the score, P to pass, \u2190 \u2192 to move between "
                "people, Delete to take back, Alt+W for a feeling word first.",
            ),
            role="hint",
        )
        box.addWidget(self.hint)

    def _build_tally(self, box: QVBoxLayout) -> None:
        box.addWidget(
            label(
                QCoreApplication.translate(
                    "MeetingRunner",
                    "This group keeps moods as a tally: no names are recorded. "
                    "Press the number for each answer (or click it).",
                ),
                role="hint",
            )
        )
        box.addSpacing(12)
        self._score_row(box)
        row = QHBoxLayout()
        self.tally_total = label(name="tallyTotal", wrap=False)
        self.tally_total.setFont(scaled_font(1.3))
        self.undo_button = button(
            QCoreApplication.translate("MeetingRunner", "&Undo last  (Ctrl+Z)"),
            "tallyUndo",
            self.undo_tally,
        )
        row.addWidget(self.tally_total, 1)
        row.addWidget(self.undo_button)
        box.addLayout(row)
        box.addStretch(1)
        undo = QShortcut(QKeySequence.StandardKey.Undo, self)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self.undo_tally)

    # -- data --------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.tally_only:
            counts = self.session.tally(self.round)
            for value, btn in self.score_buttons.items():
                base = btn.text().split("\n")[0] if self.scale is MoodScale.FIVE else str(value)
                n = counts.get(value, 0)
                word = face_words()[value] if self.scale is MoodScale.FIVE else ""
                btn.setText(f"{base}\n{word}  [{n}]" if word else f"{base}\n[{n}]")
                btn.setAccessibleDescription(
                    QCoreApplication.translate("MeetingRunner", "%n so far", "", n)
                )
            self.tally_total.setText(
                QCoreApplication.translate(
                    "MeetingRunner", "%n answer(s) so far", "", sum(counts.values())
                )
            )
            self.undo_button.setEnabled(bool(self._tally_undo))
            return
        self.people = self.session.present()
        self.answers = self.session.moods(self.round)
        if self.position >= len(self.people):
            self.position = max(0, len(self.people) - 1)
        self._show_person()
        if self.stack.currentWidget() is self.grid:
            self.grid.set_rows(self.people, self.answers)

    def _show_person(self) -> None:
        total = len(self.people)
        if not total:
            self.name_label.setText(
                QCoreApplication.translate("MeetingRunner", "Nobody checked in yet")
            )
            self.position_label.setText("")
            self.done_label.setText(
                QCoreApplication.translate(
                    "MeetingRunner", "Use \u201c+ Arrival\u201d to check people in."
                )
            )
            self.next_label.setText("")
            for btn in self.score_buttons.values():
                btn.setEnabled(False)
            self.pass_button.setEnabled(False)
            return
        for btn in self.score_buttons.values():
            btn.setEnabled(True)
        self.pass_button.setEnabled(True)
        person = self.people[self.position]
        self.name_label.setText(
            person.name or QCoreApplication.translate("MeetingRunner", "(forgotten member)")
        )
        self.position_label.setText(
            QCoreApplication.translate("MeetingRunner", "(%1 of %2)")
            .replace("%1", str(self.position + 1))
            .replace("%2", str(total))
        )
        answer = self.answers.get(person.pseudonym)
        if answer is not None:
            self.position_label.setText(
                self.position_label.text()
                + "  "
                + QCoreApplication.translate("MeetingRunner", "now: %1").replace(
                    "%1", describe_answer(answer)
                )
            )
        done = [
            f"{p.name} {describe_answer(self.answers[p.pseudonym])}"
            for p in self.people
            if p.pseudonym in self.answers
        ]
        waiting = [
            p.name
            for p in self.people[self.position + 1 :] + self.people[: self.position]
            if p.pseudonym not in self.answers and p is not person
        ]
        self.done_label.setText(
            QCoreApplication.translate("MeetingRunner", "Done: ")
            + (
                ", ".join(done)
                if done
                else QCoreApplication.translate("MeetingRunner", "nobody yet")
            )
        )
        if waiting:
            self.next_label.setText(
                QCoreApplication.translate("MeetingRunner", "Next: ") + ", ".join(waiting)
            )
        elif person.pseudonym in self.answers:
            self.next_label.setText(
                QCoreApplication.translate(
                    "MeetingRunner", "Everyone has had a turn. Ctrl+Enter goes to the next segment."
                )
            )
        else:
            self.next_label.setText(
                QCoreApplication.translate("MeetingRunner", "Last one in this round.")
            )
        self.prev_button.setEnabled(self.position > 0)
        self.next_button.setEnabled(self.position < total - 1)

    # -- actions -----------------------------------------------------------------------
    def current_person(self) -> Person | None:
        if self.tally_only or not self.people:
            return None
        return self.people[self.position]

    def _advance(self) -> None:
        if self.position < len(self.people) - 1:
            self.position += 1

    def _on_score(self, value: int) -> None:
        self.keys.cancel()
        if self.tally_only:
            ok, _ = self.act(self.session.add_tally, self.round, value)
            if ok:
                self._tally_undo.append(value)
                self.refresh()
            return
        person = self.current_person()
        if person is None:
            return
        ok, _ = self.act(
            self.session.record_mood, self.round, person.pseudonym, value, self.word.currentText()
        )
        if ok:
            self.word.setCurrentIndex(0)
            self.word.setEditText("")
            self._advance()
            self.refresh()
        self.setFocus()

    def _on_keys_score(self, value: int) -> None:
        if self.stack_is_grid():
            self.grid.score_current(value)
        else:
            self._on_score(value)

    def pass_current(self) -> None:
        person = self.current_person()
        if person is None:
            return
        ok, _ = self.act(self.session.pass_mood, self.round, person.pseudonym)
        if ok:
            self.word.setEditText("")
            self._advance()
            self.refresh()
        self.setFocus()

    def clear_current(self) -> None:
        person = self.current_person()
        if person is not None:
            ok, _ = self.act(self.session.clear_mood, self.round, person.pseudonym)
            if ok:
                self.refresh()

    def undo_tally(self) -> None:
        if not self._tally_undo:
            return
        value = self._tally_undo.pop()
        self.act(self.session.undo_tally, self.round, value)
        self.refresh()

    def previous_person(self) -> None:
        self.keys.flush()
        if self.position > 0:
            self.position -= 1
            self._show_person()

    def next_person(self) -> None:
        self.keys.flush()
        if self.position < len(self.people) - 1:
            self.position += 1
            self._show_person()

    def stack_is_grid(self) -> bool:
        return not self.tally_only and self.stack.currentWidget() is self.grid

    def toggle_grid(self) -> None:
        if self.tally_only:
            return
        if self.stack_is_grid():
            self.stack.setCurrentIndex(0)
            self.grid.clear_personal_data()
            self.refresh()
            self.setFocus()
        else:
            self.grid.set_rows(self.people, self.answers)
            self.stack.setCurrentWidget(self.grid)
            self.grid.table.setFocus()

    def _on_grid_score(self, pseudonym: str, value: int) -> None:
        ok, _ = self.act(self.session.record_mood, self.round, pseudonym, value, "")
        if ok:
            self.refresh()

    def _on_grid_pass(self, pseudonym: str) -> None:
        ok, _ = self.act(self.session.pass_mood, self.round, pseudonym)
        if ok:
            self.refresh()

    def _on_grid_clear(self, pseudonym: str) -> None:
        ok, _ = self.act(self.session.clear_mood, self.round, pseudonym)
        if ok:
            self.refresh()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        digit = digit_of(event)
        key = event.key()
        if digit is not None:
            self.keys.feed(digit)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.keys.pending is not None:
            self.keys.flush()
            return
        if not self.tally_only and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if key == Qt.Key.Key_P:
                self.pass_current()
                return
            if key == Qt.Key.Key_Left:
                self.previous_person()
                return
            if key == Qt.Key.Key_Right:
                self.next_person()
                return
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.clear_current()
                return
            if key == Qt.Key.Key_G:
                self.toggle_grid()
                return
        super().keyPressEvent(event)

    def focus_main(self) -> None:
        self.setFocus()

    def clear_personal_data(self) -> None:
        self.keys.cancel()
        self.people = []
        self.answers = {}
        if not self.tally_only:
            self.name_label.clear()
            self.position_label.clear()
            self.done_label.clear()
            self.next_label.clear()
            self.word.setEditText("")
            self.grid.clear_personal_data()
