"""The lesson contract: every lesson declares its metadata once, in front matter,
and this hook renders it the same way everywhere.

A lesson is a page whose front matter has a `lesson:` block (see README). This hook
- fails the build, naming the file and the key, when a lesson's metadata is incomplete;
- computes the lesson's time (see "Time" below) unless the lesson overrides it with a reason;
- writes the overview (objectives, time, prerequisites) before the first section,
  and the key takeaways with previous/next lessons before "Further reading";
- replaces the markers <!-- lessons -->, <!-- instructor-guide -->, <!-- schedule -->
  and <!-- export-links --> with text made from that metadata (module page, home
  page, instructors' page);
- gives each chapter page (a nav section's index page that is not a lesson, above
  lessons) the table of its own lessons, and the map of the sections that moved
  from it into them (see "Chapters" below);
- writes syllabus.json, syllabus.csv (a row per lesson) and syllabus-sections.csv
  (a row per section) into the built site.
The rendering works on Markdown text, so it can move to another generator.
"""

import csv
import json
import os
import posixpath
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils.meta import get_data

from course import answer_key, assessment, cartridge, planning, quiz, runtime, yaml_text
from course import exercises as exercises_file
from course.lessons import HEADING

REQUIRED = {
    "objectives": list,
    "prerequisites": list,
    "takeaways": list,
}
MINUTES = ("reading", "exercises")

# --- Time ------------------------------------------------------------------------
# Reading: computed by course/planning.py (words and lines of code shown).
# Exercises: 7 minutes for each `# %% Exercise N` in try-it/answers.py, and 1 for
# each question of the closing quiz (quiz.yml: a choice among a few, with no code
# to write). A lesson may override either figure in front matter,
# `minutes: {exercises: 60, reason: "..."}`, never without a reason.
MINUTES_PER_EXERCISE = 7
MINUTES_PER_QUIZ_QUESTION = 1
WEEKS = 4  # the unit the instructors' page plans: a four-week unit
# A lesson's sections a cartridge does not link one by one: the LMS has the
# lesson's quiz and its link already, and these are a lesson's frame.
NOT_LINKED_FROM_AN_LMS = {"objectives", "try-it", "quiz", "key-takeaways", "further-reading"}
FIRST_SECTION = re.compile(r"^## ", re.MULTILINE)
# The overview goes before this box, where the lesson has one: on a phone the
# first screen shows what the lesson teaches, not how its outputs were made.
BUILDS_BOX = re.compile(r'^(?:!!!|\?\?\?\+?) info "Which Python printed this\?"', re.MULTILINE)
FURTHER_READING = re.compile(r"^## Further reading \{ #further-reading \}", re.MULTILINE)
# An old heading's id kept on the line before the renamed heading: `<a id="old-id"></a>`.
KEPT_ANCHOR = re.compile(r'^<a id="([\w-]+)"></a>\s*$', re.MULTILINE)

lessons = []  # in navigation order, filled by on_nav
modules = {}  # module folder: the title of its index page, filled by on_nav


def check_lesson(src_path, meta):
    """The lesson block of a page's front matter, or a PluginError naming what is wrong."""
    lesson = meta.get("lesson")
    for key in ("title", "description"):
        if not meta.get(key):
            raise PluginError(f"{src_path}: lesson front matter lacks '{key}'")
    for key, kind in REQUIRED.items():
        if not isinstance(lesson.get(key), kind) or not lesson.get(key):
            raise PluginError(f"{src_path}: lesson front matter lacks '{key}' (a non-empty {kind.__name__})")
    override = lesson.get("minutes")
    if override is not None:
        if (
            not isinstance(override, dict)
            or not isinstance(override.get("reason"), str)
            or not override["reason"].strip()
        ):
            raise PluginError(
                f"{src_path}: lesson front matter sets 'minutes' without 'minutes: reason' "
                "(times are computed; say why this lesson differs)"
            )
        if not set(override) - {"reason"}:
            raise PluginError(
                f"{src_path}: lesson front matter 'minutes' gives a reason but no figure ({' or '.join(MINUTES)})"
            )
        for key in set(override) - {"reason"}:
            if key not in MINUTES or not isinstance(override[key], int) or override[key] <= 0:
                raise PluginError(
                    f"{src_path}: lesson front matter 'minutes: {key}' is not one of "
                    f"{', '.join(MINUTES)} in whole minutes"
                )
    return lesson


def lesson_time(markdown, snippets_dir, answers, quiz_file, in_page):
    """The lesson's computed time: {"reading", "exercises"} in minutes, and the
    number of exercises and of quiz questions. The quiz counts as practice."""
    exercises = len(exercises_file.numbers(answers))
    questions = len(quiz.load(quiz_file)) if quiz_file.is_file() else 0
    return {
        "reading": planning.reading_minutes(markdown, snippets_dir, in_page),
        "exercises": exercises * MINUTES_PER_EXERCISE + questions * MINUTES_PER_QUIZ_QUESTION,
        "exercise_count": exercises,
        "quiz_count": questions,
    }


def on_nav(nav, config, files):
    lessons.clear()
    modules.clear()
    snippets_dir = Path(config.config_file_path).parent / "snippets"
    in_page = runtime.describe(snippets_dir.parent)["series"]  # each block shows its output first
    for page in nav.pages:
        markdown, meta = get_data(page.file.content_string)
        if page.file.src_path.count("/") == 1 and page.file.src_path.endswith("/index.md"):
            modules[page.file.src_path.split("/")[0]] = meta.get("title", page.file.src_path)
        if "lesson" not in meta:
            continue
        lesson = check_lesson(page.file.src_path, meta)
        answers = snippets_dir / posixpath.dirname(page.file.src_path) / "try-it" / "answers.py"
        if not answers.is_file():
            raise PluginError(
                f"{page.file.src_path}: no {answers.relative_to(snippets_dir.parent)} to time the exercises"
            )
        quiz_file = Path(page.file.abs_src_path).with_name(quiz.FILE_NAME)
        time = lesson_time(markdown, snippets_dir, answers, quiz_file, in_page)
        override = lesson.get("minutes") or {}
        reading = override.get("reading", time["reading"])
        here = posixpath.dirname(page.file.src_path)
        drills = assessment.lesson_exercises(here, snippets_dir.parent)
        asked = assessment.questions(here, in_page, snippets_dir.parent)
        notebook = files.get_file_from_path(posixpath.join(here, "notebook.py"))
        lessons.append(
            {
                "chapter": _chapter_of(page),
                "chapter_title": page.parent.parent.title if _chapter_of(page) else "",
                "title": meta["title"],
                "description": " ".join(meta["description"].split()),
                "url": page.file.url,
                "notebook_url": notebook.url if notebook else "",
                "src_path": page.file.src_path,
                "module": page.file.src_path.split("/")[0],
                **lesson,
                "minutes": {key: override.get(key, time[key]) for key in MINUTES},
                "minutes_reason": override.get("reason", ""),
                "exercise_count": time["exercise_count"],
                "quiz_count": time["quiz_count"],
                "sections": [
                    {"level": len(hashes), "title": _plain(title), "anchor": anchor}
                    for hashes, title, anchor in HEADING.findall(markdown)
                ],
                "section_minutes": planning.section_minutes(markdown, snippets_dir, in_page, reading),
                "exercises": drills,
                "objective_map": assessment.objective_map(lesson["objectives"], drills, asked),
                "questions": asked,
                "kept_anchors": KEPT_ANCHOR.findall(markdown),
            }
        )
    return nav


def on_page_markdown(markdown, page, config, files):
    yaml_text.check_front_matter(markdown, page.file.abs_src_path)
    lesson = next((item for item in lessons if item["src_path"] == page.file.src_path), None)
    if lesson:
        markdown = _with_overview_and_takeaways(markdown, lesson)
    here = page.file.src_path
    module = here.split("/")[0] if "/" in here else None  # top-level pages list every module
    chapter = [item for item in lessons if item["chapter"] == here]
    if chapter:
        markdown = markdown.replace("<!-- lessons -->", _lesson_table(here, None, chapter)) + _moved_sections(
            here, markdown, chapter
        )
    markdown = markdown.replace("<!-- lessons -->", _lesson_table(here, module))
    markdown = markdown.replace("<!-- schedule -->", _schedule(here))
    markdown = markdown.replace("<!-- export-links -->", _export_links_note())
    markdown = markdown.replace(answer_key.MARKER, _answer_key(here))
    return markdown.replace("<!-- instructor-guide -->", _instructor_guide(here))


def _site_url():
    """Exports link to the deployed site only when SITE_URL names it (the deploy
    workflow sets it); a local build links relative to the site's root instead
    of to a 127.0.0.1 that is gone once the server stops."""
    url = os.environ.get("SITE_URL", "").strip()
    return url.rstrip("/") + "/" if url else ""


def on_post_build(config):
    site_url = _site_url()
    weeks = _weeks()
    syllabus = [
        {
            "order": order,
            "module": item["module"],
            "title": item["title"],
            "description": item["description"],
            "url": site_url + item["url"],
            "notebook_url": site_url + item["notebook_url"] if item["notebook_url"] else "",
            "week": weeks[order - 1],
            "minutes": item["minutes"],
            "exercises": item["exercise_count"],
            "quiz_questions": item["quiz_count"],
            "prerequisites": [_without_links(p) for p in item["prerequisites"]],
            "objectives": [_without_links(o) for o in item["objectives"]],
            "sections": [
                {**section, "url": f"{site_url}{item['url']}#{section['anchor']}"} for section in _all_sections(item)
            ],
            "practice": [{**row, "url": f"{site_url}{item['url']}#{row['anchor']}"} for row in _practice_rows(item)],
            "objective_map": [
                {
                    "objective": _without_links(entry["objective"]),
                    "exercises": [drill.number for drill in entry["exercises"]],
                    "questions": [question.ident for question in entry["questions"]],
                }
                for entry in item["objective_map"]
            ],
        }
        for order, item in enumerate(lessons, start=1)
    ]
    site_dir = Path(config["site_dir"])
    links = "absolute" if site_url else "relative to the site's root (a local build: SITE_URL was not set)"
    with open(site_dir / "syllabus.json", "w", encoding="utf-8") as out:
        json.dump({"links": links, "weeks": WEEKS, "lessons": syllabus}, out, indent=2, ensure_ascii=False)
    # Lists inside a cell are one item a line: spreadsheets show them as such.
    with open(site_dir / "syllabus.csv", "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(
            [
                "order",
                "week",
                "module",
                "title",
                "description",
                "objectives",
                "prerequisites",
                "reading_minutes",
                "exercise_minutes",
                "url",
                "notebook_url",
            ]
        )
        for lesson in syllabus:
            writer.writerow(
                [
                    lesson["order"],
                    lesson["week"],
                    lesson["module"],
                    lesson["title"],
                    lesson["description"],
                    "\n".join(lesson["objectives"]),
                    "\n".join(lesson["prerequisites"]),
                    lesson["minutes"]["reading"],
                    lesson["minutes"]["exercises"],
                    lesson["url"],
                    lesson["notebook_url"],
                ]
            )
    if not answer_key.solutions_hidden():  # a graded copy: the cartridges' quizzes hold their answers
        _write_cartridges(site_dir, config, site_url or config["site_url"])  # an LMS's links must be absolute
    # A row per section (its share of the reading), then per exercise and the
    # quiz (their share of the practice): a lesson's rows sum to its time.
    with open(site_dir / "syllabus-sections.csv", "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["lesson_order", "lesson", "kind", "level", "section", "minutes", "objectives", "url"])
        for lesson in syllabus:
            for section in lesson["sections"]:
                writer.writerow(
                    [
                        lesson["order"],
                        lesson["title"],
                        "section",
                        section["level"],
                        section["title"],
                        section["minutes"],
                        "",
                        section["url"],
                    ]
                )
            for row in lesson["practice"]:
                writer.writerow(
                    [
                        lesson["order"],
                        lesson["title"],
                        row["kind"],
                        "",
                        row["title"],
                        row["minutes"],
                        ", ".join(map(str, row["objectives"])),
                        row["url"],
                    ]
                )


def _practice_rows(lesson):
    """The lesson's exercises and its quiz, each with its share of the practice
    minutes (all of them, when a lesson sets its practice time by hand)."""
    rows = [
        {
            "kind": "exercise",
            "title": f"Exercise {drill.number}: {drill.title}",
            "anchor": drill.anchor,
            "objectives": list(drill.objectives),
            "computed": MINUTES_PER_EXERCISE,
        }
        for drill in lesson["exercises"]
    ]
    if lesson["quiz_count"]:
        rows.append(
            {
                "kind": "quiz",
                "title": f"Quiz ({lesson['quiz_count']} questions)",
                "anchor": "quiz",
                "objectives": [],
                "computed": lesson["quiz_count"] * MINUTES_PER_QUIZ_QUESTION,
            }
        )
    shares = planning.apportion(lesson["minutes"]["exercises"], [row.pop("computed") for row in rows])
    return [{**row, "minutes": minutes} for row, minutes in zip(rows, shares)]


def _weeks():
    """Each lesson's week in a four-week unit (planning.week_plan), in lesson order."""
    plan = planning.week_plan([sum(item["minutes"].values()) for item in lessons], WEEKS)
    return [week for week, indices in enumerate(plan, start=1) for _ in indices]


# --- Rendering -----------------------------------------------------------------

MD_LINK = re.compile(r"\[([^\]]+)\]\(([^)#\s]+\.md)(#[^)\s]*)?\)")


def _plain(title):
    return re.sub(r"[`*]", "", title)


def _without_links(text):
    return MD_LINK.sub(r"\1", text)


def _rebase(text, from_src, to_src):
    """Links in a lesson's metadata are relative to the lesson; point them from `to_src`."""

    def rebased(match):
        target = posixpath.normpath(posixpath.join(posixpath.dirname(from_src), match.group(2)))
        return f"[{match.group(1)}]({_link(to_src, target)}{match.group(3) or ''})"

    return MD_LINK.sub(rebased, text)


def _all_sections(lesson):
    """The lesson's sections, including the two this hook writes, in page order,
    each with its reading minutes (the overview's are the lesson's opening text)."""
    sections = [{"level": 2, "title": "What you'll learn", "anchor": "objectives"}, *lesson["sections"]]
    at = next((i for i, s in enumerate(sections) if s["anchor"] == "further-reading"), len(sections))
    sections.insert(at, {"level": 2, "title": "Key takeaways", "anchor": "key-takeaways"})
    return [{**section, "minutes": lesson["section_minutes"].get(section["anchor"], 0)} for section in sections]


def _link(from_src, to_src):
    """A relative link between two Markdown sources: MkDocs checks it, anchors too."""
    return posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")


def _bullets(items, indent="    "):
    return "\n".join(f"{indent}- {item}" for item in items)


def _minutes(lesson):
    return f"{lesson['minutes']['reading']} min reading, {lesson['minutes']['exercises']} min {_practice(lesson)}"


def _practice(lesson):
    return "exercises and quiz" if lesson["quiz_count"] else "exercises"


def _with_overview_and_takeaways(markdown, lesson):
    overview = (
        "\n\n## What you'll learn { #objectives }\n\n"
        '!!! abstract lesson-box ""\n\n'
        f'    **Time:** {_minutes(lesson)}. <span class="screen-only">The code runs right here, in your browser: '
        "press **Run** on any block, or **Edit** it first.</span>\n\n"
        f"    By the end of this lesson you can:\n\n{_bullets(lesson['objectives'])}\n\n"
        f"    **Before you start:**\n\n{_bullets(lesson['prerequisites'])}\n"
    )
    position = lessons.index(lesson)
    neighbours = []
    if position > 0:
        before = lessons[position - 1]
        neighbours.append(
            f"    **Previous lesson:** [{before['title']}]({_link(lesson['src_path'], before['src_path'])})"
        )
    if position + 1 < len(lessons):
        after = lessons[position + 1]
        if after["chapter"] and after["chapter"] != lesson["chapter"]:
            # The nav, and so Material's footer, passes through the chapter's page first.
            chapter = [item for item in lessons if item["chapter"] == after["chapter"]]
            neighbours.append(
                f"    **Next chapter:** [{after['chapter_title']}]({_link(lesson['src_path'], after['chapter'])}), "
                f"{len(chapter)} short lessons starting with {after['title']}"
            )
        else:
            neighbours.append(
                f"    **Next lesson:** [{after['title']}]({_link(lesson['src_path'], after['src_path'])})"
            )
    takeaways = (
        "## Key takeaways { #key-takeaways }\n\n"
        '!!! success lesson-box ""\n\n'
        f"{_bullets(lesson['takeaways'])}\n\n" + "\n\n".join(neighbours) + "\n\n"
    )
    first = FIRST_SECTION.search(markdown)
    if not first:
        raise PluginError(f"{lesson['src_path']}: a lesson has '## Section {{ #id }}' headings")
    box = BUILDS_BOX.search(markdown, 0, first.start())
    at = (box or first).start()
    markdown = markdown[:at] + overview.lstrip("\n") + "\n" + markdown[at:]
    reading = FURTHER_READING.search(markdown)
    if not reading:
        raise PluginError(f"{lesson['src_path']}: a lesson ends with '## Further reading {{ #further-reading }}'")
    return markdown[: reading.start()] + takeaways + markdown[reading.start() :]


def _lesson_table(here, module, chosen=None):
    rows = [
        f"| [{item['title']}]({_link(here, item['src_path'])}) | {item['description']} | {_minutes(item)} |"
        for item in chosen or lessons
        if module in (None, item["module"])
    ]
    # The class lets runner.js tick the lessons a reader has worked on.
    table = "| Lesson | What it covers | Time |\n|---|---|---|\n" + "\n".join(rows)
    return f'<div class="lesson-table" markdown>\n\n{table}\n\n</div>\n'


# --- Chapters ---------------------------------------------------------------------
# A chapter is a nav section whose index page has no `lesson:` block and whose
# subsections are lessons: a long lesson split into short ones keeps its address
# as the chapter page. A link to one of its old sections (#gil) finds the lesson
# that now has that section through a map on the chapter page, which
# page-fixes.js follows and course/links.py checks.
MOVED_SECTIONS = '<script type="application/json" id="moved-sections">{}</script>'


def _chapter_of(page):
    """The chapter page above a lesson's page, or None when it is in no chapter."""
    section = page.parent.parent if page.parent else None
    index = next((child for child in section.children if child.is_page), None) if section else None
    if index is None or index.file.src_path.count("/") != 2 or not index.file.src_path.endswith("/index.md"):
        return None
    return None if "lesson" in get_data(index.file.content_string)[1] else index.file.src_path


def _moved_sections(here, markdown, chapter):
    """{anchor: the lesson's URL and anchor, relative to the chapter page}, for every
    section of the chapter's lessons that is not on the chapter page itself and
    that only one of them has (every lesson has "try-it", say). A heading's old
    id, kept with `<a id="old-id"></a>` when it was renamed, counts as the section's
    unless a heading of the chapter has that id."""
    owners = {}
    for item in chapter:
        for section in _all_sections(item):
            owners.setdefault(section["anchor"], []).append(item)
    kept = {}
    for item in chapter:
        for anchor in item.get("kept_anchors", []):
            kept.setdefault(anchor, []).append(item)
    for anchor, found in kept.items():
        owners.setdefault(anchor, found)
    own = {anchor for _, _, anchor in HEADING.findall(markdown)}
    here_url = posixpath.dirname(here) + "/"
    moved = {
        anchor: f"{posixpath.relpath(found[0]['url'], here_url)}/#{anchor}"
        for anchor, found in owners.items()
        if len(found) == 1 and anchor not in own
    }
    return "\n\n" + MOVED_SECTIONS.format(json.dumps(moved, sort_keys=True).replace("</", "<\\/")) + "\n"


def _instructor_guide(here):
    parts = []
    for order, item in enumerate(lessons, start=1):
        if item["chapter"] and item is next(i for i in lessons if i["chapter"] == item["chapter"]):
            # A link to the lesson the chapter was (#lesson-how-python-works) lands on its first lesson.
            parts.append(f'<a id="lesson-{posixpath.basename(posixpath.dirname(item["chapter"]))}"></a>\n')
        link = _link(here, item["src_path"])
        sections = "\n".join(
            f"{'    ' * (section['level'] - 2)}- [{section['title']}]({link}#{section['anchor']})"
            for section in _all_sections(item)
        )
        parts.append(
            # Out of search (theme/hooks/search_scope.py): it repeats each lesson's objectives.
            '<div class="lesson-guide" markdown>\n\n'
            f"### {order}. {item['title']} {{ #lesson-{_slug(item)} }}\n\n"
            f"{item['description']}\n\n"
            f"**Time:** {_minutes(item)}.\n\n"
            f"**Prerequisites:**\n\n{_bullets([_rebase(p, item['src_path'], here) for p in item['prerequisites']], '')}\n\n"
            f"**Objectives, and what assesses each:**\n\n{_objective_map(item, link, here)}\n\n"
            f'??? info "Every section of {item["title"]}, to link from a syllabus"\n\n'
            + "\n".join("    " + line for line in sections.splitlines())
            + "\n\n</div>\n"
        )
    return "\n".join(parts)


def _objective_map(lesson, link, here):
    """Each objective, then the exercises and questions that assess it, linked
    where the page has them (the question bank is in the answer key)."""
    bank = f"{_link(here, 'answer-key.md')}#{answer_key.questions_anchor(_slug(lesson))}"
    items = []
    for entry in lesson["objective_map"]:
        assessed = [f"[exercise {drill.number}]({link}#{drill.anchor})" for drill in entry["exercises"]]
        for question in entry["questions"]:
            if question.source == "bank":
                assessed.append(f"[bank question {question.ident.split('-')[1]}]({bank})")
            elif question.source == "quiz":
                assessed.append(f"[quiz question {question.ident.split('-')[1]}]({link}#quiz)")
            else:
                assessed.append(f"[checkpoint {question.ident.removeprefix('checkpoint-')}]({link}#{question.anchor})")
        items.append(f"- {entry['objective']}  \n  *Assessed by:* {', '.join(assessed) or 'nothing yet'}")
    return "\n".join(items)


def _week_plan(here):
    """The lessons as a four-week unit: consecutive lessons, weeks as even as
    whole lessons allow (planning.week_plan)."""
    weeks = _weeks()
    rows = []
    for week in range(1, max(weeks, default=0) + 1):
        chosen = [item for item, at in zip(lessons, weeks) if at == week]
        names = ", ".join(f"[{item['title']}]({_link(here, item['src_path'])})" for item in chosen)
        minutes = sum(sum(item["minutes"].values()) for item in chosen)
        rows.append(f"| {week} | {names} | {minutes} min |")
    return (
        f"**A {WEEKS}-week unit.** The lessons in order, split so that no week is longer than it must be; "
        "each week's time is its lessons' reading and practice.\n\n"
        "| Week | Lessons | Time |\n|--:|---|--:|\n" + "\n".join(rows) + "\n"
    )


def _schedule(here):
    """Per module, each lesson's time and the running total, to plan sessions with."""
    parts = [
        f"Times are computed from each lesson on every build: prose at {planning.WORDS_PER_MINUTE} words "
        f"a minute plus {planning.SECONDS_PER_CODE_LINE} seconds for each line of code or output shown, "
        f"{MINUTES_PER_EXERCISE} minutes for each exercise and {MINUTES_PER_QUIZ_QUESTION} for each question "
        "of its closing quiz. A lesson may set a time by hand, "
        "with its reason, which is shown below.\n"
    ]
    for module, title in modules.items():
        rows, done = [], {"reading": 0, "exercises": 0}
        for order, item in enumerate(lessons, start=1):
            if item["module"] != module:
                continue
            for key in done:
                done[key] += item["minutes"][key]
            reason = f" (set by hand: {item['minutes_reason']})" if item["minutes_reason"] else ""
            with_quiz = f" and {_count(item['quiz_count'], 'quiz question')}" if item["quiz_count"] else ""
            rows.append(
                f"| {order} | [{item['title']}]({_link(here, item['src_path'])}){reason} "
                f"| {item['minutes']['reading']} min | {_count(item['exercise_count'], 'exercise')}{with_quiz}, {item['minutes']['exercises']} min "
                f"| {sum(item['minutes'].values())} min | {sum(done.values())} min |"
            )
        if rows:
            # div.lesson-schedule: on a phone each row takes three lines (tables.css).
            parts.append(
                f"**{title}**\n\n"
                '<div class="lesson-schedule" markdown>\n\n'
                "| # | Lesson | Reading | Exercises | Lesson time | Cumulative |\n"
                "|---|---|--:|---|--:|--:|\n" + "\n".join(rows) + "\n"
                f"| | **Module total** | **{done['reading']} min** | **{done['exercises']} min** "
                f"| **{sum(done.values())} min** | |\n\n"
                "</div>\n"
            )
    parts.append(_week_plan(here))
    return "\n".join(parts)


def _answer_key(here):
    return answer_key.render(
        [
            {
                "title": item["title"],
                "slug": _slug(item),
                "lesson": posixpath.dirname(item["src_path"]),
                "link": _link(here, item["src_path"]),
                "exercises": item["exercises"],
                "questions": item["questions"],
            }
            for item in lessons
        ]
    )


def _write_cartridges(site_dir, config, base):
    """The module as Common Cartridges (course/cartridge.py), linking to `base`."""
    parts = [
        cartridge.LessonPart(
            item["chapter_title"],
            item["title"],
            _slug(item),
            [cartridge.Link(item["title"], base + item["url"])]
            + [
                cartridge.Link(section["title"], f"{base}{item['url']}#{section['anchor']}")
                for section in _all_sections(item)
                if section["level"] == 2 and section["anchor"] not in NOT_LINKED_FROM_AN_LMS
            ],
            item["questions"],
        )
        for item in lessons
    ]
    module = lessons[0]["module"] if lessons else ""
    start = cartridge.Link(f"Start here: {modules.get(module, config['site_name'])}", f"{base}{module}/")
    description = " ".join(config["site_description"].split())
    for version, file_name in cartridge.FILE_NAMES.items():
        (site_dir / file_name).write_bytes(cartridge.package(version, config["site_name"], description, start, parts))


def _slug(item):
    """A lesson's folder name ("names-and-objects"), from its URL."""
    return posixpath.basename(item["url"].rstrip("/"))


def _count(number, thing):
    return f"{number} {thing}" + ("" if number == 1 else "s")


def _export_links_note():
    if _site_url():
        return f"Links in these files are absolute, to {_site_url()}."
    return (
        "This copy of the site was built locally, so the links in these files are relative "
        "to the site's root (`cs-fundamentals/…`), and the cartridges, the citation and the "
        "printout's cover name `http://127.0.0.1:8000/`; on the published site they are absolute. "
        "To share a copy of your own, build it with `SITE_URL` set to its address."
    )
