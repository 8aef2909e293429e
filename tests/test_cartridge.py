"""The Common Cartridges (1.3 for Canvas, 1.1 for Moodle): every manifest, web
link and QTI file valid against the IMS schemas, offline; every web link lands
on a page and section of the built site; every quiz key is the answer a
recorded output gives; every question of every lesson is in its quiz."""

import dataclasses
import io
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import etree, isoschematron

from course import assessment, cartridge, lessons
from course.interpreters import ROOT

SCHEMAS = ROOT / "tests/schemas/ims"  # unchanged IMS files: SOURCES.md there says from where
CATALOG = "{urn:oasis:names:tc:entity:xmlns:xml:catalog}system"
LOCAL = {
    entry.get("systemId"): SCHEMAS / entry.get("uri") for entry in etree.parse(SCHEMAS / "catalog.xml").iter(CATALOG)
}
LOCAL_URL = "http://127.0.0.1:8000/"  # the built_site fixture sets no SITE_URL


class Offline(etree.Resolver):
    """The schemas import each other by their official addresses: read those
    from tests/schemas/ims, and fail rather than fetch anything else."""

    def resolve(self, url, public_id, context):
        if url in LOCAL:
            return self.resolve_filename(str(LOCAL[url]), context)
        if "://" not in url or url.startswith("file:"):
            return None  # a file here: read as usual
        raise LookupError(f"a schema asks for {url}, which tests/schemas/ims/catalog.xml does not map")


def parser():
    made = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
    made.resolvers.add(Offline())
    return made


def schema(path):
    return etree.XMLSchema(etree.parse(str(SCHEMAS / path), parser()))


SCHEMATRON = "http://purl.oclc.org/dsdl/schematron"


def rules(path):
    """The Schematron rules an IMS schema carries in its annotations (the
    profile's own: a multiple-choice item has three choices or more, feedback
    named exists, no item points at a question bank): lxml's XMLSchema skips them."""
    found = etree.Element(f"{{{SCHEMATRON}}}schema", nsmap={"sch": SCHEMATRON})
    for tag in ("ns", "pattern"):
        found.extend(
            element.__copy__() for element in etree.parse(str(SCHEMAS / path), parser()).iter(f"{{{SCHEMATRON}}}{tag}")
        )
    return isoschematron.Schematron(found, validate_schema=False)  # IMS writes pre-ISO pattern names


SCHEMA_FILES = {
    "1.3": {"manifest": "cc13/ccv1p3_imscp_v1p2_v1p0.xsd", "link": "cc13/ccv1p3_imswl_v1p3.xsd"},
    "1.1": {"manifest": "cc11/ccv1p1_imscp_v1p2_v1p0.xsd", "link": "cc11/ccv1p1_imswl_v1p1.xsd"},
}
QTI_SCHEMA = "shared/ccv1p1_qtiasiv1p2p1_v1p0.xsd"  # the CC 1.3 profile's own file could not be found
QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"


def package(site, version):
    return zipfile.ZipFile(io.BytesIO((site / cartridge.FILE_NAMES[version]).read_bytes()))


def valid(validators, content, name):
    document = etree.fromstring(content, parser())
    for validator in validators:
        assert validator.validate(document), f"{name}: {validator.error_log}"
    return document


@pytest.mark.parametrize("version", ["1.3", "1.1"])
def test_every_file_of_the_cartridge_is_valid_against_the_ims_schemas(built_site, version):
    site, _ = built_site
    schemas = {kind: [schema(path), rules(path)] for kind, path in SCHEMA_FILES[version].items()}
    qti = [schema(QTI_SCHEMA), rules(QTI_SCHEMA)]
    with package(site, version) as archive:
        manifest = valid(schemas["manifest"], archive.read("imsmanifest.xml"), "imsmanifest.xml")
        namespace = manifest.nsmap[None]
        resources = manifest.findall(f".//{{{namespace}}}resource")
        kinds = {}
        for resource in resources:
            path = resource.find(f"{{{namespace}}}file").get("href")
            kind = resource.get("type")
            kinds[kind] = kinds.get(kind, 0) + 1
            valid(schemas["link"] if kind.startswith("imswl") else qti, archive.read(path), path)
        assert set(archive.namelist()) == {"imsmanifest.xml"} | {
            r.find(f"{{{namespace}}}file").get("href") for r in resources
        }
    v = cartridge.VERSIONS[version]
    count = len(lessons.discover())
    assert kinds[f"imsqti_xmlv1p2/imscc_xml{v}/assessment"] == count
    assert kinds[f"imswl_xml{v}"] > count * 2


def test_moodle_tells_the_1_1_cartridge_by_its_first_500_bytes(built_site):
    """Moodle's importer (backup/converter/imscc11/lib.php) looks for the CC 1.1
    namespace near the top of imsmanifest.xml; older releases read 500 bytes."""
    with package(built_site[0], "1.1") as archive:
        start = archive.read("imsmanifest.xml")[:500]
    assert b'xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"' in start


def test_each_lesson_is_a_module_named_with_its_chapter_after_a_start_link(built_site):
    """Canvas makes a module, and Moodle a section, of each item under the root."""
    with package(built_site[0], "1.3") as archive:
        manifest = etree.fromstring(archive.read("imsmanifest.xml"))
    top = manifest.find("{*}organizations/{*}organization/{*}item")
    titles = [item.findtext("{*}title") for item in top.findall("{*}item")]
    syllabus = lessons.syllabus(built_site[0])["lessons"]
    assert titles[0].startswith("Start here") and len(titles) == len(syllabus) + 1
    assert [title.rpartition(": ")[2] for title in titles[1:]] == [lesson["title"] for lesson in syllabus]


def test_a_misspelt_element_fails_the_schemas():
    """The schemas really are enforced: a wrong name in each kind of file fails."""
    link = cartridge.web_link("1.3", cartridge.Link("T", "https://example.org/"))
    assert not schema(SCHEMA_FILES["1.3"]["link"]).validate(etree.fromstring(link.replace(b"<url ", b"<link ")))
    asked = assessment.Question("q", "quiz", "Q?", ("a", "b", "c"), "a", "w", "s", 1)
    quiz = cartridge.quiz("1.1", cartridge.LessonPart("", "T", "t", [], [asked]))
    assert schema(QTI_SCHEMA).validate(etree.fromstring(quiz)) and rules(QTI_SCHEMA).validate(etree.fromstring(quiz))
    assert not schema(QTI_SCHEMA).validate(etree.fromstring(quiz.replace(b"render_choice", b"render_choise")))
    two = cartridge.quiz(
        "1.1", cartridge.LessonPart("", "T", "t", [], [dataclasses.replace(asked, choices=("a", "b"))])
    )
    assert not rules(QTI_SCHEMA).validate(etree.fromstring(two)), "a multiple-choice item has three choices or more"


def test_every_web_link_lands_on_a_page_and_section_of_the_site(built_site):
    site, _ = built_site
    with package(site, "1.3") as archive:
        urls = [
            etree.fromstring(archive.read(name)).find("{*}url").get("href")
            for name in archive.namelist()
            if "/link-" in name
        ]
    assert urls and all(url.startswith(LOCAL_URL) for url in urls)
    for url in urls:
        parts = urlsplit(url.removeprefix(LOCAL_URL))
        page = site / parts.path / "index.html"
        assert page.is_file(), url
        if parts.fragment:
            assert f'id="{parts.fragment}"' in page.read_text(encoding="utf-8"), url


def test_every_question_is_in_its_lesson_quiz_with_the_key_a_recorded_output_gives(built_site):
    site, _ = built_site
    series = assessment.in_page_series()
    with package(site, "1.1") as archive:
        for lesson in lessons.discover():
            asked = assessment.questions(str(lesson), series)
            quiz = etree.fromstring(archive.read(f"{lesson.slug}/quiz.xml"))
            items = quiz.findall(f".//{QTI}item")
            assert len(items) == len(asked), lesson
            outputs = "\n".join(
                output for snippet in lesson.snippets.glob("*.py") for output in _outputs(snippet).values()
            )
            for item, question in zip(items, asked):
                right = item.find(f".//{QTI}varequal").text
                label = item.find(f".//{QTI}response_label[@ident='{right}']")
                key = label.find(f".//{QTI}mattext").text
                assert key == question.answer and key in outputs, (lesson, question.ident)


def _outputs(snippet: Path):
    from course import snippets

    return snippets.find(snippet.relative_to(ROOT / "snippets").as_posix()).outputs()
