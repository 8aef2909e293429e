"""The lesson "How Python Works": what its text claims, checked against the
interpreters and the stored outputs. (What every lesson must do is in
tests/test_lessons.py.)"""

import dis
import json
import re
import subprocess

import pytest

from course import interpreters, snippets
from course.builds import BUILDS, DEFAULT_VERSION, TAB_LABEL
from course.interpreters import NATIVE_VERSIONS, PYODIDE_PACKAGES, ROOT, VERSIONS
from tests.support.skips import require_version

PAGE = ROOT / "docs/cs-fundamentals/how-python-works/index.md"
LESSON = ROOT / "snippets/cs-fundamentals/how-python-works"
OUTPUT = LESSON / "output"
EXAMPLES = LESSON / "try-it/examples.py"
PHONE_COLUMNS = 72


def page_text():
    return " ".join(PAGE.read_text(encoding="utf-8").split())


def printed(snippet, version):
    return (OUTPUT / snippet / f"{version}.txt").read_text(encoding="utf-8")


def run_on(version, script, tmp_path, *options):
    """Run `script` (source text) on `version`: natively, or in Pyodide."""
    require_version(version)
    path = tmp_path / f"probe_{version.replace('.', '_')}.py"
    path.write_text(script, encoding="utf-8")
    if version in PYODIDE_PACKAGES:
        assert not options, "Pyodide runs take no interpreter options"
        run = interpreters.run_pyodide([path], version)[path]
        assert run.ok, run.output
        return run.output
    done = subprocess.run(
        [interpreters.find_native(version), *options, str(path)],
        cwd=tmp_path,
        env=interpreters.CLEAN_ENV,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def built_page(built_site):
    site, _ = built_site
    return (site / "cs-fundamentals/how-python-works/index.html").read_text(encoding="utf-8")


def test_differing_outputs_are_shown_in_linked_version_tabs(built_site):
    html = built_page(built_site)
    dis_add = html[html.index('id="reading-dis"') : html.index('id="instructions"')]
    assert "<strong>Output</strong> · one tab per Python build" in dis_add
    labels = TAB_LABEL.findall(dis_add)
    assert [label for _, label in labels[: len(VERSIONS)]] == [BUILDS[v].label for v in VERSIONS], labels
    shown_first = re.search(r'<input checked="checked" id="([^"]+)"', dis_add).group(1)
    assert dict(labels)[shown_first] == BUILDS[DEFAULT_VERSION].label
    assert "LOAD_FAST_BORROW_LOAD_FAST_BORROW" in dis_add and "BINARY_OP" in dis_add


# --- The instruction table, checked against each interpreter's dis.opmap ---

TABLE_HEADER = re.compile(r"^\| Instruction \| What it does \|((?: [\d.]+ \|)+)\s*$", re.MULTILINE)
# Real instructions only: from 3.12, dis.opmap also lists the compiler's
# pseudo-instructions (SETUP_FINALLY, LOAD_METHOD, ...), numbered from 256.
LIST_OPCODES = "import dis, json\nprint(json.dumps(sorted(n for n, v in dis.opmap.items() if v < 256)))\n"
LIST_PSEUDO = "import dis, json\nprint(json.dumps({n: v for n, v in dis.opmap.items() if v >= 256}))\n"


def table_rows():
    text = PAGE.read_text(encoding="utf-8")
    header = TABLE_HEADER.search(text)
    assert header, "the instruction table was not found on the page"
    columns = header.group(1).replace("|", " ").split()
    assert columns == list(VERSIONS), f"the table's version columns {columns} should be {list(VERSIONS)}"
    row = re.compile(r"^\| `([A-Z_]+)` \|[^|]+\|" + r"\s*([✓—])\s*\|" * len(columns) + r"\s*$", re.MULTILINE)
    rows = row.findall(text)
    assert len(rows) >= 30, "the instruction table has lost rows"
    return {name: dict(zip(columns, marks)) for name, *marks in rows}


@pytest.fixture(scope="module")
def opcodes_by_version(tmp_path_factory):
    folder = tmp_path_factory.mktemp("opmap")
    found = {}
    for version in VERSIONS:
        if interpreters.missing_reason(version) is None:
            found[version] = set(json.loads(run_on(version, LIST_OPCODES, folder)))
    return found


@pytest.mark.parametrize("version", VERSIONS)
def test_instruction_table_matches_dis_opmap(version, opcodes_by_version):
    require_version(version)
    real = opcodes_by_version[version]
    wrong = [
        f"{name}: table says {marks[version]}, dis.opmap says {'✓' if name in real else '—'}"
        for name, marks in table_rows().items()
        if (marks[version] == "✓") != (name in real)
    ]
    assert not wrong, f"instruction table is wrong for {version}:\n" + "\n".join(wrong)


def test_table_has_the_instructions_of_a_first_listing():
    rows = table_rows()
    for name in (
        "LOAD_NAME",
        "STORE_NAME",
        "PUSH_NULL",
        "POP_TOP",
        "LOAD_ATTR",
        "KW_NAMES",
        "CALL_KW",
        "RETURN_GENERATOR",
        "EXTENDED_ARG",
        "SETUP_FINALLY",
        "PUSH_EXC_INFO",
    ):
        assert name in rows, f"{name} is missing from the instruction table"


@pytest.mark.parametrize("version", VERSIONS)
def test_setup_finally_is_a_pseudo_instruction_from_3_12(version, tmp_path):
    """The text: the name survives in dis.opmap from 3.12, numbered above 255."""
    pseudo = json.loads(run_on(version, LIST_PSEUDO, tmp_path))
    if version == "3.11":
        assert pseudo == {}
    else:
        assert "SETUP_FINALLY" in pseudo and "POP_BLOCK" in pseudo


# --- Reading dis: the argument column and a first listing -------------------


def listing_line(text, name):
    return re.search(rf"^.*\b{name}\s+(\d+) \((.+)\)$", text, re.MULTILINE)


@pytest.mark.parametrize("version", VERSIONS)
def test_compare_op_argument_is_encoded_not_an_index(version):
    line = listing_line(printed("dis_columns", version), "COMPARE_OP")
    arg, meaning = int(line.group(1)), line.group(2)
    index = dis.cmp_op.index(">")
    if version == "3.11":
        assert arg == index and meaning == ">"
    elif version == "3.12":
        assert arg >> 4 == index and arg != index and meaning == ">"
    else:
        assert arg >> 5 == index and arg & 16 and meaning == "bool(>)"


DIS_LINE = re.compile(
    r"^\s*(?:\d+\s+)?(?:>>\s+)?(?:(L\d+):\s+)?(\d+)\s+([A-Z_]+)(?:\s+(\d+))?(?:\s+\((.*)\))?\s*$", re.MULTILINE
)


@pytest.mark.parametrize("version", VERSIONS)
def test_jumps_are_relative_since_3_11(version):
    """The jump's argument counts 2-byte units from the end of the jump and its cache."""
    rows = [
        (label, int(offset), name, arg, meaning)
        for label, offset, name, arg, meaning in DIS_LINE.findall(printed("dis_columns", version))
    ]
    labels = {label: offset for label, offset, *_ in rows if label}
    for (_, _, name, arg, meaning), following in zip(rows, rows[1:]):
        if name.startswith("POP_JUMP"):
            target = meaning.removeprefix("to ")
            target = labels[target] if target.startswith("L") else int(target)
            assert target == following[1] + 2 * int(arg), (version, name, arg, meaning)
            break
    else:
        pytest.fail("no jump found in dis_columns")


@pytest.mark.parametrize("version", ["3.13", "3.14", "3.15"])
def test_fused_load_packs_two_indexes(version):
    line = listing_line(printed("dis_add", version), r"LOAD_FAST(?:_BORROW)?_LOAD_FAST(?:_BORROW)?")
    arg = int(line.group(1))
    names = ("a", "b")
    assert (names[arg >> 4], names[arg & 15]) == ("a", "b") == tuple(line.group(2).split(", "))


@pytest.mark.parametrize("version", VERSIONS)
def test_load_global_argument_is_index_shifted_with_a_null_bit(version):
    line = listing_line(printed("first_dis", version), "LOAD_GLOBAL")
    arg, meaning = int(line.group(1)), line.group(2)
    assert arg >> 1 == 0 and arg & 1, "print is co_names[0], and the call needs a NULL"
    assert meaning == ("NULL + print" if version in ("3.11", "3.12") else "print + NULL")


@pytest.mark.parametrize("version", VERSIONS)
def test_keyword_calls_use_kw_names_then_call_kw(version):
    text = printed("first_dis", version)
    old = version in ("3.11", "3.12")
    assert ("KW_NAMES" in text) == old and ("CALL_KW" in text) == (not old)
    assert "PUSH_NULL" in text and "LOAD_NAME" in text and "STORE_NAME" in text and "POP_TOP" in text
    assert ("LOAD_METHOD" in text) == (version == "3.11")
    assert ("LOAD_ATTR" in text) == (version != "3.11")


@pytest.mark.parametrize("version", VERSIONS)
def test_try_costs_no_instruction_and_has_an_exception_table(version):
    text = printed("exception_table", version)
    assert "ExceptionTable:" in text and "SETUP_FINALLY" not in text and "POP_BLOCK" not in text
    body = re.findall(r"\b([A-Z][A-Z_]{2,})\b", text[: text.index("PUSH_EXC_INFO")])
    assert body[-2:] == ["BINARY_OP", "RETURN_VALUE"], body
    assert all(n in ("RESUME", "NOP", "BINARY_OP", "RETURN_VALUE") or n.startswith("LOAD_FAST") for n in body), (
        "the try body is only the loads, the division and the return"
    )
    assert re.search(r"^  (L\d+|\d+) to (L\d+|\d+) -> (L\d+|\d+) \[0\]$", text, re.MULTILINE)


@pytest.mark.parametrize("version", VERSIONS)
def test_traceback_carets_point_at_the_failing_subscript(version):
    lines = printed("traceback_positions", version).splitlines()
    source = next(line for line in lines if "total =" in line)
    marks = lines[lines.index(source) + 1]
    start = len(marks) - len(marks.lstrip())
    assert source[start : len(marks)] == 'counts["tea"]', marks
    assert marks.strip().startswith("~") and marks.strip().endswith("^")


def test_no_debug_ranges_drops_the_carets(tmp_path):
    script = (LESSON / "traceback_positions.py").read_text(encoding="utf-8")
    out = run_on("3.12", script, tmp_path, "-X", "no_debug_ranges")
    assert "KeyError" in out and "^" not in out and "~" not in out


# --- Parsing and tokenizing --------------------------------------------------


@pytest.mark.parametrize("version", VERSIONS)
def test_the_ast_changes_between_versions(version):
    text = printed("ast_dump", version)
    assert f"FunctionDef has type_params: {version != '3.11'}" in text
    assert f"ast.Num still exists: {version in ('3.11', '3.12', '3.13')}" in text
    assert "same in every version" not in page_text()


@pytest.mark.parametrize("version", VERSIONS)
def test_tokenize_uses_the_c_tokenizer_from_3_12(version, tmp_path):
    out = run_on(version, "import tokenize\nprint(tokenize.generate_tokens.__code__.co_names)\n", tmp_path)
    if version == "3.11":
        assert "_tokenize" in out and "c_tokenizer" not in out
    else:
        assert "_generate_tokens_from_c_tokenizer" in out
    assert "tokenize` module is a second tokenizer" in page_text()


def test_formatters_are_not_said_to_work_on_the_ast():
    text = page_text()
    assert "formatters and `pytest`'s assertion rewriting work on this tree" not in text
    assert "Black" in text and "concrete syntax tree" in text


# --- The stack machine ---------------------------------------------------------


def test_superinstructions_skip_a_stack_state():
    old, new = printed("stack_trace", "3.11"), printed("stack_trace", "3.13")
    assert "stack: [20]\n" in old and "stack: [20]\n" not in new
    assert old.count("stack:") == new.count("stack:") + 1
    assert "The stack goes through the same states in every version" not in page_text()


# --- .pyc files ----------------------------------------------------------------


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
def test_pyc_is_written_for_imports_and_for_dash_m(version):
    text = printed("pyc_written", version)
    tag = version.replace(".", "")
    after = dict(re.findall(r"^after `python (.+?)`:\n\s+(.+)$", text, re.MULTILINE))
    assert after["main.py"] == f"['helper.cpython-{tag}.pyc']"
    assert after["-B main.py"] == "[]"
    assert after["-m main"] == f"['helper.cpython-{tag}.pyc', 'main.cpython-{tag}.pyc']"


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
def test_same_second_same_size_edit_runs_stale_code(version):
    text = printed("stale_pyc", version)
    assert "source edited, same mtime and size: VAT = 20" in text
    assert "mtime one second later: VAT = 25" in text


def test_pyc_is_not_said_to_decompile_readily():
    text = page_text()
    assert "decompiles readily" not in text and "They decompile," not in text
    assert "trail each new bytecode format" in text


# --- The GIL -------------------------------------------------------------------


@pytest.mark.parametrize("version", VERSIONS)
def test_build_and_run_time_gil_are_told_apart(version):
    text = printed("switch_interval", version)
    assert "free-threaded build (Py_GIL_DISABLED): False" in text
    assert ("GIL enabled right now: True" in text) == (version not in ("3.11", "3.12"))


def test_free_threaded_build_can_turn_the_gil_back_on():
    text = page_text()
    for needed in (
        "PYTHON_GIL=1",
        'sysconfig.get_config_var("Py_GIL_DISABLED")',
        "sys._is_gil_enabled()",
        "not declared itself safe without the GIL turns the GIL back on",
    ):
        assert needed in text, needed
    assert "No GIL; single-threaded code" not in text
    examples = EXAMPLES.read_text(encoding="utf-8")
    assert 'in this build:", sys._is_gil_enabled()' not in examples
    assert 'get_config_var("Py_GIL_DISABLED")' in examples and "GIL enabled right now:" in examples


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
def test_examples_shows_the_fold_with_dis(version, tmp_path):
    out = run_on(version, EXAMPLES.read_text(encoding="utf-8"), tmp_path)
    part = out[out.index("=== 1.") : out.index("=== 2.")]
    assert re.search(r"LOAD_CONST\s+0 \(42\)", part) and "its constants" not in part


@pytest.mark.parametrize("version", list(PYODIDE_PACKAGES))
def test_examples_shows_the_fold_as_load_small_int_on_3_14_and_later(version, pyodide_runs):
    out = pyodide_runs[version][EXAMPLES].output
    part = out[out.index("=== 1.") : out.index("=== 2.")]
    assert re.search(r"LOAD_SMALL_INT\s+42$", part, re.MULTILINE) and "(6, None)" not in part


# --- import --------------------------------------------------------------------


@pytest.mark.parametrize("version", VERSIONS)
def test_main_script_runs_twice_under_two_names(version):
    lines = printed("main_twice", version).splitlines()
    assert lines[:5] == [
        "orders.py runs as __main__",
        "orders.py runs as orders",
        "orders.py done as orders",
        "billing.py got TAX_RATE = 0.2",
        "orders.py done as __main__",
    ]
    assert "'__main__' is the same module: False" in lines


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
def test_run_path_does_what_python_script_does(version, tmp_path):
    """The snippet imitates `python orders.py` with runpy; the real command agrees."""
    require_version(version)
    source = (LESSON / "main_twice.py").read_text(encoding="utf-8")
    for name in ("orders", "billing"):
        body = re.search(rf'Path\(folder, "{name}.py"\)\.write_text\(\n((?:\s+".*"\n)+)\)', source).group(1)
        (tmp_path / f"{name}.py").write_text("".join(eval(s) for s in body.split("\n") if s.strip()))
    done = subprocess.run(
        [interpreters.find_native(version), "orders.py"],
        cwd=tmp_path,
        env=interpreters.CLEAN_ENV,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stdout.splitlines() == printed("main_twice", version).splitlines()[:5]


@pytest.mark.parametrize("version", list(PYODIDE_PACKAGES))
def test_pyodide_finders_are_named_as_they_are(version):
    text = printed("import_steps", version)
    assert re.search(r"JsFinder\s+_pyodide._importhook", text)
    windows_finder = re.search(r"WindowsToLinuxPathFinder\s+_pyodide._importhook", text)
    assert bool(windows_finder) == (version == "3.15")  # Pyodide 314.0.8 dropped it
    assert "colorsys was found by: zipimporter" in text
    assert "`JsFinder`" in page_text() and "`WindowsToLinuxPathFinder`" in page_text()


def test_distutils_finder_comes_from_setuptools_not_cpython(tmp_path):
    """Where the 3.11 output shows it, it comes from a .pth file that `site` runs."""
    if "DistutilsMetaFinder" not in printed("import_steps", "3.11"):
        pytest.skip("the stored 3.11 output no longer shows a DistutilsMetaFinder")
    assert re.search(r"DistutilsMetaFinder\s+_distutils_hack", printed("import_steps", "3.11"))
    probe = "import sys\nprint([type(f).__name__ for f in sys.meta_path])\n"
    assert "DistutilsMetaFinder" in run_on("3.11", probe, tmp_path)
    assert "DistutilsMetaFinder" not in run_on("3.11", probe, tmp_path, "-S")
    assert "distutils-precedence.pth" in page_text()


@pytest.mark.parametrize("version", VERSIONS)
def test_sys_path_shape(version):
    lines = printed("sys_path", version).splitlines()
    assert lines[0] == ("'' (the current folder)" if version in PYODIDE_PACKAGES else "<script folder>")
    assert lines[-1].endswith(f"/lib/python{version}/site-packages")
    assert any(line.endswith(f"python{version.replace('.', '')}.zip") for line in lines)


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
def test_site_adds_site_packages(version, tmp_path):
    script = (LESSON / "sys_path.py").read_text(encoding="utf-8")
    assert "site-packages" in run_on(version, script, tmp_path)
    assert "site-packages" not in run_on(version, script, tmp_path, "-S")


# --- What 3.15 adds --------------------------------------------------------------


@pytest.mark.parametrize("version", VERSIONS)
def test_lazy_import_loads_on_first_use(version):
    text = printed("lazy_import", version)
    if version != "3.15":
        assert text == f"`lazy import` needs Python 3.15; this is {version}.\n"
        return
    assert re.search(r"IMPORT_NAME\s+\d+ \(json \+ lazy\)", text)
    lines = text.splitlines()
    order = [
        lines.index(line)
        for line in (
            "after `lazy import heavy`: loaded? False",
            "  (heavy.py runs now)",
            "first use: 42",
            "after first use: loaded? True",
            "  the name holds a module",
        )
    ]
    assert order == sorted(order)


def test_lazy_import_is_module_level_only_and_fails_at_first_use(tmp_path):
    probe = (
        "for source in ('def f():\\n    lazy import os\\n',\n"
        "               'try:\\n    lazy import os\\nexcept ImportError:\\n    pass\\n'):\n"
        "    try:\n        compile(source, 's', 'exec')\n"
        "    except SyntaxError as error:\n        print('SyntaxError:', error.msg)\n"
        "namespace = {}\n"
        "exec('lazy import no_such_module_here\\nprint(\"bound\")', namespace)\n"
        "try:\n    exec('no_such_module_here.x', namespace)\n"
        "except ModuleNotFoundError:\n    print('fails at first use')\n"
    )
    out = run_on("3.15", probe, tmp_path)
    assert "lazy import not allowed inside functions" in out
    assert "lazy import not allowed inside try/except blocks" in out
    assert "bound\nfails at first use" in out
    assert "only at module level, not inside functions or `try` blocks" in page_text()


@pytest.mark.parametrize("version", VERSIONS)
def test_sampling_profiler_imports_on_3_15_and_cannot_attach_in_wasm(version):
    text = printed("sampling_profiler", version)
    if version != "3.15":
        assert text == f"profiling.sampling needs Python 3.15; this is {version}.\n"
        return
    assert "imported: profiling.sampling" in text
    assert "attach: Reading the PyRuntime section is not supported on this platform" in text


@pytest.mark.parametrize("version", VERSIONS)
def test_utf8_mode_is_on_by_default_from_3_15(version):
    text = printed("utf8_default", version)
    assert f"UTF-8 mode: {1 if version == '3.15' else 0}" in text
    assert "explicit: utf-8" in text


def test_further_reading_cites_the_new_peps():
    reading = PAGE.read_text(encoding="utf-8").split("{ #further-reading }")[1]
    for source in ("pep-0810", "pep-0799", "pep-0686", "pep-0657", "pep-0669", "whatsnew/3.15"):
        assert source in reading, source


# --- Fit on a phone ----------------------------------------------------------------


def test_snippets_and_outputs_fit_72_columns():
    lesson_snippets = [s.path for s in snippets.discover() if s.path.parent == LESSON]
    too_wide = [
        f"{path.relative_to(ROOT)}:{number}: {len(line)} columns"
        for path in [*lesson_snippets, EXAMPLES, *OUTPUT.glob("*/*.txt")]
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if len(line) > PHONE_COLUMNS
    ]
    assert not too_wide, "\n".join(too_wide)


def test_circular_import_message_is_wrapped_to_the_end():
    for version in VERSIONS:
        text = printed("circular_import", version)
        message = text[text.index("ImportError:") : text.index("orders still in sys.modules?")]
        assert " ".join(message.split()).endswith("(most likely due to a circular import) (<folder>/orders.py)")
        assert all(len(line) <= PHONE_COLUMNS for line in text.splitlines())


# --- Measured outputs support the text ----------------------------------------------


def seconds(snippet_output, label):
    return float(re.search(rf"^{re.escape(label)}\s+(\d+\.\d+) s$", snippet_output, re.MULTILINE).group(1))


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
def test_gil_timings_support_what_the_text_says(version):
    """CPU-bound: threads no faster than one after another, processes faster; I/O: threads faster."""
    out = printed("gil_timings", version)
    assert seconds(out, "CPU, 4 processes") < 0.8 * seconds(out, "CPU, one after another")
    assert seconds(out, "CPU, 4 threads") > 0.8 * seconds(out, "CPU, one after another")
    assert seconds(out, "I/O, 4 threads") < 0.5 * seconds(out, "I/O, one after another")


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
def test_race_snippet_really_lost_updates(version):
    out = printed("gil_race", version)
    assert "unsafe: lost updates? yes" in out and "safe: lost updates? no" in out
