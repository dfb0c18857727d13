"""Calling a C function or reaching a C integer without importing the ``ctypes`` package.

Three calls happen on the way to the unlock screen: fontconfig's ``FcInit`` in a thread
(``launch.start_font_config``), ``prctl`` to mark the process not dumpable
(``hardening``) and the reference ballast of ``ui.binding_fix``. Importing ``ctypes``
for them costs about 1.5 ms there (its Python layer builds some fifty types); its C core
``_ctypes``, which does the actual work either way, is a fraction of that. Later code
(key wiping, ``malloc_trim``) uses ``ctypes`` as usual. Standard library only, no Qt.
"""

from __future__ import annotations

import sys
from typing import Any


def c_function(library: str | None, name: str) -> int:
    """The address of ``name`` in a shared library (``None``: the process's own symbols).

    Raises:
        OSError: the library or the symbol cannot be found (or this Python has no
            ``_ctypes``, as on platforms without it).
    """
    try:
        import _ctypes
    except ImportError as exc:
        raise OSError(f"no _ctypes: {exc}") from exc
    if not hasattr(_ctypes, "dlopen"):  # Windows: no dlopen/dlsym in _ctypes
        raise OSError("this platform has no dlopen")
    handle = _ctypes.dlopen(library)  # type: ignore[arg-type]  # None: dlopen(NULL)
    return int(_ctypes.dlsym(handle, name))


def call(address: int, *args: int) -> int:
    """Call the C function at ``address`` with C ``int`` arguments; returns its ``int``.

    As ``ctypes`` does for a function of a ``CDLL``, the global interpreter lock is
    released during the call, so a call in a thread runs beside Python code.
    """
    import _ctypes

    return int(_ctypes.call_function(address, args))


def ssize_t_at(address: int) -> Any:
    """A C ``Py_ssize_t`` at ``address`` (read and write it through ``.value``)."""
    import _ctypes

    class SSize(_ctypes._SimpleCData):  # type: ignore[type-arg]  # ctypes.c_ssize_t
        _type_ = "q" if sys.maxsize > 2**32 else "i"

    return SSize.from_address(address)
