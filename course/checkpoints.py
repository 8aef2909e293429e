"""Predict-then-run checkpoints: a lesson's `checkpoints.yml`, read here only.

Each entry, keyed by an id the page names (`::snippet[...]{predict=ID}`):
  question: what the reader is asked before running the snippet
  choices:  what the reader picks from; exactly one must match the output
  line:     (optional) the output line that answers starts with this text;
            without it, the one choice that appears in the output is the answer
  why:      one sentence, shown after the reader's run
  objective: (optional) the number of the lesson objective it practises
The answer is never written down: it is read from the snippet's recorded
output, so the key cannot drift from what the snippet prints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from course import yaml_text
from course.errors import CourseError
from course.snippets import read_text

FILE_NAME = "checkpoints.yml"
FIELDS = {"question": str, "choices": list, "why": str}


@dataclass(frozen=True)
class Checkpoint:
    key: str
    question: str
    choices: tuple[str, ...]
    why: str
    line: str = ""
    objective: int | None = None

    def answer(self, output: str) -> str | None:
        """The one choice the output gives, or None."""
        if self.line:
            rest = [text[len(self.line) :].strip() for text in output.splitlines() if text.startswith(self.line)]
            found = [choice for choice in self.choices if rest and choice == rest[0]]
        else:
            found = [choice for choice in self.choices if re.search(rf"(?<!\w){re.escape(choice)}(?!\w)", output)]
        return found[0] if len(found) == 1 else None


def load(path: Path) -> dict[str, Checkpoint]:
    """Every checkpoint in `path` (none if it does not exist), or a CourseError
    naming the file, the line where it can, and what is wrong."""
    if not path.is_file():
        return {}
    data, lines = yaml_text.parse(read_text(path), path)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise CourseError(f"{path}: expected checkpoints keyed by id, found a {type(data).__name__}")
    checkpoints = {}
    for key, entry in data.items():
        where = f"{path}:{lines.get(str(key), 1)}"
        named = f"{where}: checkpoint '{key}'"
        entry = yaml_text.check_entry(entry, FIELDS, {"line", "objective"}, named)
        objective = yaml_text.objective(entry, named)
        checkpoints[key] = Checkpoint(
            key,
            entry["question"],
            tuple(map(str, entry["choices"])),
            entry["why"],
            str(entry.get("line", "")),
            objective,
        )
    return checkpoints
