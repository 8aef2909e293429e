"""The lesson "Memory Architecture": what its text claims, checked against the
stored outputs of the real interpreters. (What every lesson must do is in
tests/test_lessons.py.)"""

import re

import pytest

from tests.support.interpreters import NATIVE_VERSIONS, ROOT

OUTPUT = ROOT / "snippets/cs-fundamentals/memory-architecture/output"


def printed(snippet, version):
    return (OUTPUT / snippet / f"{version}.txt").read_text(encoding="utf-8")


def sizes(version):
    return dict(re.findall(r"^(\S+)\s+(\d+) bytes$", printed("sizes", version), re.MULTILINE))


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
def test_shuffled_reads_take_many_times_longer(version):
    times = dict(re.findall(r"^(in order|shuffled)\s+(\d+\.\d+) s$", printed("locality", version), re.MULTILINE))
    assert float(times["shuffled"]) > 3 * float(times["in order"]), times


def test_strings_got_smaller_in_3_12():
    before, after = sizes("3.11"), sizes("3.12")
    for text in ('""', '"a"', '"abc"'):
        assert int(before[text]) - int(after[text]) == 8, text  # ASCII: exactly the wstr pointer
    assert int(before['"é"']) - int(after['"é"']) > 8


def test_pointer_size_is_8_natively_and_4_in_pyodide():
    for version in NATIVE_VERSIONS:
        assert printed("sizes", version).startswith("pointer size: 8 bytes")
        assert sizes(version)["object()"] == "16"  # the header: refcount + type pointer
    assert printed("sizes", "3.14").startswith("pointer size: 4 bytes")


def test_gc_thresholds_changed_as_the_text_says():
    thresholds = {v: printed("gc_cycle", v).splitlines()[-1] for v in ("3.11", "3.12", "3.13", "3.14")}
    assert thresholds["3.11"] == thresholds["3.12"] == "generation thresholds: (700, 10, 10)"
    assert thresholds["3.13"] == "generation thresholds: (2000, 10, 10)"
    assert thresholds["3.14"] == "generation thresholds: (2000, 10, 0)"


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
def test_pymalloc_settings_match_the_text(version):
    assert printed("pymalloc_settings", version) == (
        "Small block threshold = 512, in 32 size classes.\narena size: 1048576 bytes\n"
    )


def test_immortal_none_from_3_12():
    assert printed("refcount", "3.11").endswith("None is immortal (3.12+)? False\n")
    for version in ("3.12", "3.13", "3.14"):
        assert printed("refcount", version).endswith("None is immortal (3.12+)? True\n")
