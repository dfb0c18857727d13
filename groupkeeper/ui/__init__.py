"""The PySide6 user interface: thin screens and widgets over the core and storage layers.

Only this package imports Qt. Shared resources (icons, themes, translations) are loaded
through ``groupkeeper.ui.resources``, which works both from the source tree and from the
PyInstaller bundle.
"""

import sys as _sys


def _pin_none() -> None:
    """Give ``None`` a reference count no run can use up (it is immortal from Python 3.12).

    PySide6 6.12 on Python 3.11 drops one reference to ``None`` at every call of a Qt
    method that returns nothing (``setText``, ``setEnabled``...): a meeting's timer alone
    took 16 a second, and when the count reached zero Python aborted ("none_dealloc:
    deallocating None") - the app died mid-meeting after some twenty minutes. Adding
    2**48 references to ``None``'s count at import makes that impossible (it is a plain
    integer at the start of every object in CPython's normal build).
    """
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 48


if _sys.version_info < (3, 12) and _sys.implementation.name == "cpython":
    _pin_none()
