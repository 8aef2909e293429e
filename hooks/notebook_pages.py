"""Notebook pages (mkdocs-jupyter): out of search and out of the
previous/next footer, offered as .ipynb too, executed over an encrypted kernel
connection. What corrects mkdocs-jupyter's own output (its cache key, its
template's bulk, random cell ids, focus) is theme/hooks/notebook_output.py.

A notebook repeats its lesson's examples, so in search it would only push the
lesson's own sections down: it is left out of the index.

A notebook is reached from its lesson, so the footer's previous/next go from
page to page in the navigation without the notebooks; a notebook's own footer
leads back to its lesson.

jupytext gives every cell a random id each time it reads the percent-format
source: the .ipynb written beside the .py for download numbers them instead.

The notebooks execute in a Jupyter kernel that talks to the build over ZeroMQ
on TCP ports of 127.0.0.1, by default in plain text (signed, not encrypted),
and ipykernel warns about that on every run. The kernel manager is told to
provision CurveZMQ keys instead (the ipykernel kernelspec declares support),
through the Jupyter config file in hooks/jupyter/: encrypted, and no warning.
"""

import os
import posixpath
from pathlib import Path

import jupytext

JUPYTER_CONFIG = Path(__file__).parent / "jupyter"  # jupyter_nbconvert_config.json


def on_config(config):
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
    notebook.metadata = {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"},
    }
    return notebook


def on_page_content(html, page, config, files):
    if is_notebook(page):
        page.meta["search"] = {"exclude": True}  # read by Material's search plugin
    return html


def on_post_page(output, page, config):
    if not is_notebook(page):
        return output
    # Beside the .py that mkdocs-jupyter copies: the same notebook for Jupyter.
    ipynb = Path(page.file.abs_dest_path).parent / (Path(page.file.src_path).stem + ".ipynb")
    jupytext.write(numbered_notebook(page.file.abs_src_path), ipynb, fmt="ipynb")
    return output
