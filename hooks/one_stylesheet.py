"""Serve the site's own stylesheets as one file.

Each stylesheet in `extra_css` has one job and stays a small file to edit, but
a reader's browser would fetch each before it can draw the page: eight
render-blocking requests, with their headers, on every page. The built site
gets one file instead, assets/site-styles.css, in the listed order.
"""

from pathlib import Path

COMBINED = "assets/site-styles.css"
parts = []  # the listed stylesheets, kept for on_post_build


def on_config(config):
    # Only our own files: plugins list theirs here too (print-site's css/).
    docs = Path(config.docs_dir)
    ours = [str(name) for name in config.extra_css if (docs / str(name)).is_file()]
    parts[:] = ours
    config.extra_css[:] = [name for name in config.extra_css if str(name) not in ours] + [COMBINED]
    return config


def on_post_build(config):
    docs = Path(config.docs_dir)
    text = "\n".join(f"/* {name} */\n" + (docs / name).read_text(encoding="utf-8") for name in parts)
    (Path(config.site_dir) / COMBINED).write_text(text, encoding="utf-8")
