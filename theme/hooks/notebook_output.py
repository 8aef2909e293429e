"""Notebook pages as mkdocs-jupyter renders them, corrected: its execution
cache kept per Python version, its template trimmed, its cell ids stable and
its scrolling code reachable from the keyboard. (What the site adds to
notebooks of its own accord, footer and downloads, is hooks/notebook_pages.py.)

mkdocs-jupyter keys its execution cache on the notebook's bytes only, so
outputs made by one Python version could be served after switching to another.
The notebooks run on the same interpreter as MkDocs, so its version goes into
the cache folder: a new interpreter starts with an empty cache.

mkdocs-jupyter's template inlines all of JupyterLab's CSS (about 570 KB), a
script that would fetch Mermaid from a CDN, an empty <script src=""> that
requests the page again, and MathJax settings. The notebooks here need none of
that: the few Jupyter classes they use are styled by docs/assets/notebook.css,
which theme/overrides/main.html links from notebook pages only. If a new
mkdocs-jupyter renders differently, the build fails here instead of quietly
shipping the bloat again.

jupytext gives every cell a random id each time it reads the percent-format
source, so two builds of one commit differed: the page's ids are numbered, as
they are in the .ipynb download (hooks/notebook_pages.py).
"""

import itertools
import re
import sys

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

FOCUSABLE_OUTPUT = re.compile(
    r'(<div class="jp-RenderedText jp-OutputArea-output" data-mime-type="text/plain") tabindex="0">(\s*)<pre>'
)
CELL_ID = re.compile(r'id="cell-id=[\w-]+"')


def on_config(config):
    jupyter = config.plugins["mkdocs-jupyter"].config
    version = "{}.{}.{}".format(*sys.version_info[:3])
    jupyter["cache_dir"] = f"{jupyter['cache_dir']}/python-{version}"
    return config


def on_post_page(output, page, config):
    if not getattr(page, "nb_url", None):  # set by mkdocs-jupyter on notebook pages only
        return output
    for name, pattern in PATTERNS.items():
        output, found = pattern.subn("", output, count=1)
        if not found:
            raise PluginError(f"{page.file.src_path}: no {name} to trim; mkdocs-jupyter's output changed")
    numbers = itertools.count(1)
    output = CELL_ID.sub(lambda _: f'id="cell-id=cell-{next(numbers)}"', output)
    # Long lines scroll sideways: keyboard users must be able to focus what
    # scrolls, the <pre> (mkdocs-jupyter makes an output's wrapper focusable).
    output = output.replace(
        '<div class="highlight-ipynb hl-python"><pre>', '<div class="highlight-ipynb hl-python"><pre tabindex="0">'
    )
    return FOCUSABLE_OUTPUT.sub(r'\1>\2<pre tabindex="0">', output)
