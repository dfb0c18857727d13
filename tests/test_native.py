"""``groupkeeper.native``: C calls on the way to the first window, without the ctypes
package (its Python layer costs ~1.5 ms of start-up)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from groupkeeper import native

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="dlopen/dlsym: the Linux start-up path"
)


def test_calls_a_c_function_and_returns_its_int() -> None:
    getpid = native.c_function(None, "getpid")
    assert native.call(getpid) == os.getpid()
    abs_ = native.c_function(None, "abs")
    assert native.call(abs_, -42) == 42


def test_a_missing_library_or_symbol_is_an_oserror() -> None:
    with pytest.raises(OSError):
        native.c_function("libno-such-library.so.9", "f")
    with pytest.raises(OSError):
        native.c_function(None, "no_such_symbol_in_this_process")


def test_reads_and_writes_a_reference_count() -> None:
    thing = object()
    count = native.ssize_t_at(id(thing))
    assert count.value == sys.getrefcount(thing) - 1  # getrefcount's own argument
    before = sys.getrefcount(thing)
    count.value += 1
    assert sys.getrefcount(thing) == before + 1
    count.value -= 1
    assert sys.getrefcount(thing) == before


def test_the_window_path_never_imports_ctypes() -> None:
    """What the entry point runs before the window (fontconfig, not dumpable, the
    binding's ballast) does its C calls without importing the ctypes package."""
    code = (
        "import sys\n"
        "from groupkeeper import launch, hardening\n"
        "from groupkeeper.ui import binding_fix\n"
        "thread = launch.start_font_config()\n"
        "thread is None or thread.join()\n"
        "hardening._set_not_dumpable()\n"
        "binding_fix.keep_singletons_alive()\n"
        "from groupkeeper import native\n"
        "dumpable = native.call(native.c_function(None, 'prctl'), 3, 0, 0, 0, 0)\n"
        "print('ctypes' in sys.modules, dumpable)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.split() == ["False", "0"], done.stdout + done.stderr


def test_memset_zero_clears_exactly_the_bytes_asked() -> None:
    import _ctypes

    buffer = bytearray(b"\xff" * 64)

    class Byte(_ctypes._SimpleCData):  # type: ignore[type-arg]
        _type_ = "B"

    start = _ctypes.addressof(Byte.from_buffer(buffer))
    native.memset_zero(start + 8, 16)
    assert buffer == b"\xff" * 8 + b"\x00" * 16 + b"\xff" * 40


def test_call_size_t_passes_a_full_width_argument() -> None:
    ffsl = native.c_function(None, "ffsl")  # int ffsl(long): position of the lowest set bit
    assert native.call_size_t(ffsl, 1 << 3) == 4
    assert native.call_size_t(ffsl, 1 << 40) == 41  # 0 if the value were cut to 32 bits
