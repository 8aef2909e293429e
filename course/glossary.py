"""The glossary: its entries, read here only, and their tooltips.

A glossary page (`docs/<module>/glossary.md`) has one entry per term:

    ## Term { #id }

    First sentence, which is also the tooltip. More sentences.

and, in its front matter, which words show an entry's tooltip on every page:

    tooltips:
      id: [word, other form]

So a definition is written once, and a tooltip exists only for words someone
chose: a word like "cell" is never marked everywhere by accident. An unknown
id or an entry without a definition fails the build, naming the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from course.errors import CourseError
from course.snippets import read_text

ENTRY = re.compile(r"^## (?P<term>.+?) \{ #(?P<id>[\w-]+) \}\n\n(?P<text>.+?)(?=\n\n|\Z)", re.MULTILINE | re.DOTALL)
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


@dataclass(frozen=True)
class Entry:
    id: str
    term: str
    definition: str  # the first paragraph, on one line


def first_sentence(text: str) -> str:
    """The definition's first sentence, as plain text (a tooltip shows no code)."""
    plain = " ".join(text.split()).replace("`", "")
    found = re.match(r"(.+?\.)(?:\s|$)", plain)
    return found[1] if found else plain


def entries(glossary: Path) -> dict[str, Entry]:
    text = read_text(glossary)
    return {m["id"]: Entry(m["id"], m["term"], " ".join(m["text"].split())) for m in ENTRY.finditer(text)}


def tooltips(glossary: Path) -> dict[str, str]:
    """Each word with a tooltip, and its text: the first sentence of its entry."""
    front = FRONT_MATTER.match(read_text(glossary))
    chosen = (yaml.safe_load(front[1]) or {}).get("tooltips", {}) if front else {}
    found = entries(glossary)
    words = {}
    for entry_id, forms in chosen.items():
        if entry_id not in found:
            raise CourseError(f"{glossary}: 'tooltips' names '{entry_id}', which is no entry's id")
        for word in forms:
            words[str(word)] = first_sentence(found[entry_id].definition)
    return words


def abbreviations(glossary: Path) -> list[str]:
    """The tooltips as Python-Markdown abbreviation definitions."""
    return [f"*[{word}]: {text}" for word, text in sorted(tooltips(glossary).items(), key=lambda item: item[0].lower())]
