"""The built site: strict build, pages and features, no code typed into Markdown,
and broken inputs that must fail the build with a clear message."""

import json
import re
import subprocess
import sys

import pytest

from course import interpreters
from course.interpreters import ROOT
from course.lessons import DOCS
from tests.conftest import mkdocs_build

FENCE = re.compile(r"^([ \t]*)```(\w*)[^\n]*\n(.*?)^\1```[ \t]*$", re.MULTILINE | re.DOTALL)
INCLUDE = re.compile(r'^\s*--8<-- "[^"]+"\s*$')


def test_strict_build_reports_no_warning(built_site):
    _, log = built_site
    warnings = re.findall(r"^WARNING\s+-.*$", log, re.MULTILINE)
    assert not warnings, "\n".join(warnings)
    # Printed by plugins outside the log: properdocs prints neither.
    assert "MkDocs may break support" not in log and "NO_MKDOCS_2_WARNING" not in log


def test_two_builds_of_one_commit_are_identical(built_site, tmp_path):
    """Notebook outputs come from the execution cache (keyed on the notebook and
    the Python version), so only the build itself could differ: ids, dates."""
    site, _ = built_site
    build = mkdocs_build(ROOT, tmp_path / "again")
    assert build.returncode == 0, build.stderr[-3000:]
    first = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    second = {p.relative_to(tmp_path / "again"): p.read_bytes() for p in (tmp_path / "again").rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert not [str(path) for path in first if first[path] != second[path]], "files differ between two builds"


NOTEBOOK = "# %% [markdown]\n# A notebook\n\n# %%\nprint(6 * 7)\n"
EXECUTE = """import sys
from mkdocs_jupyter.nbconvert2 import nb2html
print(nb2html(sys.argv[1], execute=True, kernel_name="python3", allow_errors=False))
"""


def test_notebooks_execute_over_an_encrypted_kernel_connection(tmp_path):
    """hooks/notebook_pages.py points nbconvert at hooks/jupyter/: the kernel gets
    CurveZMQ keys, so ipykernel has no "running over TCP without encryption" to warn about."""
    notebook = tmp_path / "notebook.py"
    notebook.write_text(NOTEBOOK, encoding="utf-8")
    env = {**interpreters.CLEAN_ENV, "JUPYTER_CONFIG_PATH": str(ROOT / "hooks/jupyter")}
    run = subprocess.run(
        [sys.executable, "-c", EXECUTE, notebook], capture_output=True, text=True, env=env, timeout=120
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert "42" in run.stdout
    assert "without encryption" not in run.stderr, run.stderr


@pytest.mark.parametrize("page", sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")))
def test_code_blocks_are_included_from_snippets(page):
    """Every code block on a page is an include of a tested file, never typed in."""
    for _, language, body in FENCE.findall((DOCS / page).read_text(encoding="utf-8")):
        lines = [line for line in body.splitlines() if line.strip()]
        assert lines and all(INCLUDE.match(line) for line in lines), (
            f"{page} has a ```{language} block typed into the Markdown; put the code under snippets/"
        )


def test_site_has_home_module_lesson_notebook_and_404(built_site):
    site, _ = built_site
    for page in [
        "index.html",
        "cs-fundamentals/index.html",
        "404.html",
        "cs-fundamentals/how-python-works/index.html",
        "cs-fundamentals/source-to-bytecode/index.html",
        "cs-fundamentals/source-to-bytecode/notebook/index.html",
    ]:
        assert (site / page).is_file(), f"{page} was not built"
    assert "Page not found" in (site / "404.html").read_text(encoding="utf-8")
    notebook = site / "cs-fundamentals/source-to-bytecode/notebook"
    assert (notebook / "notebook.py").is_file(), "notebook source not copied for download"
    assert (notebook / "notebook.ipynb").is_file(), "no .ipynb written for download"
    assert 'href="notebook.py"' in (notebook / "index.html").read_text(encoding="utf-8"), "no download link"


def test_pages_load_nothing_from_other_origins(built_site):
    """Scripts, styles, fonts and images all come from the site itself."""
    site, _ = built_site
    loads = re.compile(
        r'<(?:script|img|iframe|source)[^>]*\ssrc="(https?:)?//|<link[^>]*rel="(?:stylesheet|preload|preconnect|icon)"[^>]*href="(https?:)?//'
    )
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not loads.search(html), f"{page.relative_to(site)} loads from another origin"
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_section_links_are_named_without_a_title(built_site):
    """Material sets up a tooltip, at a cost on every load, for each element with
    a title (theme/hooks/section_links.py): the ¶ after each heading is named by aria-label."""
    site, _ = built_site
    links = [
        link
        for page in site.rglob("*.html")
        for link in re.findall(r'<a class="headerlink"[^>]*>', page.read_text(encoding="utf-8"))
    ]
    assert len(links) > 100, "section links were not found: has their markup changed?"
    for link in links:
        assert 'aria-label="Link to this section"' in link and "title=" not in link, link


def test_notebook_page_is_trimmed(built_site):
    """No inlined JupyterLab stylesheet or CDN loaders: the page stays light."""
    site, _ = built_site
    html = (site / "cs-fundamentals/source-to-bytecode/notebook/index.html").read_text(encoding="utf-8")
    assert "jp-Cell" in html, "the notebook cells are missing"
    assert "--jp-shadow-base-lightness" not in html and "cdnjs" not in html and '<script src="">' not in html
    # The notebook itself, not the page: the nav around it grows with the course
    # (48 KB of 76 KB today; a 20-lesson course's nav alone passed 100 KB).
    article = re.search(r"<article.*?</article>", html, re.DOTALL).group(0).encode()
    assert len(article) < 70_000, f"the notebook's content is {len(article) // 1024} KB"


def test_notebook_cache_is_kept_per_python_version(built_site):
    """Outputs executed by one interpreter are never served after switching to another."""
    version = "{}.{}.{}".format(*sys.version_info[:3])
    cached = ROOT / ".cache" / "mkdocs-jupyter" / f"python-{version}"
    assert cached.is_dir() and any(cached.glob("*.json")), f"no notebook cache in {cached}"


def test_notebook_is_left_out_of_search(built_site):
    site, _ = built_site
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "cs-fundamentals/source-to-bytecode/" in locations
    assert not any("notebook" in location for location in locations)


LESSON = "docs/cs-fundamentals/source-to-bytecode/index.md"
BROKEN_INPUTS = {
    "missing snippet file": (
        LESSON,
        "::snippet[cs-fundamentals/source-to-bytecode/tokens.py]",
        "::snippet[cs-fundamentals/source-to-bytecode/no_such_file.py]",
        "no_such_file.py",
    ),
    "missing section marker": (
        LESSON,
        "::snippet[cs-fundamentals/source-to-bytecode/compile_exec.py]",
        "::snippet[cs-fundamentals/source-to-bytecode/compile_exec.py:no_such_section]",
        "no_such_section",
    ),
    "missing recorded output": (
        "snippets/cs-fundamentals/source-to-bytecode/output/tokens/3.15.txt",
        "",
        None,
        "python -m course record",
    ),
    "bad checkpoint YAML": (
        "docs/cs-fundamentals/source-to-bytecode/checkpoints.yml",
        "dis-add-op:",
        "dis-add-op: [",
        "checkpoints.yml:",
    ),
    "broken internal anchor": (
        "docs/cs-fundamentals/memory-management/index.md",
        "[immortal](#reference-counting)",
        "[immortal](#no-such-heading)",
        "no-such-heading",
    ),
    "failing notebook cell": (
        "snippets/cs-fundamentals/source-to-bytecode/try-it/examples.py",
        'print("Running on Python"',
        'raise RuntimeError("cell failed on purpose")\nprint("Running on Python"',
        "cell failed on purpose",
    ),
}


@pytest.mark.parametrize("case", BROKEN_INPUTS)
def test_broken_input_fails_the_build_naming_it(project_copy, case, tmp_path):
    file, old, new, named = BROKEN_INPUTS[case]
    project = project_copy
    target = project / file
    text = target.read_text(encoding="utf-8")
    assert old in text, f"the test's anchor text vanished from {file}; update BROKEN_INPUTS"
    if new is None:
        target.unlink()
    else:
        target.write_text(text.replace(old, new, 1), encoding="utf-8")
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode != 0, f"{case}: the build passed"
    assert named in build.stdout + build.stderr, f"{case}: the error does not name {named!r}"
