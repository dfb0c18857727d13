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


def _tr(text: str) -> str:
    return QCoreApplication.translate("first_run", text)


def day_names() -> list[str]:
    """The weekdays in the user's language, Monday first (same order as ``DAYS``)."""
    return [
        _tr("Monday"),
        _tr("Tuesday"),
        _tr("Wednesday"),
        _tr("Thursday"),
        _tr("Friday"),
        _tr("Saturday"),
        _tr("Sunday"),
    ]


def template_names() -> dict[str, str]:
    """Agenda template id -> its name in words."""
    return {
        "weekly": _tr("Weekly check-in (mood check, skills, goals)"),
        "drop_in": _tr("Open drop-in circle (check-in, open sharing, closing)"),
        "check_in_work_check_out": _tr("Check-in / work / check-out"),
    }


def default_agreements() -> str:
    """Sensible, warm group agreements the facilitator can edit."""
    return _tr(
        "What is said here stays here. We share what we learned, not who said it.\n"
        "We listen with respect and without judging. We give advice only when asked.\n"
        "Everyone has the right to pass. Nobody has to speak.\n"
        "One voice at a time, so everyone can be heard.\n"
        "Phones on silent and put away. If you need to take a call, just step out."
    )


class GroupBasicsEditor:
    """Name, day, time, place, agenda template, agreements, crisis resources on a form.

    Shared by the first-run page and "Add a group" in Settings.
    """

    def __init__(self, host: QWidget, form: QFormLayout) -> None:
        prepare_form(form)
        self.name = QLineEdit(host)
        self.name.setAccessibleName(_tr("Group name"))
        self.name.setPlaceholderText(_tr("e.g. Tuesday Circle"))
        self.day = QComboBox(host)
        self.day.addItems(day_names())
        self.day.setAccessibleName(_tr("Usual meeting day"))
        self.time = TimeBox(host)
        self.time.setTime(QTime(19, 0))
        self.time.setAccessibleName(_tr("Usual start time"))
        self.place = QLineEdit(host)
        self.place.setAccessibleName(_tr("Place"))
        self.place.setPlaceholderText(_tr("e.g. Community centre, room 2"))
        self.template = QComboBox(host)
        for template_id, words in template_names().items():
            self.template.addItem(words, template_id)
        self.template.setAccessibleName(_tr("Meeting plan"))
        self.agreements = text_box(host, default_agreements(), lines=6)
        self.agreements.setAccessibleName(_tr("Group agreements"))
        self.crisis = text_box(host, lines=4)
        self.crisis.setAccessibleName(_tr("Local crisis resources"))
        self.crisis.setPlaceholderText(
            _tr(
                "Local crisis line, nearest emergency department, the centre's on-call "
                "contact. You can fill this in later; GroupKeeper will remind you."
            )
        )
        add_row(form, _tr("Group &name"), self.name)
        add_row(form, _tr("Usual &day"), self.day)
        add_row(form, _tr("Start &time"), self.time)
        add_row(form, _tr("&Place"), self.place)
        add_row(form, _tr("Meeting p&lan"), self.template)
        add_row(form, _tr("&Agreements"), self.agreements)
        add_row(form, _tr("&Crisis resources"), self.crisis)

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
