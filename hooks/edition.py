"""Every page says which edition of the course it is (course/edition.py).

- config.extra.edition: the version, the date, the attribution line and the
  source repository's address, for the footer (theme/overrides/partials/
  copyright.html) and the printout's cover (theme/print-cover.tpl).
- The built site's CITATION.cff: the repository's, with this build's address,
  version and date.
The deploy workflow sets SITE_URL and SOURCE_URL; a local build names
127.0.0.1 and no source.
"""

import os
from pathlib import Path

from mkdocs.exceptions import PluginError

from course import edition as course_edition
from course.errors import CourseError


def on_config(config):
    root = Path(config.config_file_path).parent
    try:
        edition = course_edition.current(root)
    except CourseError as error:
        raise PluginError(str(error)) from None
    config.extra["edition"] = {
        "version": edition.version,
        "date": edition.date,
        "released": edition.released,
        "source": os.environ.get("SOURCE_URL", "").strip(),
        "attribution": course_edition.attribution(edition, config.site_url, root),
    }
    return config


def on_post_build(config):
    root = Path(config.config_file_path).parent
    edition = config.extra["edition"]
    text = course_edition.citation(
        course_edition.Edition(edition["version"], edition["date"], edition["released"]),
        config.site_url,
        edition["source"],
        root,
    )
    (Path(config.site_dir) / course_edition.CITATION).write_text(text, encoding="utf-8")
