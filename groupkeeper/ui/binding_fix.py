"""A work-around for a reference-counting bug of the Qt binding (PySide6 6.12.0).

Under Python 3.11, PySide6 6.12.0 takes one reference from ``None`` on every call of a Qt
method that returns nothing (``widget.update()``, ``button.click()``, ``label.setText()``):
``None`` starts with a few thousand references, so after a few thousand such calls it is
freed and the process aborts ("deallocating None") or corrupts its heap and crashes later.
That is what crashed long test runs and the screenshot walk. PySide6 6.11.3 does not do
it, but its ``pyside6-lupdate`` loses the plural forms the translation pipeline relies
on, so the version cannot simply be pinned back. Python 3.12 made ``None``, ``True`` and
``False`` immortal, which ends the problem for good.

Until then ``keep_singletons_alive()`` gives ``None``, ``True`` and ``False`` 2**40 extra
references (the interpreter never frees them; a leak of one per call would need 2**40
calls), once, at start-up, on the affected combination only.
"""

from __future__ import annotations

import ctypes
import sys

#: Extra references given to each singleton (about 10**12).
BALLAST = 1 << 40

_done = False


def affected() -> bool:
    """True on a Python and binding that lose references to ``None``."""
    import PySide6

    return sys.version_info < (3, 12) and PySide6.__version__ == "6.12.0"


def keep_singletons_alive() -> bool:
    """Add the ballast once (idempotent); True when this interpreter needed it."""
    global _done
    if not affected():
        return False
    if not _done:
        for singleton in (None, True, False):
            # CPython < 3.12: ``ob_refcnt`` is the object's first field, a Py_ssize_t.
            count = ctypes.c_ssize_t.from_address(id(singleton))
            count.value += BALLAST
        _done = True
    return True
