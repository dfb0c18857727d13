"""Calling a C function or reaching C memory without importing the ``ctypes`` package.

Three calls happen on the way to the unlock screen: fontconfig's ``FcInit`` in a thread
(``launch.start_font_config``), ``prctl`` to mark the process not dumpable
(``hardening``) and the reference ballast of ``ui.binding_fix``. Importing ``ctypes``
for them costs about 1.5 ms there (its Python layer builds some fifty types); its C core
``_ctypes``, which does the actual work either way, is a fraction of that. Key wiping
(``storage.keymem``) and ``malloc_trim`` (``ui.memory``) go through here too, so the app
never imports ``ctypes`` at all, and the Linux bundle leaves it out: PyInstaller's start-up
imports ``ctypes`` whenever a bundle contains it (to redirect its library look-ups), about
2 ms of every start. Standard library only, no Qt.
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


def _c_types() -> tuple[Any, Any, Any]:
    """(Py_ssize_t, void *, size_t) as ``_ctypes`` data types, made once."""
    global _TYPES
    if _TYPES is None:
        import _ctypes

        wide = sys.maxsize > 2**32

        class SSize(_ctypes._SimpleCData):  # type: ignore[type-arg]  # ctypes.c_ssize_t
            _type_ = "q" if wide else "i"

        class VoidP(_ctypes._SimpleCData):  # type: ignore[type-arg]  # ctypes.c_void_p
            _type_ = "P"

        class SizeT(_ctypes._SimpleCData):  # type: ignore[type-arg]  # ctypes.c_size_t
            _type_ = "Q" if wide else "I"

        _TYPES = (SSize, VoidP, SizeT)
    return _TYPES


_TYPES: tuple[Any, Any, Any] | None = None


def memset_zero(address: int, length: int) -> None:
    """Write ``length`` zero bytes at ``address`` (C ``memset``; ``ctypes.memset`` does
    the same through the same C function). The caller owns that memory."""
    import _ctypes

    _ssize, void_p, size_t = _c_types()
    memset = _ctypes._memset_addr  # type: ignore[attr-defined]  # ctypes.memset's own
    _ctypes.call_function(memset, (void_p(address), 0, size_t(length)))


def call_size_t(address: int, value: int) -> int:
    """Call the C function at ``address`` taking one ``size_t``; returns its ``int``."""
    import _ctypes

    return int(_ctypes.call_function(address, (_c_types()[2](value),)))


def ssize_t_at(address: int) -> Any:
    """A C ``Py_ssize_t`` at ``address`` (read and write it through ``.value``)."""
    return _c_types()[0].from_address(address)
