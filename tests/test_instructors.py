"""What instructors use: the guide page, the syllabus files, the print page,
the citation file and the licence in the footer."""

import csv
import io
import re
import zipfile

import yaml

from course import cartridge, lessons
from course import links as course_links
from course.interpreters import ROOT
from hooks import lessons as lessons_hook


def read(site, page):
    return (site / page).read_text(encoding="utf-8")


def rows(site, name):
    return list(csv.DictReader(io.StringIO(read(site, name))))


def test_syllabus_json_lists_lessons_in_order_with_working_section_links(built_site):
    site, _ = built_site
    syllabus = lessons.syllabus(site)["lessons"]
    assert [lesson["title"] for lesson in syllabus] == [lesson.metadata()["title"] for lesson in lessons.discover()]
    for lesson in syllabus:
        assert lesson["minutes"]["reading"] > 0 and lesson["minutes"]["exercises"] > 0
        assert lesson["objectives"] and lesson["prerequisites"]
        assert not any("](" in text for text in lesson["prerequisites"]), "plain text, no Markdown links"
        page = read(site, lesson["url"] + "index.html")
        anchors = [section["anchor"] for section in lesson["sections"]]
        assert {"objectives", "key-takeaways", "further-reading"} <= set(anchors)
        for anchor in anchors:
            assert f'id="{anchor}"' in page, f"syllabus links to #{anchor}, missing from {lesson['title']}"


def test_syllabus_csv_has_one_row_per_lesson_with_everything_a_plan_needs(built_site):
    site, _ = built_site
    lessons_csv = rows(site, "syllabus.csv")
    syllabus = lessons.syllabus(site)["lessons"]
    assert [row["title"] for row in lessons_csv] == [lesson["title"] for lesson in syllabus]
    assert [int(row["order"]) for row in lessons_csv] == list(range(1, len(syllabus) + 1))
    for row, lesson in zip(lessons_csv, syllabus):
        assert row["module"] == lesson["module"] and row["description"] == lesson["description"]
        assert row["objectives"].splitlines() == lesson["objectives"]
        assert row["prerequisites"].splitlines() == lesson["prerequisites"]
        assert int(row["reading_minutes"]) == lesson["minutes"]["reading"]
        assert int(row["exercise_minutes"]) == lesson["minutes"]["exercises"]
        assert (site / row["url"] / "index.html").is_file(), row["url"]
        assert (site / row["notebook_url"] / "index.html").is_file(), row["notebook_url"]


def test_lesson_minutes_sum_to_the_module_total_on_the_instructors_page(built_site):
    site, _ = built_site
    html = read(site, "instructors/index.html")
    total_row = re.search(r"<strong>Module total</strong>.*?</tr>", html, re.DOTALL).group(0)
    shown = [int(m) for m in re.findall(r"<strong>(\d+) min</strong>", total_row)]
    lessons_csv = rows(site, "syllabus.csv")
    reading = sum(int(row["reading_minutes"]) for row in lessons_csv)
    exercises = sum(int(row["exercise_minutes"]) for row in lessons_csv)
    assert shown == [reading, exercises, reading + exercises]


def test_schedule_gives_each_lesson_its_time_and_the_running_total(built_site):
    site, _ = built_site
    html = read(site, "instructors/index.html")
    schedule = html[html.index('id="schedule"') : html.index('id="lessons"')]
    schedule = re.sub(r"</?abbr\b[^>]*>", "", schedule)  # a glossary tooltip in a title: "The GIL and ..."
    assert "200 words a minute" in schedule and "7 minutes for each exercise" in schedule
    running = 0
    for lesson in lessons.syllabus(site)["lessons"]:
        row = re.search(rf">{re.escape(lesson['title'])}</a>.*?</tr>", schedule, re.DOTALL).group(0)
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row)
        lesson_time = sum(lesson["minutes"].values())
        running += lesson_time
        assert cells == [
            f"{lesson['minutes']['reading']} min",
            f"{lesson['exercises']} exercise{'' if lesson['exercises'] == 1 else 's'} and "
            f"{lesson['quiz_questions']} quiz questions, "
            f"{lesson['minutes']['exercises']} min",
            f"{lesson_time} min",
            f"{running} min",
        ]


def test_section_csv_has_a_row_per_section_exercise_and_quiz_summing_to_the_lesson(built_site):
    site, _ = built_site
    sections = rows(site, "syllabus-sections.csv")
    syllabus = lessons.syllabus(site)["lessons"]
    assert list(sections[0]) == ["lesson_order", "lesson", "kind", "level", "section", "minutes", "objectives", "url"]
    assert sections[0]["lesson"] == lessons.discover()[0].metadata()["title"] and sections[0]["url"].endswith(
        "#objectives"
    )
    for lesson in syllabus:
        own = [row for row in sections if int(row["lesson_order"]) == lesson["order"]]
        reading = [row for row in own if row["kind"] == "section"]
        practice = [row for row in own if row["kind"] != "section"]
        assert len(reading) == len(lesson["sections"]) and {row["level"] for row in reading} <= {"2", "3"}
        assert sum(int(row["minutes"]) for row in reading) == lesson["minutes"]["reading"], lesson["title"]
        assert sum(int(row["minutes"]) for row in practice) == lesson["minutes"]["exercises"], lesson["title"]
        exercises = [row for row in practice if row["kind"] == "exercise"]
        assert len(exercises) == lesson["exercises"] and all(row["objectives"] for row in exercises)
        assert [row["url"].rsplit("#", 1)[1] for row in exercises] == [
            f"exercise-{n}" for n in range(1, lesson["exercises"] + 1)
        ]
        page = read(site, lesson["url"] + "index.html")
        for row in own:
            assert f'id="{row["url"].rsplit("#", 1)[1]}"' in page, row


def test_every_objective_is_assessed_and_the_instructors_page_says_by_what(built_site):
    site, _ = built_site
    html = read(site, "instructors/index.html")
    for lesson in lessons.syllabus(site)["lessons"]:
        assert [entry["objective"] for entry in lesson["objective_map"]] == lesson["objectives"]
        for entry in lesson["objective_map"]:
            assert entry["exercises"] or entry["questions"], f"{lesson['title']}: {entry['objective']}"
        for number in {n for entry in lesson["objective_map"] for n in entry["exercises"]}:
            assert f'href="../{lesson["url"]}#exercise-{number}">exercise {number}</a>' in html
    assert html.count("<em>Assessed by:</em>") == sum(
        len(lesson["objectives"]) for lesson in lessons.syllabus(site)["lessons"]
    )


def test_the_week_plan_takes_every_lesson_once_in_order_in_four_weeks(built_site):
    site, _ = built_site
    syllabus = lessons.syllabus(site)["lessons"]
    weeks = [lesson["week"] for lesson in syllabus]
    assert weeks == sorted(weeks) and set(weeks) == {1, 2, 3, 4}
    csv_weeks = [int(row["week"]) for row in rows(site, "syllabus.csv")]
    assert csv_weeks == weeks
    html = read(site, "instructors/index.html")
    for week in (1, 2, 3, 4):
        minutes = sum(sum(item["minutes"].values()) for item in syllabus if item["week"] == week)
        assert re.search(rf"<td[^>]*>{week}</td>.*?<td[^>]*>{minutes} min</td>", html, re.DOTALL), week


def test_local_build_exports_relative_links_and_says_so(built_site):
    site, _ = built_site
    links = [
        row[key]
        for name in ("syllabus.csv", "syllabus-sections.csv")
        for row in rows(site, name)
        for key in ("url", "notebook_url")
        if key in row
    ]
    assert links and not [link for link in links if "://" in link or link.startswith("/")]
    assert "127.0.0.1" not in read(site, "syllabus.json")
    assert lessons.syllabus(site)["links"].startswith("relative")
    assert "built locally, so the links in these files are relative" in read(site, "instructors/index.html")


ONE_LESSON = [
    {
        "module": "m",
        "title": "T",
        "description": "D",
        "url": "m/t/",
        "notebook_url": "m/t/notebook/",
        "minutes": {"reading": 3, "exercises": 7},
        "exercise_count": 1,
        "quiz_count": 5,
        "prerequisites": ["p"],
        "objectives": ["o"],
        "sections": [{"level": 2, "title": "S", "anchor": "s"}],
        "section_minutes": {"objectives": 1, "s": 2},
        "exercises": [],
        "objective_map": [],
        "chapter_title": "",
        "questions": [],
    }
]
CONFIG = {"site_url": "http://127.0.0.1:8000/", "site_name": "N", "site_description": "D"}


def test_exports_link_to_the_deployed_site_when_site_url_is_set(tmp_path, monkeypatch):
    """The deploy workflow sets SITE_URL; the exports then link there."""
    monkeypatch.setenv("SITE_URL", "https://example.org/course")
    monkeypatch.setattr(lessons_hook, "lessons", ONE_LESSON)
    lessons_hook.on_post_build({"site_dir": str(tmp_path), **CONFIG})
    row = rows(tmp_path, "syllabus.csv")[0]
    assert row["url"] == "https://example.org/course/m/t/"
    assert row["notebook_url"] == "https://example.org/course/m/t/notebook/"
    assert rows(tmp_path, "syllabus-sections.csv")[0]["url"] == "https://example.org/course/m/t/#objectives"
    assert lessons.syllabus(tmp_path)["links"] == "absolute"
    for version, name in cartridge.FILE_NAMES.items():
        with zipfile.ZipFile(tmp_path / name) as archive:
            links = [archive.read(file) for file in archive.namelist() if "/link-" in file]
        assert links and all(b'href="https://example.org/course/m/t/' in link for link in links), version


def test_a_copy_without_solutions_offers_no_cartridge(tmp_path, monkeypatch):
    """Their quizzes hold the answers: a graded copy (HIDE_SOLUTIONS) leaves them out."""
    monkeypatch.setenv("HIDE_SOLUTIONS", "1")
    monkeypatch.setattr(lessons_hook, "lessons", ONE_LESSON)
    lessons_hook.on_post_build({"site_dir": str(tmp_path), **CONFIG})
    assert (tmp_path / "syllabus.json").is_file()
    assert not [name for name in cartridge.FILE_NAMES.values() if (tmp_path / name).exists()]


def test_instructors_page_links_every_section_of_every_lesson(built_site):
    site, _ = built_site
    html = read(site, "instructors/index.html")
    for lesson in lessons.syllabus(site)["lessons"]:
        for section in lesson["sections"]:
            assert f'href="../{lesson["url"]}#{section["anchor"]}"' in html, f"{lesson['title']}#{section['anchor']}"
        assert f"{lesson['minutes']['reading']} min reading" in html


def test_print_page_holds_every_lesson_with_its_solutions(built_site):
    site, _ = built_site
    html = read(site, "print_page/index.html")
    for lesson in lessons.discover():
        assert lesson.metadata()["title"] in html
        solutions = (lesson.try_it / "solutions.py").read_text(encoding="utf-8")
        for name in re.findall(r"^def (\w+)\(", solutions, re.MULTILINE):
            assert f'<span class="nf">{name}</span>' in html, f"solution {name} missing from the print page"
    assert "page-fixes.js" in html


def test_citation_file_is_complete():
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    for key in ("cff-version", "message", "title", "authors", "license"):
        assert citation.get(key), f"CITATION.cff lacks {key}"


def test_every_page_shows_the_licence_in_its_footer(built_site):
    site, _ = built_site
    for page in site.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        if not course_links.REDIRECT.search(html):  # a moved page's old address only sends the reader on
            assert "creativecommons.org/licenses/by/4.0/" in html, page
