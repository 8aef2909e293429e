"""What an instructor plans with: how long a lesson and each of its sections
take to read, and a week plan for a unit.

Reading: prose at 200 words a minute (adults read non-fiction silently at about
238 words a minute: Brysbaert 2019, "How many words do we read per minute?",
Journal of Memory and Language 109; technical prose is slower), plus 5 seconds
for each line of code or output shown. A section's minutes share out the
lesson's by each section's own reading time, so they always sum to it.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

from course import builds, quiz, snippets
from course import markdown as course_markdown
from course.lessons import HEADING

WORDS_PER_MINUTE = 200
SECONDS_PER_CODE_LINE = 5
INCLUDE = re.compile(r'^[ \t]*--8<-- "([^"]+)"[ \t]*$', re.MULTILINE)
FENCE = re.compile(r"^[ \t]*```.*?^[ \t]*```", re.MULTILINE | re.DOTALL)
MARKUP = re.compile(r"<[^>]+>|\{[^}\n]*\}|\]\([^)]*\)|<!--.*?-->", re.DOTALL)
WORD = re.compile(r"\w+(?:['’.-]\w+)*")
# The text above a lesson's first section is read under its overview, "What you'll learn".
OPENING = "objectives"


def reading_seconds(markdown: str, snippets_dir: Path, in_page: str) -> float:
    """How long `markdown` takes to read. Each ::snippet directive counts the
    code it shows and the output it shows first (the `in_page` build's, where it
    printed); a quiz is practice, not reading."""
    prose, code_lines = [], 0
    for line in FENCE.sub("", markdown).splitlines():
        if quiz.DIRECTIVE.match(line.strip()):
            continue
        directive = course_markdown.parse(line.strip())
        if not directive:
            prose.append(line)
            continue
        snippet = snippets.find(directive.name, snippets_dir)
        outputs = snippet.outputs()
        shown = snippet.shown(directive.section) + outputs[builds.shown_first(list(outputs), in_page)]
        code_lines += sum(1 for shown_line in shown.splitlines() if shown_line.strip())
    words = len(WORD.findall(MARKUP.sub(" ", INCLUDE.sub("", "\n".join(prose)))))
    return words / WORDS_PER_MINUTE * 60 + code_lines * SECONDS_PER_CODE_LINE


def reading_minutes(markdown: str, snippets_dir: Path, in_page: str) -> int:
    return max(1, math.ceil(reading_seconds(markdown, snippets_dir, in_page) / 60))


def section_minutes(markdown: str, snippets_dir: Path, in_page: str, total: int) -> dict[str, int]:
    """Each section's reading minutes by its anchor, `total` shared out by each
    section's own reading time (a `###` section's apart from its `##`'s). The
    text above the first section counts for the overview, #objectives."""
    starts = [(match.start(), match[3]) for match in HEADING.finditer(markdown)]
    bounds = [(0, OPENING), *starts]
    ends = [start for start, _ in starts] + [len(markdown)]
    seconds = {}
    for (start, anchor), end in zip(bounds, ends):
        seconds[anchor] = reading_seconds(markdown[start:end], snippets_dir, in_page)
    return dict(zip(seconds, apportion(total, list(seconds.values()))))


def apportion(total: int, weights: list[float]) -> list[int]:
    """`total` as whole parts in proportion to `weights`, summing to `total`
    (largest remainder: each part rounded down, then the largest remainders up)."""
    whole = sum(weights)
    if not whole:
        return [total] + [0] * (len(weights) - 1) if weights else []
    exact = [total * weight / whole for weight in weights]
    parts = [math.floor(share) for share in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: parts[i] - exact[i])
    for i in by_remainder[: total - sum(parts)]:
        parts[i] += 1
    return parts


def week_plan(minutes: list[int], weeks: int) -> list[list[int]]:
    """The lessons (by index, in order) split into `weeks` runs of consecutive
    lessons whose longest week is as short as it can be: a lesson is taken whole,
    in the order the lessons build on each other."""
    weeks = min(weeks, len(minutes))
    # best[k][i]: the shortest longest week for the first i lessons in k weeks.
    best = [[math.inf] * (len(minutes) + 1) for _ in range(weeks + 1)]
    cut = [[0] * (len(minutes) + 1) for _ in range(weeks + 1)]
    best[0][0] = 0
    for k in range(1, weeks + 1):
        for i in range(k, len(minutes) + 1):
            for j in range(k - 1, i):
                load = max(best[k - 1][j], sum(minutes[j:i]))
                if load < best[k][i]:
                    best[k][i], cut[k][i] = load, j
    plan, end = [], len(minutes)
    for k in range(weeks, 0, -1):
        plan.append(list(range(cut[k][end], end)))
        end = cut[k][end]
    return plan[::-1]
