"""The lesson contract: every lesson declares its metadata once, in front matter,
and this hook renders it the same way everywhere.

A lesson is a page whose front matter has a `lesson:` block (see README). This hook
- fails the build, naming the file and the key, when a lesson's metadata is incomplete;
- writes the overview (objectives, time, prerequisites) before the first section,
  and the key takeaways with previous/next lessons before "Further reading";
- replaces the markers <!-- lessons --> and <!-- instructor-guide --> with lists
  made from that metadata (module page, home page, instructors' page);
- writes syllabus.json and syllabus.csv into the built site.
The rendering works on Markdown text, so it can move to another generator.
"""

import csv
import json
import posixpath
import re

from mkdocs.exceptions import PluginError
from mkdocs.utils.meta import get_data

REQUIRED = {
    "objectives": list,
    "prerequisites": list,
    "minutes": dict,
    "takeaways": list,
}
MINUTES = ("reading", "exercises")
HEADING = re.compile(r"^(#{2,3}) (.+?) \{ #([\w-]+) \}\s*$", re.MULTILINE)
FIRST_SECTION = re.compile(r"^## ", re.MULTILINE)
FURTHER_READING = re.compile(r"^## Further reading \{ #further-reading \}", re.MULTILINE)

lessons = []  # in navigation order, filled by on_nav


def check_lesson(src_path, meta):
    """The lesson block of a page's front matter, or a PluginError naming what is wrong."""
    lesson = meta.get("lesson")
    for key in ("title", "description"):
        if not meta.get(key):
            raise PluginError(f"{src_path}: lesson front matter lacks '{key}'")
    for key, kind in REQUIRED.items():
        if not isinstance(lesson.get(key), kind) or not lesson.get(key):
            raise PluginError(f"{src_path}: lesson front matter lacks '{key}' (a non-empty {kind.__name__})")
    for key in MINUTES:
        if not isinstance(lesson["minutes"].get(key), int):
            raise PluginError(f"{src_path}: lesson front matter lacks 'minutes: {key}' (whole minutes)")
    return lesson


def on_nav(nav, config, files):
    lessons.clear()
    for page in nav.pages:
        markdown, meta = get_data(page.file.content_string)
        if "lesson" not in meta:
            continue
        lessons.append({
            "title": meta["title"],
            "description": " ".join(meta["description"].split()),
            "url": page.file.url,
            "src_path": page.file.src_path,
            "module": page.file.src_path.split("/")[0],
            **check_lesson(page.file.src_path, meta),
            "sections": [
                {"level": len(hashes), "title": _plain(title), "anchor": anchor}
                for hashes, title, anchor in HEADING.findall(markdown)
            ],
        })
    return nav


def on_page_markdown(markdown, page, config, files):
    lesson = next((item for item in lessons if item["src_path"] == page.file.src_path), None)
    if lesson:
        markdown = _with_overview_and_takeaways(markdown, lesson)
    here = page.file.src_path
    module = here.split("/")[0] if "/" in here else None  # top-level pages list every module
    markdown = markdown.replace("<!-- lessons -->", _lesson_table(here, module))
    return markdown.replace("<!-- instructor-guide -->", _instructor_guide(here))


def on_post_build(config):
    site_url = config.get("site_url") or ""
    syllabus = [
        {
            "order": order,
            "module": item["module"],
            "title": item["title"],
            "description": item["description"],
            "url": site_url + item["url"],
            "minutes": item["minutes"],
            "prerequisites": [_without_links(p) for p in item["prerequisites"]],
            "objectives": [_without_links(o) for o in item["objectives"]],
            "sections": [
                {**section, "url": f"{site_url}{item['url']}#{section['anchor']}"} for section in _all_sections(item)
            ],
        }
        for order, item in enumerate(lessons, start=1)
    ]
    site_dir = config["site_dir"]
    with open(posixpath.join(site_dir, "syllabus.json"), "w", encoding="utf-8") as out:
        json.dump({"lessons": syllabus}, out, indent=2, ensure_ascii=False)
    with open(posixpath.join(site_dir, "syllabus.csv"), "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["lesson_order", "lesson", "reading_minutes", "exercise_minutes", "section", "url"])
        for lesson in syllabus:
            for section in lesson["sections"]:
                writer.writerow([lesson["order"], lesson["title"], lesson["minutes"]["reading"],
                                 lesson["minutes"]["exercises"], section["title"], section["url"]])


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
    """The lesson's sections, including the two this hook writes, in page order."""
    sections = [{"level": 2, "title": "What you'll learn", "anchor": "objectives"}, *lesson["sections"]]
    at = next((i for i, s in enumerate(sections) if s["anchor"] == "further-reading"), len(sections))
    sections.insert(at, {"level": 2, "title": "Key takeaways", "anchor": "key-takeaways"})
    return sections


def _link(from_src, to_src):
    """A relative link between two Markdown sources: MkDocs checks it, anchors too."""
    return posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")


def _bullets(items, indent="    "):
    return "\n".join(f"{indent}- {item}" for item in items)


def _minutes(lesson):
    return f"{lesson['minutes']['reading']} min reading, {lesson['minutes']['exercises']} min exercises"


def _with_overview_and_takeaways(markdown, lesson):
    overview = (
        "\n\n## What you'll learn { #objectives }\n\n"
        '!!! abstract ""\n\n'
        f"    By the end of this lesson you can:\n\n{_bullets(lesson['objectives'])}\n\n"
        f"    **Time:** {_minutes(lesson)}.\n\n"
        f"    **Before you start:**\n\n{_bullets(lesson['prerequisites'])}\n"
    )
    position = lessons.index(lesson)
    neighbours = []
    if position > 0:
        before = lessons[position - 1]
        neighbours.append(f"    **Previous lesson:** [{before['title']}]({_link(lesson['src_path'], before['src_path'])})")
    if position + 1 < len(lessons):
        after = lessons[position + 1]
        neighbours.append(f"    **Next lesson:** [{after['title']}]({_link(lesson['src_path'], after['src_path'])})")
    takeaways = (
        "## Key takeaways { #key-takeaways }\n\n"
        '!!! success ""\n\n'
        f"{_bullets(lesson['takeaways'])}\n\n" + "\n\n".join(neighbours) + "\n\n"
    )
    first = FIRST_SECTION.search(markdown)
    if not first:
        raise PluginError(f"{lesson['src_path']}: a lesson has '## Section {{ #id }}' headings")
    markdown = markdown[:first.start()] + overview.lstrip("\n") + "\n" + markdown[first.start():]
    reading = FURTHER_READING.search(markdown)
    if not reading:
        raise PluginError(f"{lesson['src_path']}: a lesson ends with '## Further reading {{ #further-reading }}'")
    return markdown[:reading.start()] + takeaways + markdown[reading.start():]


def _lesson_table(here, module):
    rows = [
        f"| [{item['title']}]({_link(here, item['src_path'])}) | {item['description']} | {_minutes(item)} |"
        for item in lessons if module in (None, item["module"])
    ]
    return "| Lesson | What it covers | Time |\n|---|---|---|\n" + "\n".join(rows) + "\n"


def _instructor_guide(here):
    parts = []
    for order, item in enumerate(lessons, start=1):
        link = _link(here, item["src_path"])
        sections = "\n".join(
            f"{'    ' * (section['level'] - 2)}- [{section['title']}]({link}#{section['anchor']})"
            for section in _all_sections(item)
        )
        parts.append(
            f"### {order}. {item['title']} {{ #lesson-{posixpath.basename(item['url'].rstrip('/'))} }}\n\n"
            f"{item['description']}\n\n"
            f"**Time:** {_minutes(item)}.\n\n"
            f"**Prerequisites:**\n\n{_bullets([_rebase(p, item['src_path'], here) for p in item['prerequisites']], '')}\n\n"
            f"**Objectives:**\n\n{_bullets(item['objectives'], '')}\n\n"
            f"??? info \"Every section of {item['title']}, to link from a syllabus\"\n\n"
            + "\n".join("    " + line for line in sections.splitlines()) + "\n"
        )
    return "\n".join(parts)
