"""Importing sqlite-utils without the packages only its command line and recipes use.

sqlite-utils' library modules import, at module level, packages the app never calls:

* numpy and pandas (when installed), only to map their scalar types to column types; the
  app stores neither. numpy is installed for the export audit's solver (highspy), which
  imports it when an export runs; loaded with sqlite-utils it would hold about 18 MB for
  the whole session. They are hidden (``None`` in ``sys.modules`` makes an import fail).
* ``dateutil.parser``, for the ``--convert`` recipes of its command line (2.3 MB of
  modules in the app's process, bench/bench_memory.py), and ``click``, for its progress
  bars and a plugin hook's annotation (``click.Group``; 0.9 MB). Each is replaced by a
  stand-in whose first use imports the real package, so a recipe or a progress bar still
  works; nothing in the app reaches them.

After the import the real names are free again: ``import numpy``, ``import click`` and
``import dateutil.parser`` anywhere later load the real packages (sqlite-utils keeps only
its stand-ins). The import happens once, at the first unlock or command, when nothing
else is importing.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

#: Packages sqlite-utils imports only when they are there (hidden: it goes without).
HIDDEN = ("numpy", "pandas")


class _OnFirstUse(types.ModuleType):
    """A module's stand-in: any attribute it does not have comes from the real module,
    imported then."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # the import system's questions; not a use
            raise AttributeError(name)
        if sys.modules.get(self.__name__) is self:  # used while still standing in
            del sys.modules[self.__name__]
        return getattr(importlib.import_module(self.__name__), name)


def _stand_ins() -> dict[str, types.ModuleType]:
    click = _OnFirstUse("click")
    # Only a plugin hook's annotation reads this while sqlite-utils is imported.
    click.Group = type("Group", (), {"__module__": "click"})  # type: ignore[attr-defined]
    dateutil = types.ModuleType("dateutil")
    dateutil.parser = _OnFirstUse("dateutil.parser")  # type: ignore[attr-defined]
    return {"click": click, "dateutil": dateutil}


@contextmanager
def lean_sqlite_utils_import() -> Iterator[None]:
    """Inside the block, ``import sqlite_utils`` loads none of the packages above."""
    placed: dict[str, types.ModuleType | None] = {
        name: None for name in HIDDEN if name not in sys.modules
    }
    placed.update(
        {name: module for name, module in _stand_ins().items() if name not in sys.modules}
    )
    for name, module in placed.items():
        sys.modules[name] = module  # type: ignore[assignment]
    try:
        yield
    finally:
        for name, module in placed.items():
            if sys.modules.get(name, ...) is module:
                del sys.modules[name]
