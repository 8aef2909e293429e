"""Notebook pages (mkdocs-jupyter): cache their execution per Python version,
keep them out of search and out of the previous/next footer, trim them, give
them stable cell ids, offer them as .ipynb too, and let keyboards focus their
code cells.

mkdocs-jupyter keys its execution cache on the notebook's bytes only, so
outputs made by one Python version could be served after switching to another.
The notebooks run on the same interpreter as MkDocs, so its version goes into
the cache folder: a new interpreter starts with an empty cache.

A notebook repeats its lesson's examples, so in search it would only push the
lesson's own sections down: it is left out of the index.

mkdocs-jupyter's template inlines all of JupyterLab's CSS (about 570 KB), a
script that would fetch Mermaid from a CDN, an empty <script src=""> that
requests the page again, and MathJax settings. The notebooks here need none of that: the few
Jupyter classes they use are styled by docs/assets/notebook.css, which
overrides/main.html links from notebook pages only. If a new
mkdocs-jupyter renders differently, the build fails here instead of quietly
shipping the bloat again.

A notebook is reached from its lesson, so the footer's previous/next go from
page to page in the navigation without the notebooks; a notebook's own footer
leads back to its lesson.

jupytext gives every cell a random id each time it reads the percent-format
source, so two builds of one commit differed: the ids are numbered instead,
in the page and in the .ipynb written beside the .py for download.

The notebooks execute in a Jupyter kernel that talks to the build over ZeroMQ
on TCP ports of 127.0.0.1, by default in plain text (signed, not encrypted),
and ipykernel warns about that on every run. The kernel manager is told to
provision CurveZMQ keys instead (the ipykernel kernelspec declares support),
through the Jupyter config file in hooks/jupyter/: encrypted, and no warning.
"""

import itertools
import os
import posixpath
import re
import sys
from pathlib import Path

import jupytext
from mkdocs.exceptions import PluginError

UNWANTED = {
    "JupyterLab stylesheet": r'<style type="text/css">\s*@charset "UTF-8";\.jupyter-wrapper\{.*?</style>',
    "JupyterLab theme variables": r'<style type="text/css">\s*\.jupyter-wrapper\{--jp-shadow-base-lightness.*?</style>',
    "empty script tag": r'<script src="">\s*</script>',
    "MathJax settings": r'<script type="text/x-mathjax-config">.*?</script>',
    "Mermaid loader": r'<script type="module">\s*document\.addEventListener\("DOMContentLoaded", async \(\) => \{\s*const diagrams = document\.querySelectorAll\("\.jp-Mermaid.*?</script>',
    "Mermaid styles": r"<style>\s*\.jp-Mermaid:not\(\.jp-RenderedMermaid\).*?</style>",
}
PATTERNS = {name: re.compile(pattern, re.DOTALL) for name, pattern in UNWANTED.items()}


FOCUSABLE_OUTPUT = re.compile(r'(<div class="jp-RenderedText jp-OutputArea-output" data-mime-type="text/plain") tabindex="0">(\s*)<pre>')
CELL_ID = re.compile(r'id="cell-id=[\w-]+"')
JUPYTER_CONFIG = Path(__file__).parent / "jupyter"  # jupyter_nbconvert_config.json


def on_config(config):
    jupyter = config.plugins["mkdocs-jupyter"].config
    version = "{}.{}.{}".format(*sys.version_info[:3])
    jupyter["cache_dir"] = f"{jupyter['cache_dir']}/python-{version}"
    # Read by nbconvert each time mkdocs-jupyter converts a notebook; first wins.
    paths = os.environ.get("JUPYTER_CONFIG_PATH", "").split(os.pathsep)
    if str(JUPYTER_CONFIG) not in paths:
        os.environ["JUPYTER_CONFIG_PATH"] = os.pathsep.join(filter(None, [str(JUPYTER_CONFIG), *paths]))
    return config


def is_notebook(page):
    return bool(getattr(page, "nb_url", None))  # set by mkdocs-jupyter on notebook pages only


def on_nav(nav, config, files):
    jupyter = config.plugins["mkdocs-jupyter"]
    reading = [page for page in nav.pages if not jupyter.should_include(page.file)]
    for before, page, after in zip([None, *reading], reading, [*reading[1:], None]):
        page.previous_page, page.next_page = before, after
    lesson_in = {posixpath.dirname(page.file.src_path): page for page in reading}
    for page in nav.pages:
        if page not in reading:
            page.previous_page = lesson_in.get(posixpath.dirname(page.file.src_path))
            page.next_page = page.previous_page.next_page if page.previous_page else None
    return nav


def numbered_notebook(source):
    """The percent-format source as a notebook with numbered cell ids."""
    notebook = jupytext.read(source)
    for number, cell in enumerate(notebook.cells, start=1):
        cell.id = f"cell-{number}"
    # Jupyter opens it with Python straight away, without asking for a kernel.
    notebook.metadata = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
                         "language_info": {"name": "python"}}
    return notebook


def on_page_content(html, page, config, files):
    if is_notebook(page):
        page.meta["search"] = {"exclude": True}  # read by Material's search plugin
    return html


def on_post_page(output, page, config):
    if not is_notebook(page):
        return output
    for name, pattern in PATTERNS.items():
        output, found = pattern.subn("", output, count=1)
        if not found:
            raise PluginError(f"{page.file.src_path}: no {name} to trim; mkdocs-jupyter's output changed")
    numbers = itertools.count(1)
    output = CELL_ID.sub(lambda _: f'id="cell-id=cell-{next(numbers)}"', output)
    # Beside the .py that mkdocs-jupyter copies: the same notebook for Jupyter.
    ipynb = Path(page.file.abs_dest_path).parent / (Path(page.file.src_path).stem + ".ipynb")
    jupytext.write(numbered_notebook(page.file.abs_src_path), ipynb, fmt="ipynb")
    # Long lines scroll sideways: keyboard users must be able to focus what
    # scrolls, the <pre> (mkdocs-jupyter makes an output's wrapper focusable).
    output = output.replace('<div class="highlight-ipynb hl-python"><pre>', '<div class="highlight-ipynb hl-python"><pre tabindex="0">')
    return FOCUSABLE_OUTPUT.sub(r'\1>\2<pre tabindex="0">', output)
