"""What a reader's browser keeps of the site for offline reading once Python
has run in it (docs/sw.js keeps the runtime itself, in its own cache): every
page, the search index, and the files the pages and the runner load. Left out:
the runtime (kept apart, per release), downloads a page links but never loads
(notebooks as .ipynb, syllabus files, cartridges, the citation), and search languages the site does not
use."""

from __future__ import annotations

from pathlib import Path

LEFT_OUT_FOLDERS = ("assets/runtime/", "assets/javascripts/lunr/")
LEFT_OUT_SUFFIXES = (".ipynb", ".csv", ".map", ".xml", ".gz", ".imscc", ".cff")
LEFT_OUT_FILES = {"sw.js", "offline.json", "syllabus.json"}


def kept_files(site: Path) -> list[str]:
    """Paths relative to the site, as a browser asks for them: a page by its
    folder ("cs-fundamentals/"), any other file by its name."""
    kept = []
    for path in sorted(site.rglob("*")):
        name = path.relative_to(site).as_posix()
        if (
            not path.is_file()
            or name.startswith(LEFT_OUT_FOLDERS)
            or name.endswith(LEFT_OUT_SUFFIXES)
            or name in LEFT_OUT_FILES
        ):
            continue
        kept.append(name.removesuffix("index.html") if name.endswith("/index.html") or name == "index.html" else name)
    return kept
