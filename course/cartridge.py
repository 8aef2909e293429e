"""The module as IMS Common Cartridges an LMS imports: 1.3 for Canvas, 1.1
for Moodle's core importer (it reads 1.0 and 1.1 manifests only).

Each cartridge holds the module's structure as web links to the published
site (a folder per chapter, a folder per lesson: the lesson, then each of its
sections) and, per lesson, a QTI 1.2 quiz with every question that assesses
it (checkpoints, closing quiz, question bank: course/assessment.py), in the
Common Cartridge profile of QTI: single-answer multiple choice, scored 100,
with the lesson's explanation as feedback. The same questions also come as a
question bank, for instructors who build their own quizzes.

Written with the standard library (the build needs nothing more); no
maintained Python library writes CC 1.1 and 1.3 packages with web links and
CC-profile QTI. tests/test_cartridge.py validates every file against the IMS
schemas (tests/schemas/ims/).
"""

from __future__ import annotations

import html
import io
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass

from course.assessment import Question

VERSIONS = {"1.3": "v1p3", "1.1": "v1p1"}
FILE_NAMES = {"1.3": "cs-fundamentals-cc1.3.imscc", "1.1": "cs-fundamentals-cc1.1.imscc"}
XSI = "http://www.w3.org/2001/XMLSchema-instance"
ET.register_namespace("xsi", XSI)
QTI = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
INLINE_CODE = re.compile(r"`([^`]+)`")
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed: two builds of one commit give the same files


@dataclass(frozen=True)
class Link:
    title: str
    url: str  # absolute


@dataclass(frozen=True)
class LessonPart:
    chapter: str  # the chapter's title, "" for a lesson outside one
    title: str
    slug: str  # unique: the lesson's folder name
    links: list[Link]  # the lesson itself first, then its sections
    questions: list[Question]


def _ns(version: str) -> dict[str, str]:
    v = VERSIONS[version]
    return {
        "cp": f"http://www.imsglobal.org/xsd/imscc{v}/imscp_v1p1",
        "lomimscc": f"http://ltsc.ieee.org/xsd/imscc{v}/LOM/manifest",
        "wl": f"http://www.imsglobal.org/xsd/imscc{v}/imswl_{v}",
        "profile": f"http://www.imsglobal.org/profile/cc/cc{v}",
    }


def _xml(root: ET.Element, namespace: str) -> bytes:
    """The document, with `namespace` as its default one: its elements in that
    namespace are built with bare names (ElementTree writes a default namespace
    only for a tree without unqualified attributes, and these have many)."""
    root.set("xmlns", namespace)
    ET.indent(root)
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True)


def _text(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    element.text = text
    return element


def _ident(*parts: str) -> str:
    """An XML identifier (letters, digits, underscores) from `parts`."""
    return "_".join(re.sub(r"\W", "_", part) for part in ("I", *parts))


def _as_html(text: str) -> str:
    return "<p>" + INLINE_CODE.sub(r"<code>\1</code>", html.escape(text, quote=False)) + "</p>"


def web_link(version: str, link: Link) -> bytes:
    ns = _ns(version)
    v = VERSIONS[version]
    root = ET.Element(
        "webLink",
        {f"{{{XSI}}}schemaLocation": f"{ns['wl']} {ns['profile']}/cc{v}_imswl_{v}.xsd"},
    )
    _text(root, "title", link.title)
    ET.SubElement(root, "url", {"href": link.url, "target": "_blank"})
    return _xml(root, ns["wl"])


def _item(parent: ET.Element, question: Question, ident: str, title: str) -> None:
    """One multiple-choice question: the right choice scores 100, and either
    way the learner reads why."""
    item = ET.SubElement(parent, "item", {"ident": ident, "title": title})
    fields = ET.SubElement(ET.SubElement(item, "itemmetadata"), "qtimetadata")
    for label, entry in (("cc_profile", "cc.multiple_choice.v0p1"), ("cc_weighting", "1")):
        field = ET.SubElement(fields, "qtimetadatafield")
        _text(field, "fieldlabel", label)
        _text(field, "fieldentry", entry)
    presentation = ET.SubElement(item, "presentation")
    material = ET.SubElement(presentation, "material")
    _text(material, "mattext", _as_html(question.text), texttype="text/html")
    response = ET.SubElement(presentation, "response_lid", {"ident": "response", "rcardinality": "Single"})
    render = ET.SubElement(response, "render_choice", {"shuffle": "No"})
    for number, choice in enumerate(question.choices):
        label = ET.SubElement(render, "response_label", {"ident": f"choice_{number}"})
        _text(ET.SubElement(label, "material"), "mattext", choice, texttype="text/plain")
    right = f"choice_{question.choices.index(question.answer)}"
    processing = ET.SubElement(item, "resprocessing")
    outcomes = ET.SubElement(processing, "outcomes")
    ET.SubElement(outcomes, "decvar", {"varname": "SCORE", "vartype": "Decimal", "minvalue": "0", "maxvalue": "100"})
    correct = ET.SubElement(processing, "respcondition", {"continue": "No"})
    _text(ET.SubElement(correct, "conditionvar"), "varequal", right, respident="response")
    _text(correct, "setvar", "100", varname="SCORE", action="Set")
    ET.SubElement(correct, "displayfeedback", {"feedbacktype": "Response", "linkrefid": "correct"})
    wrong = ET.SubElement(processing, "respcondition", {"continue": "Yes"})
    ET.SubElement(ET.SubElement(wrong, "conditionvar"), "other")
    ET.SubElement(wrong, "displayfeedback", {"feedbacktype": "Response", "linkrefid": "incorrect"})
    for ident, opening in (("correct", "Right."), ("incorrect", f"The answer is {question.answer}.")):
        feedback = ET.SubElement(item, "itemfeedback", {"ident": ident})
        flow = ET.SubElement(ET.SubElement(feedback, "flow_mat"), "material")
        _text(flow, "mattext", f"{opening} {question.why}", texttype="text/plain")


def quiz(version: str, lesson: LessonPart, bank: bool) -> bytes:
    """The lesson's questions as a QTI quiz (`bank` False) or question bank."""
    v = VERSIONS[version]
    root = ET.Element(
        "questestinterop",
        {f"{{{XSI}}}schemaLocation": f"{QTI} {_ns(version)['profile']}/cc{v}_qtiasiv1p2p1_v1p0.xsd"},
    )
    name = "bank" if bank else "quiz"
    attributes = {"ident": _ident(lesson.slug, name)}
    if not bank:
        attributes["title"] = f"{lesson.title}: quiz"
    holder = ET.SubElement(root, "objectbank" if bank else "assessment", attributes)
    fields = ET.SubElement(holder, "qtimetadata")
    settings = (
        [("cc_profile", "cc.question_bank.v0p1")]
        if bank
        else [
            ("cc_profile", "cc.exam.v0p1"),
            ("qmd_assessmenttype", "Examination"),
            ("cc_maxattempts", "unlimited"),
        ]
    )
    for label, entry in settings:
        field = ET.SubElement(fields, "qtimetadatafield")
        _text(field, "fieldlabel", label)
        _text(field, "fieldentry", entry)
    items = holder if bank else ET.SubElement(holder, "section", {"ident": _ident(lesson.slug, "section")})
    for number, question in enumerate(lesson.questions, start=1):
        _item(items, question, _ident(lesson.slug, name, question.ident), f"{lesson.title}, question {number}")
    return _xml(root, QTI)


def manifest(version: str, title: str, description: str, lessons: list[LessonPart]) -> tuple[bytes, dict[str, bytes]]:
    """imsmanifest.xml and the files it names, by their path in the package."""
    ns = _ns(version)
    v = VERSIONS[version]
    ET.register_namespace("lomimscc", ns["lomimscc"])
    lom = f"{{{ns['lomimscc']}}}"
    locations = (
        f"{ns['cp']} {ns['profile']}/cc{v}_imscp_v1p2_v1p0.xsd "
        f"{ns['lomimscc']} {ns['profile']}/LOM/cc{v}_lommanifest_v1p0.xsd"
    )
    root = ET.Element("manifest", {"identifier": _ident("cs_fundamentals", v), f"{{{XSI}}}schemaLocation": locations})
    metadata = ET.SubElement(root, "metadata")
    _text(metadata, "schema", "IMS Common Cartridge")
    _text(metadata, "schemaversion", f"{version}.0")
    general = ET.SubElement(ET.SubElement(metadata, f"{lom}lom"), f"{lom}general")
    _text(ET.SubElement(general, f"{lom}title"), f"{lom}string", title, language="en")
    _text(ET.SubElement(general, f"{lom}description"), f"{lom}string", description, language="en")
    organization = ET.SubElement(
        ET.SubElement(root, "organizations"),
        "organization",
        {"identifier": _ident("organization"), "structure": "rooted-hierarchy"},
    )
    top = ET.SubElement(organization, "item", {"identifier": _ident("root")})
    resources = ET.SubElement(root, "resources")
    files: dict[str, bytes] = {}

    def resource(ident: str, kind: str, path: str, content: bytes) -> None:
        element = ET.SubElement(resources, "resource", {"identifier": ident, "type": kind})
        ET.SubElement(element, "file", {"href": path})
        files[path] = content

    chapters: dict[str, ET.Element] = {}
    for lesson in lessons:
        parent = top
        if lesson.chapter:
            if lesson.chapter not in chapters:
                chapters[lesson.chapter] = ET.SubElement(top, "item", {"identifier": _ident("chapter", lesson.chapter)})
                _text(chapters[lesson.chapter], "title", lesson.chapter)
            parent = chapters[lesson.chapter]
        folder = ET.SubElement(parent, "item", {"identifier": _ident(lesson.slug)})
        _text(folder, "title", lesson.title)
        for number, link in enumerate(lesson.links):
            ident = _ident(lesson.slug, "link", str(number))
            entry = ET.SubElement(folder, "item", {"identifier": f"{ident}_item", "identifierref": ident})
            _text(entry, "title", link.title)
            resource(ident, f"imswl_xml{v}", f"{lesson.slug}/link-{number}.xml", web_link(version, link))
        ident = _ident(lesson.slug, "quiz")
        entry = ET.SubElement(folder, "item", {"identifier": f"{ident}_item", "identifierref": ident})
        _text(entry, "title", f"{lesson.title}: quiz ({len(lesson.questions)} questions)")
        resource(
            ident, f"imsqti_xmlv1p2/imscc_xml{v}/assessment", f"{lesson.slug}/quiz.xml", quiz(version, lesson, False)
        )
        # A question bank is never an item of the organization (the CC profile forbids it).
        resource(
            _ident(lesson.slug, "bank"),
            f"imsqti_xmlv1p2/imscc_xml{v}/question-bank",
            f"{lesson.slug}/bank.xml",
            quiz(version, lesson, True),
        )
    return _xml(root, ns["cp"]), files


def package(version: str, title: str, description: str, lessons: list[LessonPart]) -> bytes:
    """The .imscc file: a zip with imsmanifest.xml at its root."""
    document, files = manifest(version, title, description, lessons)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, content in {"imsmanifest.xml": document, **files}.items():
            archive.writestr(zipfile.ZipInfo(path, ZIP_TIME), content, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
