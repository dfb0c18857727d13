"""Key material in memory: buffers we can wipe, and wiping what Python made immutable.

Python gives no control over copies: ``bytes`` and ``str`` are immutable, the allocator
reuses freed memory without clearing it, and a garbage collector decides when an object
dies. The rules here keep the copies few and short-lived:

* keys, derived keys and passphrase bytes live in ``bytearray`` s that are zeroed after
  use (``zero``);
* where a library hands back an immutable ``bytes`` or where we had to make a ``str``
  (decoding a non-ASCII passphrase to normalise it), ``wipe_bytes``/``wipe_str`` overwrite
  that object's storage in place before it is dropped. That is CPython-specific and only
  safe on objects nobody else holds, so it is used only on fresh objects made here, never
  on a caller's string; on other interpreters it does nothing.

What this cannot reach (the caller's ``str`` passphrase from a text field, copies inside
Qt, or pages the OS swapped out) is said plainly in docs/PRIVACY.md.
"""

from __future__ import annotations

import sys

from groupkeeper import native

_CPYTHON = sys.implementation.name == "cpython"
_BYTES_DATA_OFFSET = bytes.__basicsize__ - 1  # PyBytesObject.ob_sval


def zero(buffer: bytearray | memoryview) -> None:
    """Overwrite a mutable buffer in place."""
    view = memoryview(buffer).cast("B")
    view[:] = bytes(len(view))


def wipe_bytes(data: bytes) -> None:
    """Zero an immutable ``bytes`` object's storage (CPython; a fresh object of ours only).

    Objects of length 0 or 1 are shared singletons and are never touched.
    """
    if _CPYTHON and type(data) is bytes and len(data) > 1:
        native.memset_zero(id(data) + _BYTES_DATA_OFFSET, len(data))


def wipe_str(text: str) -> None:
    """Zero a ``str`` object's character storage (CPython; a fresh object of ours only).

    Handles the compact representation CPython uses for strings it builds (1, 2 or 4
    bytes per character). Strings of length 0 or 1 may be shared and are left alone.
    """
    if not _CPYTHON or type(text) is not str or len(text) < 2:
        return
    widest = max(map(ord, text))
    kind = 1 if widest < 0x100 else 2 if widest < 0x10000 else 4
    size = (len(text) + 1) * kind  # the characters and the terminating NUL
    native.memset_zero(id(text) + sys.getsizeof(text) - size, len(text) * kind)
