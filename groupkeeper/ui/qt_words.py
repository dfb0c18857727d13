"""Qt's own words that Qt's Spanish translation lacks, translated in ours.

Qt 6.12's file dialog says "&Look in:" and "Files of &type:", but the ``qtbase_es.qm``
that ships with it still translates the older "Look in:" and "Files of type:", so a
Spanish facilitator saving a report met two English labels. Listed here (in Qt's
context) so ``pyside6-lupdate`` puts them in ``groupkeeper_es.ts``; the app's translator
is installed after Qt's and is asked first. Nothing imports this module at run time.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_WORDS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
