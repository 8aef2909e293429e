"""The lesson "Sizes and Layout": what its text claims, checked against
the stored outputs of the real interpreters, or against a run of them where the
stored outputs cannot show it. (What every lesson must do is in
tests/test_lessons.py.)"""

import ctypes
import importlib.util
import re
import sys
from pathlib import Path

import pytest

from course.interpreters import NATIVE_VERSIONS, ROOT
from tests.support.probes import run_native

LESSON = ROOT / "snippets/cs-fundamentals/object-layout"
OUTPUT = LESSON / "output"
TRY_IT = LESSON / "try-it"
PAGE = ROOT / "docs/cs-fundamentals/object-layout/index.md"
# Outputs recorded in WebAssembly (32-bit, no pymalloc): 3.14, and 3.15 once
# its column is recorded.
WASM_VERSIONS = tuple(v for v in ("3.14", "3.15") if (OUTPUT / "sizes" / f"{v}.txt").is_file())
RECORDED = (*NATIVE_VERSIONS, *WASM_VERSIONS)
NEW_CODE_COLUMNS = 40  # snippets written for the chapter fit a phone held upright


def printed(snippet, version):
    return (OUTPUT / snippet / f"{version}.txt").read_text(encoding="utf-8")


def page_text():
    return " ".join(PAGE.read_text(encoding="utf-8").split())


def test_new_snippets_fit_40_columns():
    lines = (LESSON / "dict_keys.py").read_text(encoding="utf-8").splitlines()
    assert max(map(len, lines)) <= NEW_CODE_COLUMNS


# --- Object size and layout --------------------------------------------------


def sizes(version):
    return {
        label: (int(size), int(gc or 0))
        for label, size, gc in re.findall(
            r"^(.+?)\s+(\d+) bytes(?:, (\d+) of them GC header)?$", printed("sizes", version), re.MULTILINE
        )
    }


@pytest.mark.parametrize("version", RECORDED)
def test_header_and_gc_header_are_two_pointers_each(version):
    pointer = 4 if version in WASM_VERSIONS else 8
    assert printed("sizes", version).startswith(f"pointer size: {pointer} bytes\n")
    found = sizes(version)
    assert found["object()"] == (2 * pointer, 0)  # reference count + type pointer, nothing else
    for container in ("()", "[]", "{}", "set()"):
        assert found[container][1] == 2 * pointer, container  # PyGC_Head: two pointers


@pytest.mark.parametrize("version", RECORDED)
def test_int_digits_are_30_bits_on_every_platform(version):
    assert "int digits: 30 bits each\n" in printed("sizes", version)
    found = sizes(version)
    assert found["2**30"][0] - found["1"][0] == 4  # one more 4-byte digit


def test_free_threaded_header_is_32_bytes_and_has_no_gc_head():
    """Lay out the free-threaded build's object header from 3.13's own object.h."""
    include = Path(run_native("3.13", "import sysconfig; print(sysconfig.get_path('include'))").stdout.strip())
    source = (include / "object.h").read_text(encoding="utf-8")
    body = source[source.index("struct _object {\n    // ob_tid") :]
    body = body[: body.index("};")]
    types = {
        "uintptr_t": ctypes.c_size_t,
        "uint16_t": ctypes.c_uint16,
        "PyMutex": ctypes.c_uint8,
        "uint8_t": ctypes.c_uint8,
        "uint32_t": ctypes.c_uint32,
        "Py_ssize_t": ctypes.c_ssize_t,
        "PyTypeObject": ctypes.c_void_p,
    }
    fields = [(name, types[kind]) for kind, name in re.findall(r"^\s+(\w+) \*?(\w+);", body, re.MULTILINE)]
    assert [name for name, _ in fields][-1] == "ob_type"
    header = type("FreeThreadedHeader", (ctypes.Structure,), {"_fields_": fields})
    assert ctypes.sizeof(header) == 32
    gc = (include / "internal/pycore_object.h").read_text(encoding="utf-8")
    assert re.search(r"#ifndef Py_GIL_DISABLED\s+_PyType_IS_GC\(tp\) \* sizeof\(PyGC_Head\)", gc)
    assert "32 bytes" in page_text()


# --- Dict entries: no hash when every key is a str (correction) ---------------


def dict_sizes(version):
    found = dict(re.findall(r"^(\{.+?\}):\s+(\d+) bytes$", printed("dict_keys", version), re.MULTILINE))
    return int(found['{"a": 1}']), int(found["{1: 1}"])


@pytest.mark.parametrize("version", RECORDED)
def test_a_dict_of_str_keys_stores_no_hash(version):
    """Correction: the page said every dict entry holds a hash, a key and a
    value. Since 3.11 a dict whose keys are all str leaves the hash out: the
    smallest table's 5 entries save one pointer-sized hash each."""
    text_keys, int_keys = dict_sizes(version)
    pointer = 4 if version in WASM_VERSIONS else 8
    assert int_keys - text_keys == 5 * pointer, (text_keys, int_keys)
    assert printed("dict_keys", version).endswith("str keys smaller? True\n")
    assert sizes(version)['{"a": 1}'][0] == text_keys  # the sizes table shows the str-keyed one
    text = page_text()
    assert "(hash, key and value" not in text
    assert f"{int_keys} against {text_keys}" in text
    assert f"5 × {pointer} = {int_keys - text_keys}" in text


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
def test_one_key_that_is_not_a_str_brings_the_hashes_back(version):
    code = (
        "import sys; print(sys.getsizeof({'a': 1, 'b': 2}), sys.getsizeof({'a': 1, 2: 2}), sys.getsizeof({1: 1, 2: 2}))"
    )
    strings, mixed, ints = map(int, run_native(version, code).stdout.split())
    assert strings < ints <= mixed  # the mixed table stores hashes, and was resized to do so


# --- Strings -----------------------------------------------------------------


def string_table(version):
    rows = re.findall(
        r"^(ASCII|Latin-1|UCS-2|UCS-4)\s+(\d)\s+(\d+)\s+(\d+)$", printed("string_sizes", version), re.MULTILINE
    )
    return {kind: (int(width), int(header), int(total)) for kind, width, header, total in rows}


@pytest.mark.parametrize("version", RECORDED)
def test_strings_take_1_2_or_4_bytes_per_character(version):
    table = string_table(version)
    assert {kind: width for kind, (width, _, _) in table.items()} == {"ASCII": 1, "Latin-1": 1, "UCS-2": 2, "UCS-4": 4}
    headers = {kind: header for kind, (_, header, _) in table.items()}
    assert headers["ASCII"] < headers["Latin-1"] == headers["UCS-2"] == headers["UCS-4"]


def test_strings_got_smaller_in_3_12():
    before, after = string_table("3.11"), string_table("3.12")
    assert before["ASCII"][1] - after["ASCII"][1] == 8  # the wstr pointer
    assert before["Latin-1"][1] - after["Latin-1"][1] == 16  # wstr and wstr_length
    assert string_table("3.13") == after


@pytest.mark.parametrize("version", RECORDED)
def test_a_utf8_copy_is_cached_only_once_c_code_asks(version):
    lines = printed("string_sizes", version).splitlines()[-3:]
    before, encoded, compiled = (int(re.search(r"(\d+) bytes", line).group(1)) for line in lines)
    assert encoded == before, "encode() caches nothing"
    assert compiled - before == len(("é" * 10).encode()) + 1 == 21, "the UTF-8 bytes and their NUL"


CACHE_CHECK = """
import sys
for text in ("a" * 10, "é" * 10):
    before = sys.getsizeof(text)
    text.encode()
    encoded = sys.getsizeof(text)
    compile(text, "<text>", "eval")
    print(encoded - before, sys.getsizeof(text) - before)
"""


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
def test_ascii_text_is_its_own_utf8(version):
    # An ASCII string's bytes already are UTF-8: nothing to cache.
    assert run_native(version, CACHE_CHECK).stdout == "0 0\n0 21\n"


# --- Lists, arrays, instances ------------------------------------------------


def test_list_vs_array_ratio_differs_on_32_bit():
    ratio = {v: int(re.search(r"array / list: (\d+)%", printed("list_vs_array", v)).group(1)) for v in RECORDED}
    for version in NATIVE_VERSIONS:
        assert ratio[version] == ratio["3.13"] <= 25, ratio
    for version in WASM_VERSIONS:
        assert 35 <= ratio[version] <= 45, ratio
    text = page_text()
    assert f"{ratio['3.13']}%" in text and f"{ratio['3.14']}%" in text


def test_a_small_int_is_not_half_the_size_on_32_bit():
    """Correction: the page said that on the 32-bit builds "pointers and int
    objects are half the size". A one-digit int is 16 bytes there against 28:
    its header halves, its size field and its 4-byte digit do not."""
    native, wasm = sizes("3.13")["1"][0], sizes(WASM_VERSIONS[0])["1"][0]
    assert (native, wasm) == (28, 16) and wasm != native // 2
    for version in WASM_VERSIONS:
        assert sizes(version)["1"][0] == wasm
    text = page_text()
    assert "pointers and int objects are half the size" not in text
    assert f"takes {wasm} bytes against {native}" in text
    # the list's own part: an item pointer of 4 bytes against 8, and the int objects
    list_total = {
        v: int(re.search(r"with its int objects: (\d+) bytes", printed("list_vs_array", v)).group(1))
        for v in ("3.13", WASM_VERSIONS[0])
    }
    assert list_total[WASM_VERSIONS[0]] > list_total["3.13"] // 2


def slots(version):
    return dict(
        re.findall(r"^(Point|Point, __dict__|SlotPoint):\s+(\d+) bytes$", printed("slots", version), re.MULTILINE)
    )


@pytest.mark.parametrize("version", RECORDED)
def test_slots_take_less_than_an_instance_dict(version):
    found = {name: int(size) for name, size in slots(version).items()}
    assert found["SlotPoint"] < found["Point"] < found["Point, __dict__"], found
    assert printed("slots", version).endswith("SlotPoint has a __dict__? False\n")


# --- The exercise checks reject wrong answers ---------------------------------

spec = importlib.util.spec_from_file_location("layout_exercises", TRY_IT / "exercises.py")
exercises = importlib.util.module_from_spec(spec)
spec.loader.exec_module(exercises)
checker = sys.modules["exercise_checker"]  # exercises.py imported it


def part(name, number):
    text = (TRY_IT / name).read_text(encoding="utf-8")
    return re.split(r"(?m)^# %% Exercise \d+.*$", text)[number]


def test_each_exercise_starts_with_the_imports_it_uses():
    assert "import sys" in part("answers.py", 1)
    assert "\nimport " not in part("answers.py", 0)


WRONG = {
    "every length": (1, "import sys\ndef growth_points(n):\n    return list(range(1, n + 1))\n"),
    "the sizes, not the lengths": (
        1,
        "import sys\ndef growth_points(n):\n    items, sizes = [], []\n    for _ in range(n):\n"
        "        before = sys.getsizeof(items)\n        items.append(None)\n"
        "        if sys.getsizeof(items) != before:\n            sizes.append(sys.getsizeof(items))\n"
        "    return sizes\n",
    ),
    "the length before the append": (
        1,
        "import sys\ndef growth_points(n):\n    items, points = [], []\n    for length in range(n):\n"
        "        before = sys.getsizeof(items)\n        items.append(None)\n"
        "        if sys.getsizeof(items) != before:\n            points.append(length)\n"
        "    return points\n",
    ),
}


@pytest.mark.parametrize("case", WRONG)
def test_each_check_rejects_a_plausible_wrong_answer(case):
    number, source = WRONG[case]
    passed, message = checker.check_source(exercises.EXERCISES[number][1], source, "answers.py")
    assert not passed and message, case


@pytest.mark.parametrize("number", sorted(exercises.EXERCISES))
def test_each_check_accepts_its_solution(number):
    check = exercises.EXERCISES[number][1]
    assert checker.check_source(check, part("solutions.py", number), "solutions.py") == (True, "")
