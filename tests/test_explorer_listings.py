"""The bytecode explorer lists what the lessons' recorded `dis` listings show.

For every snippet whose recorded output holds a `dis` listing, each listing
it recorded on a series is found, instruction for instruction, in what the
explorer lists for that snippet on the same series: the explorer's own code
(docs/assets/explorer/bytecode.py) runs in the Pyodide build the explorer
serves for that series, given the snippet's code, and the code the snippet
compiles from a string. Addresses and file names are left out of the
comparison, and offsets too (3.13 shows them only when asked). The recordings
of 3.11-3.13 come from native CPython of other patch releases: where the two
differ, the README's "Bytecode explorer" section must say so (none do today).
tests/browser/test_explorer.py checks that the page shows what bytecode.py lists.
"""

import ast
import re

import pytest

from course import interpreters, runtime, snippets
from tests.support import explorer

# A `dis` instruction line: indented, then its line number, a jump mark or
# label and its offset (each optional), the name, the argument and what it means.
INSTRUCTION = re.compile(
    r"^\s+(?:\d+\s+)?(?:>>\s+|L\d+:\s+)?(?:\d+\s+)?(?:>>\s+)?([A-Z][A-Z0-9_]+)(?:\s+(-?\d+))?(?:\s+\((.*)\))?\s*$"
)
ADDRESS = re.compile(r"0x[0-9a-f]+")
FILE_NAME = re.compile(r'file "[^"]*"')
LISTED = [
    s
    for s in snippets.discover()
    if any(INSTRUCTION.match(line) for o in s.outputs().values() for line in o.splitlines())
]


def listings(text: str) -> list[list[str]]:
    """Each listing in a text: its instructions, as name, argument and meaning.
    A listing ends at a line that is neither an instruction nor blank."""
    found, current = [], []
    for line in text.splitlines():
        if match := INSTRUCTION.match(line):
            meaning = FILE_NAME.sub("file", ADDRESS.sub("0x", match[3] or ""))
            current.append(" ".join(part for part in (match[1], match[2], meaning) if part))
        elif line.strip() and current:
            found.append(current)
            current = []
    return [*found, current] if current else found


def compiled_strings(source: str) -> list[str]:
    """The code a snippet compiles from a string: `compile("...", ...)`, or a
    module-level name holding one."""
    tree = ast.parse(source)
    strings = {
        target.id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "compile" and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.append(first.value)
            elif isinstance(first, ast.Name) and first.id in strings:
                found.append(strings[first.id])
    return found


@pytest.fixture(scope="module")
def explorer_listings(tmp_path_factory):
    """What the explorer lists for each snippet, by series."""
    folder = tmp_path_factory.mktemp("explorer")
    programs = {}
    for snippet in LISTED:
        source = snippet.path.read_text(encoding="utf-8")
        runs = 10 if "adaptive=True" in source else 0  # the explorer's switch, as a reader would use it
        program = folder / f"{snippet.name}.py"
        program.write_text(explorer.program([source, *compiled_strings(source)], runs), encoding="utf-8")
        programs[snippet] = program
    missing = [
        package for package in runtime.PACKAGES.values() if not (interpreters.ROOT / "node_modules" / package).is_dir()
    ]
    if missing:  # a skip here, for a machine set up to serve only; never in CI
        (pytest.fail if interpreters.IN_CI else pytest.skip)(f"the explorer's runtimes need `npm ci`: {missing}")
    listed = {}
    for series in runtime.PACKAGES:
        runs = interpreters.run_pyodide(list(programs.values()), series)
        listed[series] = {snippet: runs[program] for snippet, program in programs.items()}
    return listed


def test_the_snippets_compared_include_every_kind_of_listing():
    names = {snippet.name for snippet in LISTED}
    assert {"dis_add", "dis_columns", "first_dis", "adaptive", "exception_table"} <= names


@pytest.mark.parametrize("snippet", LISTED, ids=[s.id for s in LISTED])
def test_every_recorded_listing_is_what_the_explorer_lists(snippet, explorer_listings):
    for series, recorded in sorted(snippet.outputs().items()):
        run = explorer_listings[series][snippet]
        # The snippet itself compiles everywhere; a string it compiles may not
        # (`lazy import` before 3.15), and then it recorded no listing of it.
        assert run.ok and not run.output.startswith("PROBLEM: "), f"the explorer failed on {series}:\n{run.output}"
        listed = listings(run.output)
        for listing in listings(recorded):
            assert listing in listed, (
                f"{snippet.id} recorded on {series} a listing the explorer's {series} does not give:\n"
                + "\n".join(listing)
                + f"\n\nthe explorer's listings:\n{run.output}"
            )


def test_a_listing_is_read_instruction_by_instruction():
    shown_offsets = (
        "  7          2       LOAD_FAST_LOAD_FAST      1 (x, limit)\n  9   L1:   16       LOAD_FAST  0 (x)\n"
    )
    hidden_offsets = "  7           LOAD_FAST_LOAD_FAST      1 (x, limit)\n  9   L1:     LOAD_FAST  0 (x)\n"
    assert listings(shown_offsets) == listings(hidden_offsets) == [["LOAD_FAST_LOAD_FAST 1 x, limit", "LOAD_FAST 0 x"]]
    code = '  5    LOAD_CONST  2 (<code object add at 0xdec310, file "<explorer>", line 5>)\nadd: 3\n  1    RESUME 0\n'
    assert listings(code) == [["LOAD_CONST 2 <code object add at 0x, file, line 5>"], ["RESUME 0"]]
    assert listings("RESUME\nLOAD_CONST code show\n") == []  # names printed by a snippet, not by dis
