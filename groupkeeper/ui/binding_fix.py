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

``quicker_source_check()`` is a start-up speed-up for another part of the binding (see
there). This module imports no Qt itself, so the entry point can load it before PySide6.
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any

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
        from groupkeeper import native

        for singleton in (None, True, False):
            # CPython < 3.12: ``ob_refcnt`` is the object's first field, a Py_ssize_t.
            count = native.ssize_t_at(id(singleton))
            count.value += BALLAST
        _done = True
    return True


def forget_sources() -> None:
    """Drop the module sources PySide6 had ``linecache`` keep while modules were imported.

    Once PySide6 is imported, its ``__feature__`` import hook reads the source of every
    module imported after it (``inspect.getsource``, looking for "PySide6"; for modules
    without a ``.py`` file even after ``quicker_source_check``), and ``linecache`` keeps
    the lines: several MB for the app's modules (bench/bench_memory.py). Nothing needs
    them; a traceback reads its file again. Called after each lazy import of screens, the
    unlock and every background task.
    """
    import linecache

    linecache.clearcache()


def quicker_source_check() -> bool:
    """Make PySide6's "does this module use PySide6?" check read the file directly.

    Once PySide6 is imported, its ``__feature__`` import hook asks that question of every
    module imported afterwards, through ``inspect.getsource`` (resolving the file,
    decoding and splitting it into lines, which ``linecache`` then keeps): about 0.1 ms a
    module, 2 ms of the way to the unlock screen. Reading the module's ``.py`` file and
    looking for the same ASCII word in its bytes gives the same answer (a test compares
    both for every loaded module); modules without a ``.py`` file (built-in, extension,
    bundled bytecode) still go to PySide6's own check. Imports PySide6 (the hook is set
    up then). Returns False, changing nothing, if the binding no longer has that check.
    """
    import PySide6  # noqa: F401  (sets up the hook and its module)

    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or original is None:
        return False
    if getattr(original, "__wrapped__", None) is not None:
        return True  # done already

    def uses_pyside(module: ModuleType) -> Any:
        spec = getattr(module, "__spec__", None)
        origin = getattr(spec, "origin", None)
        if not isinstance(origin, str) or not origin.endswith(".py"):
            return original(module)
        try:
            with open(origin, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    uses_pyside.__wrapped__ = original  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    return True
