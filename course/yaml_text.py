"""YAML the course reads itself (a lesson's checkpoints.yml), and a page's
front matter when MkDocs could not read it: errors name the file and line."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from course.errors import CourseError

# What MkDocs takes for front matter (mkdocs.utils.meta): it leaves one it
# cannot parse in the page, where it would show as text.
FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def check_entry(entry: object, fields: dict[str, type], optional: set[str], named: str) -> dict:
    """`entry` as a mapping with every field of `fields`, each a non-empty value
    of its type, and no field besides those and `optional`; or a CourseError
    that starts with `named` (the file, and which entry) and says what is wrong."""
    if not isinstance(entry, dict):
        raise CourseError(f"{named} must be a mapping of {', '.join(fields)}")
    for field, kind in fields.items():
        if not isinstance(entry.get(field), kind) or not entry[field]:
            raise CourseError(f"{named} lacks '{field}' (a non-empty {kind.__name__})")
    unknown = set(entry) - set(fields) - optional
    if unknown:
        raise CourseError(f"{named} has unknown field(s) {sorted(unknown)}")
    return entry


def objective(entry: dict, named: str) -> int | None:
    """The entry's optional `objective:`, the number of a lesson objective
    (1 for the first), or a CourseError that starts with `named`."""
    number = entry.get("objective")
    if number is not None and (type(number) is not int or number < 1):
        raise CourseError(f"{named} has objective {number!r}; write the objective's number, 1 for the first")
    return number


def parse(text: str, source: Path | str, first_line: int = 1) -> tuple[object, dict[str, int]]:
    """The data in `text` (from `source`, its first line numbered `first_line`)
    and the line of each top-level key, or a CourseError naming source:line."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{source}:{mark.line + first_line}" if mark else str(source)
        raise CourseError(f"{where}: not valid YAML ({getattr(error, 'problem', None) or error})") from None
    finally:
        loader.dispose()
    lines = {}
    if isinstance(node, yaml.MappingNode):
        lines = {str(key.value): key.start_mark.line + first_line for key, _ in node.value}
    return data, lines


def check_front_matter(markdown: str, source: Path | str) -> None:
    """A page whose front matter MkDocs could not read still starts with it:
    say why, where, instead of building a page that shows it as text."""
    found = FRONT_MATTER.match(markdown)
    if not found:
        return
    data, _ = parse(found.group(1), source, first_line=2)
    if not isinstance(data, dict):
        raise CourseError(f"{source}:2: front matter must be keys and values (title: ...), not a {type(data).__name__}")
