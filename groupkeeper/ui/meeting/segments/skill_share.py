"""Coping-skill share: search the skills library, Enter records the top match as shared
(optionally by whom), or add a new skill with a category. The group's most shared skills
are shown for inspiration; the list of tonight's shares has Remove (Delete)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from groupkeeper.agenda import Segment
from groupkeeper.meeting_session import MeetingSession
from groupkeeper.ui.meeting.common import (
    MIN_TARGET,
    SegmentWidget,
    button,
    columns,
    label,
    scaled_font,
    skill_name,
    starter_name,
)
from groupkeeper.ui.widgets.flow import FlowLayout
from groupkeeper.ui.widgets.keys import ChoiceList, SearchField

_ID = Qt.ItemDataRole.UserRole


class SkillShareSegment(SegmentWidget):
    def __init__(
        self, session: MeetingSession, segment: Segment, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, segment, parent)
        row = columns(self)
        row.setContentsMargins(16, 12, 16, 12)
        row.setSpacing(24)
        left = QVBoxLayout()
        left.addWidget(
            label(
                QCoreApplication.translate(
                    "MeetingRunner",
                    "Which coping skill was shared? Type to search the library, Enter records "
                    "the highlighted one. Not there? Add it as a new skill.",
                ),
                role="hint",
            )
        )
        self.search = SearchField()
        self.search.setObjectName("skillSearch")
        self.search.setAccessibleName(QCoreApplication.translate("MeetingRunner", "Find a skill"))
        self.search.setPlaceholderText(
            QCoreApplication.translate("MeetingRunner", "Type a skill, e.g. breathing")
        )
        self.search.setFont(scaled_font(1.25))
        self.search.setMinimumHeight(52)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search_textChanged)
        self.search.returnPressed.connect(self.share_selected)
        self.search.down_pressed.connect(self._on_search_down_pressed)
        left.addWidget(self.search)
        self.matches = ChoiceList()
        self.matches.setObjectName("skillMatches")
        self.matches.setAccessibleName(
            QCoreApplication.translate("MeetingRunner", "Matching skills")
        )
        self.matches.setFont(scaled_font(1.1))
        self.matches.enter_pressed.connect(self.share_selected)
        left.addWidget(self.matches, 1)
        who = QHBoxLayout()
        who_label = label(
            QCoreApplication.translate("MeetingRunner", "Shared &by (optional):"), wrap=False
        )
        self.who = QComboBox()
        self.who.setObjectName("skillWho")
        self.who.setAccessibleName(
            QCoreApplication.translate("MeetingRunner", "Who shared it, optional")
        )
        self.who.setMinimumHeight(MIN_TARGET)
        who_label.setBuddy(self.who)
        who.addWidget(who_label)
        who.addWidget(self.who, 1)
        left.addLayout(who)
        new = FlowLayout()
        self.new_button = button(
            QCoreApplication.translate("MeetingRunner", "Add as &new skill"),
            "skillAddNew",
            self.add_new,
        )
        cat_label = label(QCoreApplication.translate("MeetingRunner", "Ca&tegory:"), wrap=False)
        self.category = QComboBox()
        self.category.setObjectName("skillCategory")
        self.category.setAccessibleName(
            QCoreApplication.translate("MeetingRunner", "Category of the new skill")
        )
        self.category.setMinimumHeight(MIN_TARGET)
        cat_label.setBuddy(self.category)
        for cat in session.skill_categories():
            self.category.addItem(starter_name(cat.name, cat.builtin), cat.id)
        new.addWidget(self.new_button)
        new.addWidget(cat_label)
        new.addWidget(self.category)
        left.addLayout(new)
        row.addLayout(left, 3)

        right = QVBoxLayout()
        self.shared_heading = label(name="sharedHeading", wrap=False)
        self.shared_heading.setFont(scaled_font(1.1, bold=True))
        right.addWidget(self.shared_heading)
        self.shared = QListWidget()
        self.shared.setObjectName("sharedSkills")
        self.shared.setAccessibleName(
            QCoreApplication.translate("MeetingRunner", "Skills shared tonight")
        )
        self.shared.setAccessibleDescription(
            QCoreApplication.translate("MeetingRunner", "Delete removes the selected one.")
        )
        self.shared.setFont(scaled_font(1.1))
        self.shared.setWordWrap(True)
        right.addWidget(self.shared, 1)
        self.remove_button = button(
            QCoreApplication.translate("MeetingRunner", "&Remove selected"),
            "skillRemove",
            self.remove_selected,
        )
        right.addWidget(self.remove_button)
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.shared)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_selected)
        self.inspiration = label(role="hint", name="skillInspiration")
        right.addWidget(self.inspiration)
        row.addLayout(right, 2)
        self.refresh()
        self._on_search_textChanged("")

    def refresh(self) -> None:
        who_now = self.who.currentData()
        self.who.clear()
        self.who.addItem(QCoreApplication.translate("MeetingRunner", "(not recorded)"), None)
        for person in self.session.present():
            self.who.addItem(person.name, person.pseudonym)
        index = self.who.findData(who_now)
        self.who.setCurrentIndex(max(0, index))
        names = self.session.skill_names(shown=skill_name)
        shares = self.session.shares()
        people = self.session.names([s.pseudonym for s in shares if s.pseudonym])
        self.shared.clear()
        for share in shares:
            text = names.get(share.skill_id, "")
            if share.pseudonym and share.pseudonym in people:
                text += "  \u2014  " + people[share.pseudonym]
            item = QListWidgetItem(text)
            item.setData(_ID, share.id)
            self.shared.addItem(item)
        self.shared_heading.setText(
            QCoreApplication.translate("MeetingRunner", "Shared tonight: %n", "", len(shares))
        )
        self.remove_button.setEnabled(bool(shares))
        top = self.session.most_shared()
        if top:
            self.inspiration.setText(
                QCoreApplication.translate("MeetingRunner", "Often shared in this group: ")
                + ", ".join(f"{skill_name(skill)} ({n})" for skill, n in top)
            )
        else:
            self.inspiration.setText(
                QCoreApplication.translate(
                    "MeetingRunner", "Tip: the library has starter skills; type to see them."
                )
            )

    def _on_search_textChanged(self, text: str) -> None:  # noqa: N802
        self.matches.clear()
        categories = {
            c.id: starter_name(c.name, c.builtin) for c in self.session.skill_categories()
        }
        for skill in self.session.find_skills(text, shown=skill_name):
            shown = skill_name(skill)
            item = QListWidgetItem(f"{shown}  ({categories.get(skill.category_id, '')})")
            item.setData(_ID, skill.id)
            item.setSizeHint(QSize(0, MIN_TARGET))
            self.matches.addItem(item)
        if self.matches.count() and text.strip():
            self.matches.setCurrentRow(0)
        typed = text.strip()
        self.new_button.setEnabled(bool(typed))
        self.new_button.setText(
            QCoreApplication.translate("MeetingRunner", "Add \u201c%1\u201d as &new skill").replace(
                "%1", typed
            )
            if typed
            else QCoreApplication.translate("MeetingRunner", "Add as &new skill")
        )

    def _on_search_down_pressed(self) -> None:
        if self.matches.count():
            self.matches.setFocus()
            if self.matches.currentRow() < 0:
                self.matches.setCurrentRow(0)

    def share_selected(self) -> None:
        item = self.matches.currentItem()
        if item is None:
            return
        ok, _ = self.act(self.session.share_skill, int(item.data(_ID)), self.who.currentData())
        if ok:
            self._after_share()

    def add_new(self) -> None:
        name = self.search.text().strip()
        category_id = self.category.currentData()
        if not name or category_id is None:
            return
        ok, skill = self.act(self.session.add_skill, name, int(category_id))
        if ok:
            ok, _ = self.act(self.session.share_skill, skill.id, self.who.currentData())
            if ok:
                self._after_share()

    def _after_share(self) -> None:
        self.search.clear()
        self.who.setCurrentIndex(0)
        self.refresh()
        self.search.setFocus()

    def remove_selected(self) -> None:
        item = self.shared.currentItem()
        if item is None:
            return
        ok, _ = self.act(self.session.remove_share, int(item.data(_ID)))
        if ok:
            self.refresh()

    def focus_main(self) -> None:
        self.search.setFocus()

    def clear_personal_data(self) -> None:
        self.who.clear()
        self.shared.clear()
        self.search.clear()
        self.matches.clear()
        self.inspiration.clear()
