"""The lesson "From Source to Bytecode": what its text claims, checked against
the interpreters and the stored outputs. (What every lesson must do is in
tests/test_lessons.py.)"""

import dis
import json
import re

import pytest

from course import interpreters
from course.builds import BUILDS
from course.interpreters import NATIVE_VERSIONS, PYODIDE_PACKAGES, ROOT, VERSIONS
from tests.support.probes import run_on
from tests.support.skips import require_version

PAGE = ROOT / "docs/cs-fundamentals/source-to-bytecode/index.md"
LESSON = ROOT / "snippets/cs-fundamentals/source-to-bytecode"
OUTPUT = LESSON / "output"
EXAMPLES = LESSON / "try-it/examples.py"


def page_text():
    return " ".join(PAGE.read_text(encoding="utf-8").split())


def printed(snippet, version):
    return (OUTPUT / snippet / f"{version}.txt").read_text(encoding="utf-8")


def built_page(built_site):
    site, _ = built_site
    return (site / "cs-fundamentals/source-to-bytecode/index.html").read_text(encoding="utf-8")


def test_differing_outputs_show_the_in_page_build_and_compare_the_others(built_site):
    html = built_page(built_site)
    section = html[html.index('id="reading-dis"') : html.index('id="instructions"')]
    dis_add = section.split('<div class="outputs">')[1]  # the section's first snippet's outputs
    groups = re.findall(r'<div class="output( output--shown)?" data-builds="([^"]+)">', dis_add)
    assert sorted(v for _, builds in groups for v in builds.split()) == sorted(VERSIONS), groups
    assert [builds.split()[0] for shown, builds in groups if shown] == ["3.14"], groups
    assert 'class="output-compare"' in dis_add
    caption = re.search(r'data-builds="3.14[^"]*">\s*<p class="output-caption"[^>]*>(.*?)</p>', dis_add)[1]
    assert BUILDS["3.14"].release in caption and BUILDS["3.14"].kind in caption
    assert "LOAD_FAST_BORROW_LOAD_FAST_BORROW" in dis_add and "BINARY_OP" in dis_add


# --- The instruction table, checked against each interpreter's dis.opmap ---

# The table sits in a collapsed note, so its lines are indented.
TABLE_HEADER = re.compile(r"^ *\| Instruction \| What it does \|((?: [\d.]+ \|)+)\s*$", re.MULTILINE)
# Real instructions only: from 3.12, dis.opmap also lists the compiler's
# pseudo-instructions (SETUP_FINALLY, LOAD_METHOD, ...), numbered from 256.
LIST_OPCODES = "import dis, json\nprint(json.dumps(sorted(n for n, v in dis.opmap.items() if v < 256)))\n"


def table_rows():
    text = PAGE.read_text(encoding="utf-8")
    header = TABLE_HEADER.search(text)
    assert header, "the instruction table was not found on the page"
    columns = header.group(1).replace("|", " ").split()
    assert columns == list(VERSIONS), f"the table's version columns {columns} should be {list(VERSIONS)}"
    row = re.compile(r"^ *\| `([A-Z_]+)` \|[^|]+\|" + r"\s*([✓—])\s*\|" * len(columns) + r"\s*$", re.MULTILINE)
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


MOST_MET = re.compile(r"^- `([A-Z_]+)`: (.+)$", re.MULTILINE)


def test_the_instructions_met_most_are_in_the_table_with_the_same_meaning():
    """The short list in the main text repeats rows of the table in the note."""
    text = PAGE.read_text(encoding="utf-8")
    section = text[text.index("{ #instructions }") : text.index('??? note "Version notes')]
    listed = dict(MOST_MET.findall(section))
    assert 10 <= len(listed) <= 14, listed
    described = dict(re.findall(r"^ *\| `([A-Z_]+)` \| ([^|]+?) \|", text, re.MULTILINE))
    for name, meaning in listed.items():
        assert name in described, f"{name} is listed but not in the table"
        assert meaning.lower() == described[name].lower(), name


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


# --- The examples notebook -------------------------------------------------------


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


OLD_NOTEBOOK_PARTS = (
    "how-python-works-the-examples",
    "3-bytecode-and-what-specialization-does-to-it",
    "4-where-the-pyc-of-a-module-would-go",
    "5-the-gils-switch-interval",
    "6-import-and-sysmodules",
    "7-lazy-imports-315",
    "8-text-files-and-their-default-encoding",
)


def test_links_to_the_old_notebooks_parts_land_on_a_part_or_on_where_it_went(built_site):
    """The notebook of "How Python Works" redirects here (mkdocs.yml), keeping
    the #anchor: each of its old parts has an anchor in this notebook."""
    site, _ = built_site
    html = (site / "cs-fundamentals/source-to-bytecode/notebook/index.html").read_text(encoding="utf-8")
    for anchor in OLD_NOTEBOOK_PARTS:
        assert f'id="{anchor}"' in html, anchor
    for lesson in ("virtual-machine", "imports", "gil-and-concurrency"):
        assert f'href="../../{lesson}/notebook/"' in html, lesson


# --- What 3.15 adds --------------------------------------------------------------


@pytest.mark.parametrize("version", VERSIONS)
def test_utf8_mode_is_on_by_default_from_3_15(version):
    text = printed("utf8_default", version)
    assert f"UTF-8 mode: {1 if version == '3.15' else 0}" in text
    assert "explicit: utf-8" in text


def test_further_reading_cites_the_new_peps():
    reading = PAGE.read_text(encoding="utf-8").split("{ #further-reading }")[1]
    for source in ("pep-0686", "whatsnew/3.15"):
        assert source in reading, source


@pytest.mark.parametrize("version", NATIVE_VERSIONS)
def test_every_jump_is_relative_since_3_11(version, tmp_path):
    """The text: every jump is relative since 3.11; 3.10 had JUMP_ABSOLUTE."""
    assert run_on(version, "import dis\nprint(dis.hasjabs)\n", tmp_path) == "[]\n"
    assert "Every jump is relative since 3.11; 3.10 had both kinds" in page_text()
    assert "stored the target itself" not in page_text()


TOKENS_THE_PARSER_NEVER_SEES = """import _tokenize, io, token, tokenize
source = "x = (1,\\n     2)  # note\\n\\n"
parser = _tokenize.TokenizerIter(io.StringIO(source).readline, extra_tokens=False)
module = tokenize.generate_tokens(io.StringIO(source).readline)
print(sorted({token.tok_name[t.type] for t in module} - {token.tok_name[t[0]] for t in parser}))
"""


@pytest.mark.parametrize("version", [v for v in NATIVE_VERSIONS if v != "3.11"])
def test_tokenize_asks_the_c_tokenizer_for_comments_and_line_breaks(version, tmp_path):
    """The text: from 3.12 `tokenize` uses the C tokenizer, with extra tokens
    (it also reports every operator as OP, where the parser sees EQUAL, LPAR...)."""
    assert run_on(version, TOKENS_THE_PARSER_NEVER_SEES, tmp_path) == "['COMMENT', 'NL', 'OP']\n"
    assert "two kinds of token the parser never sees: `COMMENT` and `NL`" in page_text()
    assert "so both see the same tokens" not in page_text()


def test_on_3_11_every_call_comes_after_a_precall():
    """The text: PRECALL before every CALL on 3.11, not only keyword calls."""
    listing = printed("first_dis", "3.11")
    calls = re.findall(r"^.*\b(PRECALL|CALL) +(\d+)$", listing, re.MULTILINE)
    assert calls and calls == [("PRECALL", n) if i % 2 == 0 else ("CALL", n) for i, (_, n) in enumerate(calls)]
    assert "on 3.11 every `CALL` comes right after a `PRECALL`" in page_text()
    assert "3.11 also needs `PRECALL`" not in page_text()


FIRST_INSTRUCTIONS = """import dis
def outer():
    x = 1
    def inner():
        return x
    return inner
def gen():
    yield 1
def add(a, b):
    return a + b
for function in (add, outer, outer(), gen):
    names = [i.opname for i in dis.get_instructions(function)]
    print(function.__name__, names[: names.index("RESUME") + 1])
"""


@pytest.mark.parametrize("version", VERSIONS)
def test_resume_comes_first_or_after_the_set_up_the_page_names(version, tmp_path):
    """The page: a plain function starts at RESUME; a generator or a closure
    first runs RETURN_GENERATOR, or MAKE_CELL or COPY_FREE_VARS."""
    assert run_on(version, FIRST_INSTRUCTIONS, tmp_path).splitlines() == [
        "add ['RESUME']",
        "outer ['MAKE_CELL', 'RESUME']",
        "inner ['COPY_FREE_VARS', 'RESUME']",
        "gen ['RETURN_GENERATOR', 'POP_TOP', 'RESUME']",
    ]
    text = page_text()
    assert "for a generator (`RETURN_GENERATOR`) or a closure (`MAKE_CELL`, `COPY_FREE_VARS`)" in text
