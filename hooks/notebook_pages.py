"""Notebook pages (mkdocs-jupyter): cache their execution per Python version,
keep them out of search, trim them, and let keyboards focus their code cells.

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
"""

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


def on_config(config):
    jupyter = config.plugins["mkdocs-jupyter"].config
    version = "{}.{}.{}".format(*sys.version_info[:3])
    jupyter["cache_dir"] = f"{jupyter['cache_dir']}/python-{version}"
    return config


def is_notebook(page):
    return bool(getattr(page, "nb_url", None))  # set by mkdocs-jupyter on notebook pages only


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
    # Long lines scroll sideways: keyboard users must be able to focus the cell.
    return output.replace('<div class="highlight-ipynb hl-python"><pre>', '<div class="highlight-ipynb hl-python"><pre tabindex="0">')
