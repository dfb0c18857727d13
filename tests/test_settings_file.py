"""The app settings file: read on the way to the first window, never stopping the app."""

from __future__ import annotations

from pathlib import Path

import pytest

from groupkeeper.settings import Settings


@pytest.mark.parametrize(
    "text",
    [
        '{"language": "es", "text_scale": 1.5, "theme": "calm", "vault_dir": "D:\\\\grupos"}',
        ' \n{"x": [1, 2.5e3, true, false, null, "\\u00e9\\n", {"y": -0}]} \n\t',
        '"text"',
        "[1, 2]",
        "NaN",
        '{"a": -Infinity}',
        "1e999",
        "",
        "   ",
        "{",
        '{"a": 1,}',
        '{"a": 1} x',
        '{"a": 1}{"b": 2}',
        '\ufeff{"a": 1}',
        '{"a": "\x01"}',
        "{'a': 1}",
        '{"a": 01}',
        '{"a": "b"',
        "tru",
        "\x0c{}",
        '{"name": "\\ud83d\\ude00 \\u05e9\\u05dc\\u05d5\\u05dd"}',
    ],
)
def test_the_start_up_json_reader_reads_as_json_loads_does(text: str) -> None:
    """``parse_json`` (no ``json`` import on the way to the first window) accepts and
    rejects exactly what ``json.loads`` does, with the same values."""
    import json
    import math

    from groupkeeper.settings import parse_json

    try:
        expected: object = json.loads(text)
    except ValueError:
        with pytest.raises(ValueError):
            parse_json(text)
        return
    got = parse_json(text)
    if isinstance(expected, float) and math.isnan(expected):
        assert isinstance(got, float) and math.isnan(got)
    else:
        assert repr(got) == repr(expected)


def test_a_broken_settings_file_still_gives_the_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"language": "es",', encoding="utf-8")
    assert Settings(path).language == Settings(tmp_path / "none.json").language
    path.write_text('{"language": "es"}', encoding="utf-8")
    assert Settings(path).language == "es"
