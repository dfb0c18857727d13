"""A new group's basics on a form: name, day, time, place, meeting plan, agreements, crisis
resources. Shared by the first-run page and "Add a group" in Settings.

Translated under the context ``first_run`` (where these words were first shown).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTime
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from groupkeeper.meeting_rules import DAYS
from groupkeeper.ui.widgets.forms import TimeBox, add_row, prepare_form, text_box

if TYPE_CHECKING:
    from groupkeeper.model import Group

# Stored as these English keys (stable data); shown translated.


def day_names() -> list[str]:
    """The weekdays in the user's language, Monday first (same order as ``DAYS``)."""
    return [
        QCoreApplication.translate("first_run", "Monday"),
        QCoreApplication.translate("first_run", "Tuesday"),
        QCoreApplication.translate("first_run", "Wednesday"),
        QCoreApplication.translate("first_run", "Thursday"),
        QCoreApplication.translate("first_run", "Friday"),
        QCoreApplication.translate("first_run", "Saturday"),
        QCoreApplication.translate("first_run", "Sunday"),
    ]


def template_names() -> dict[str, str]:
    """Agenda template id -> its name in words."""
    return {
        "weekly": QCoreApplication.translate(
            "first_run", "Weekly check-in (mood check, skills, goals)"
        ),
        "drop_in": QCoreApplication.translate(
            "first_run", "Open drop-in circle (check-in, open sharing, closing)"
        ),
        "check_in_work_check_out": QCoreApplication.translate(
            "first_run", "Check-in / work / check-out"
        ),
    }


def default_agreements() -> str:
    """Sensible, warm group agreements the facilitator can edit."""
    return QCoreApplication.translate(
        "first_run",
        "What is said here stays here. We share what we learned, not who said it.\n"
        "We listen with respect and without judging. We give advice only when asked.\n"
        "Everyone has the right to pass. Nobody has to speak.\n"
        "One voice at a time, so everyone can be heard.\n"
        "Phones on silent and put away. If you need to take a call, just step out.",
    )


class GroupBasicsEditor:
    """Name, day, time, place, agenda template, agreements, crisis resources on a form.

    Shared by the first-run page and "Add a group" in Settings.
    """

    def __init__(self, host: QWidget, form: QFormLayout) -> None:
        prepare_form(form)
        self.name = QLineEdit(host)
        self.name.setAccessibleName(QCoreApplication.translate("first_run", "Group name"))
        self.name.setPlaceholderText(QCoreApplication.translate("first_run", "e.g. Tuesday Circle"))
        self.day = QComboBox(host)
        self.day.addItems(day_names())
        self.day.setAccessibleName(QCoreApplication.translate("first_run", "Usual meeting day"))
        self.time = TimeBox(host)
        self.time.setTime(QTime(19, 0))
        self.time.setAccessibleName(QCoreApplication.translate("first_run", "Usual start time"))
        self.place = QLineEdit(host)
        self.place.setAccessibleName(QCoreApplication.translate("first_run", "Place"))
        self.place.setPlaceholderText(
            QCoreApplication.translate("first_run", "e.g. Community centre, room 2")
        )
        self.template = QComboBox(host)
        for template_id, words in template_names().items():
            self.template.addItem(words, template_id)
        self.template.setAccessibleName(QCoreApplication.translate("first_run", "Meeting plan"))
        self.agreements = text_box(host, default_agreements(), lines=6)
        self.agreements.setAccessibleName(
            QCoreApplication.translate("first_run", "Group agreements")
        )
        self.crisis = text_box(host, lines=4)
        self.crisis.setAccessibleName(
            QCoreApplication.translate("first_run", "Local crisis resources")
        )
        self.crisis.setPlaceholderText(
            QCoreApplication.translate(
                "first_run",
                "Local crisis line, nearest emergency department, the centre's on-call "
                "contact. You can fill this in later; GroupKeeper will remind you.",
            )
        )
        add_row(form, QCoreApplication.translate("first_run", "Group &name"), self.name)
        add_row(form, QCoreApplication.translate("first_run", "Usual &day"), self.day)
        add_row(form, QCoreApplication.translate("first_run", "Start &time"), self.time)
        add_row(form, QCoreApplication.translate("first_run", "&Place"), self.place)
        add_row(form, QCoreApplication.translate("first_run", "Meeting p&lan"), self.template)
        add_row(form, QCoreApplication.translate("first_run", "&Agreements"), self.agreements)
        add_row(form, QCoreApplication.translate("first_run", "&Crisis resources"), self.crisis)

    def to_group(self) -> Group:
        from groupkeeper.model import Group

        return Group(
            name=self.name.text().strip(),
            meeting_day=DAYS[self.day.currentIndex()],
            meeting_time=self.time.time().toString("HH:mm"),
            place=self.place.text().strip(),
            template=str(self.template.currentData()),
            agreements=self.agreements.toPlainText().strip(),
            crisis_resources=self.crisis.toPlainText().strip(),
        )
