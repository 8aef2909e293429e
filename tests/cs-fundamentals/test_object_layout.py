"""The lesson "Memory Architecture": what its text claims, checked against the
stored outputs of the real interpreters, or against a run of them where the
stored outputs cannot show it. (What every lesson must do is in
tests/test_lessons.py.)"""

import ctypes
import os
import pty
import re
import select
import subprocess
import time
from pathlib import Path

import pytest

from course import interpreters
from course.interpreters import CLEAN_ENV, NATIVE_VERSIONS, ROOT, find_native
from tests.support.skips import require_version

LESSON = ROOT / "snippets/cs-fundamentals/memory-architecture"
OUTPUT = LESSON / "output"
PAGE = ROOT / "docs/cs-fundamentals/memory-architecture/index.md"
# Outputs recorded in WebAssembly (32-bit, no pymalloc): 3.14, and 3.15 once
# its column is recorded.
WASM_VERSIONS = tuple(v for v in ("3.14", "3.15") if (OUTPUT / "sizes" / f"{v}.txt").is_file())
RECORDED = (*NATIVE_VERSIONS, *WASM_VERSIONS)
PHONE_COLUMNS = 72  # issue 9: the point of a line must not hide off to the right


def printed(snippet, version):
    return (OUTPUT / snippet / f"{version}.txt").read_text(encoding="utf-8")


def page_text():
    return " ".join(PAGE.read_text(encoding="utf-8").split())


def run_native(version, code):
    require_version(version)
    return subprocess.run(
        [find_native(version), "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        env=CLEAN_ENV,
    )


# --- Layout: every line fits a narrow screen ---------------------------------


def test_snippets_and_outputs_fit_72_columns():
    files = [*LESSON.glob("*.py"), LESSON / "try-it/examples.py", *OUTPUT.glob("*/*.txt")]
    too_wide = [
        f"{path.relative_to(ROOT)}:{number} ({len(line)} columns)"
        for path in files
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if len(line) > PHONE_COLUMNS
    ]
    assert not too_wide, too_wide


# --- The memory hierarchy ----------------------------------------------------


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
def test_shuffled_reads_take_many_times_longer(version):
    times = dict(re.findall(r"^(in order|shuffled)\s+(\d+\.\d+) s$", printed("locality", version), re.MULTILINE))
    assert float(times["shuffled"]) > 3 * float(times["in order"]), times


def test_nvme_latency_in_cycles_matches_its_time():
    row = next(line for line in PAGE.read_text(encoding="utf-8").splitlines() if line.startswith("| SSD (NVMe)"))
    low_us, high_us = map(int, re.search(r"(\d+) to (\d+) µs", row).groups())
    # at 3 to 5 GHz, a microsecond is 3,000 to 5,000 cycles
    assert 10_000 <= low_us * 3_000 < 100_000 and 100_000 <= high_us * 5_000 < 1_000_000
    assert "tens to hundreds of thousands" in row


# --- Stack and heap ----------------------------------------------------------


@pytest.mark.parametrize("version", RECORDED)
def test_python_calls_go_far_deeper_than_the_default_limit(version):
    assert printed("recursion_limit", version) == (
        "limit 1,000, depth 5,000: RecursionError\nlimit 60,000, depth 50,000: 50,000\n"
    )


DEEP_C_RECURSION = """
import sys
sys.setrecursionlimit(1_000_000)
nested = []
for _ in range(200_000):
    nested = [nested]
try:
    repr(nested)
except RecursionError:
    print("RecursionError")
"""


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
def test_a_raised_limit_no_longer_protects_the_c_stack_before_3_12(version):
    run = run_native(version, DEEP_C_RECURSION)
    if version == "3.11":
        assert run.returncode < 0, "3.11: deep C recursion under a huge limit crashes the process"
    else:
        assert run.returncode == 0 and run.stdout == "RecursionError\n", "3.12+ guard the C stack themselves"


def test_small_ints_and_none_are_static_data_in_the_interpreter():
    for version in NATIVE_VERSIONS:
        run = run_native(version, "import sysconfig; print(sysconfig.get_path('include'))")
        header = Path(run.stdout.strip()) / "internal/pycore_global_objects.h"
        if not header.is_file():
            pytest.skip(f"{version}: no internal headers installed")
        assert re.search(r"PyLongObject small_ints\[", header.read_text(encoding="utf-8")), version
        none = (header.parent.parent / "object.h").read_text(encoding="utf-8")
        assert "PyAPI_DATA(PyObject) _Py_NoneStruct;" in none, version  # one static None


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


def test_list_vs_array_ratio_differs_on_32_bit():
    ratio = {v: int(re.search(r"array / list: (\d+)%", printed("list_vs_array", v)).group(1)) for v in RECORDED}
    for version in NATIVE_VERSIONS:
        assert ratio[version] == ratio["3.13"] <= 25, ratio
    for version in WASM_VERSIONS:
        assert 35 <= ratio[version] <= 45, ratio
    text = page_text()
    assert f"{ratio['3.13']}%" in text and f"{ratio['3.14']}%" in text


def slots(version):
    return dict(
        re.findall(r"^(Point|Point, __dict__|SlotPoint):\s+(\d+) bytes$", printed("slots", version), re.MULTILINE)
    )


@pytest.mark.parametrize("version", RECORDED)
def test_slots_take_less_than_an_instance_dict(version):
    found = {name: int(size) for name, size in slots(version).items()}
    assert found["SlotPoint"] < found["Point"] < found["Point, __dict__"], found
    assert printed("slots", version).endswith("SlotPoint has a __dict__? False\n")


# --- Small ints, interning, and what the prompt compiles ---------------------


@pytest.mark.parametrize("version", RECORDED)
def test_small_int_cache_range(version):
    expected = "-5 to 1024" if version == "3.15" else "-5 to 256"  # gh-133059 widened it in 3.15
    assert f"cached ints here: {expected}\n" in printed("small_ints", version)


@pytest.mark.parametrize("version", RECORDED)
def test_one_prompt_line_is_one_compilation_unit(version):
    assert printed("repl_constants", version) == (
        "One line, compiled whole (basic REPL):\nTrue\n"
        "One line, statement by statement (3.13+):\nFalse\n"
        "Three lines, one after another:\nFalse\n"
        "The three lines as one script:\nTrue\n"
    )


def read_until_quiet(fd, quiet):
    seen, deadline = b"", time.monotonic() + 15
    while time.monotonic() < deadline and select.select([fd], [], [], quiet)[0]:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the REPL has exited
            break
        if not chunk:
            break
        seen += chunk
    return seen.decode(errors="replace")


def ask_the_repl(version, lines, basic):
    """Type `lines` at a real interactive prompt; return each True or False it printed."""
    require_version(version)
    env = {**CLEAN_ENV, "TERM": "xterm"}
    if basic:
        env["PYTHON_BASIC_REPL"] = "1"  # 3.13+: the classic prompt (3.11 and 3.12 have only that one)
    executable = find_native(version)
    pid, fd = pty.fork()
    if pid == 0:  # the child becomes the REPL
        os.execve(executable, [executable, "-q"], env)
    try:
        read_until_quiet(fd, quiet=3)  # start-up, up to the first prompt
        printed = ""
        for line in lines:
            os.write(fd, line.encode() + b"\r")
            printed += read_until_quiet(fd, quiet=1)
        os.write(fd, b"exit()\r")
        read_until_quiet(fd, quiet=1)
    finally:
        if os.waitpid(pid, os.WNOHANG) == (0, 0):
            os.kill(pid, 9)
            os.waitpid(pid, 0)
        os.close(fd)
    return re.findall(r"\b(True|False)\r?\n", printed)


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
def test_the_real_prompt_agrees(version):
    one_line = ["x = 5000; y = 5000; x is y"]
    separate = ["x = 5000", "y = 5000", "x is y"]
    assert ask_the_repl(version, one_line, basic=True) == ["True"]
    assert ask_the_repl(version, separate, basic=True) == ["False"]
    if version >= "3.13":  # the new REPL compiles each statement of a line on its own
        assert ask_the_repl(version, one_line, basic=False) == ["False"]


# --- Reference counting and identity -----------------------------------------


def test_immortal_none_from_3_12():
    assert printed("refcount", "3.11").endswith("None is immortal (3.12+)? False\n")
    for version in RECORDED[1:]:
        assert printed("refcount", version).endswith("None is immortal (3.12+)? True\n")


@pytest.mark.parametrize("version", RECORDED)
def test_refcount_of_a_local_is_1_from_3_14(version):
    expected = 1 if version >= "3.14" else 2  # 3.14 loads locals as borrowed references
    assert f"a local, in a function: {expected}\n" in printed("refcount", version)
    assert printed("refcount", version).startswith("one name:       2\n")


BORROWED_LOAD = """
import dis, sys

def local_count():
    local = object()
    return sys.getrefcount(local)

print(sorted({i.opname for i in dis.get_instructions(local_count) if "FAST" in i.opname}))
"""


def test_3_14_reads_the_local_as_a_borrowed_reference(tmp_path):
    require_version("3.14")
    script = tmp_path / "borrowed.py"
    script.write_text(BORROWED_LOAD, encoding="utf-8")
    run = interpreters.run_pyodide([script], "3.14")[script]  # checks it is a 3.14
    assert run.output == "['LOAD_FAST_BORROW', 'STORE_FAST']\n"
    for version in NATIVE_VERSIONS:  # older versions load it as a new reference
        assert "BORROW" not in run_native(version, BORROWED_LOAD).stdout


@pytest.mark.parametrize("version", RECORDED)
def test_a_dead_objects_id_is_reused(version):
    output = printed("id_reuse", version)
    first, second = re.findall(r"^(?:first|second):\s+(0x[0-9a-f]+)$", output, re.MULTILINE)
    assert first == second
    assert output.endswith("same id as the dead object? True\nid(object()) == id(object())? True\n")


# --- The garbage collector ---------------------------------------------------

WEAKLY_REFERABLE = """
import weakref
class Plain: pass
class Slotted: __slots__ = ("x",)
class SlottedWeak: __slots__ = ("x", "__weakref__")
for value in (1, "a", (1,), [1], {}, Slotted(), SlottedWeak(), Plain()):
    try:
        weakref.ref(value)
        print(type(value).__name__, end=" ")
    except TypeError:
        pass
"""


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
def test_which_objects_take_a_weak_reference(version):
    assert run_native(version, WEAKLY_REFERABLE).stdout == "SlottedWeak Plain "


GC_THRESHOLDS = {
    "3.11": "(700, 10, 10)",
    "3.12": "(700, 10, 10)",
    "3.13": "(2000, 10, 10)",
    "3.14": "(2000, 10, 0)",  # 3.14.2: the incremental collector of 3.14.0-3.14.4
    "3.15": "(2000, 10, 10)",  # the generational collector again (gh-148726)
}


@pytest.mark.parametrize("version", RECORDED)
def test_gc_thresholds_as_the_text_says(version):
    output = printed("gc_cycle", version)
    assert output.splitlines()[-1] == f"generation thresholds: {GC_THRESHOLDS[version]}"
    assert "alive after gc.collect()? False\n" in output
    assert GC_THRESHOLDS[version] in page_text()


def test_page_cites_the_gc_revert():
    text = page_text()
    assert "3.14.5" in text and "148726" in text


# --- Allocators --------------------------------------------------------------


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
def test_pymalloc_settings_match_the_text(version):
    assert printed("pymalloc_settings", version) == (
        "Small block threshold = 512, in 32 size classes.\narena size: 1048576 bytes\n"
    )


@pytest.mark.parametrize("version", RECORDED)
def test_webassembly_builds_have_no_pymalloc(version):
    uses_pymalloc = version in NATIVE_VERSIONS
    assert printed("allocator", version) == f"built with pymalloc: {uses_pymalloc}\nfree-threaded build: False\n"
