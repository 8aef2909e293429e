"""Trim what mkdocs-jupyter inlines into every notebook page.

Its template inlines all of JupyterLab's CSS (about 570 KB), a script that
would fetch Mermaid from a CDN, an empty <script src=""> that requests the page
again, and MathJax settings. The notebooks here need none of that: the few
Jupyter classes they use are styled by docs/assets/notebook.css. If a new
mkdocs-jupyter renders differently, the build fails here instead of quietly
shipping the bloat again.
"""

import re

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


def on_post_page(output, page, config):
    if not getattr(page, "nb_url", None):  # set by mkdocs-jupyter on notebook pages only
        return output
    for name, pattern in PATTERNS.items():
        output, found = pattern.subn("", output, count=1)
        if not found:
            raise PluginError(f"{page.file.src_path}: no {name} to trim; mkdocs-jupyter's output changed")
    return output
