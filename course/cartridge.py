"""The module as IMS Common Cartridges an LMS imports: 1.3 for Canvas, 1.1
for Moodle's core importer (it reads 1.0 and 1.1 manifests only).

Each cartridge holds the module's structure as web links to the published
site (a link to the module's page, then a folder per lesson, named with its
chapter: the lesson, then its teaching sections) and, per lesson, a QTI 1.2
quiz with every question that assesses it (checkpoints, closing quiz,
question bank: course/assessment.py), in the Common Cartridge profile of QTI:
single answer (true/false, or multiple choice), scored 100, with the lesson's
explanation as feedback. Canvas and Moodle bank a quiz's questions too.
How each importer reads them was checked in their source (README).

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
    only for a tree without unqualified attributes, and these have many). The
    declaration comes first: Moodle tells CC 1.1 by it, reading only the
    file's first 500 bytes in older releases."""
    root.attrib = {"xmlns": namespace, **root.attrib}
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
    """One question, single answer: True/False as the profile's true/false
    type (its answers' idents are `true` and `false`), any other as multiple
    choice (three choices or more). The right answer scores 100, and either
    way the learner reads why."""
    boolean = set(question.choices) == {"True", "False"}
    item = ET.SubElement(parent, "item", {"ident": ident, "title": title})
    fields = ET.SubElement(ET.SubElement(item, "itemmetadata"), "qtimetadata")
    kind = "cc.true_false.v0p1" if boolean else "cc.multiple_choice.v0p1"
    for label, entry in (("cc_profile", kind), ("cc_weighting", "1")):
        field = ET.SubElement(fields, "qtimetadatafield")
        _text(field, "fieldlabel", label)
        _text(field, "fieldentry", entry)
    presentation = ET.SubElement(item, "presentation")
    material = ET.SubElement(presentation, "material")
    # Away from the page, a checkpoint's question needs the code it is about.
    code = f"<pre><code>{html.escape(question.code, quote=False)}</code></pre>" if question.code else ""
    _text(material, "mattext", _as_html(question.text) + code, texttype="text/html")
    response = ET.SubElement(presentation, "response_lid", {"ident": "response", "rcardinality": "Single"})
    render = ET.SubElement(response, "render_choice", {"shuffle": "No" if boolean else "Yes"})
    idents = [choice.lower() if boolean else f"choice_{n}" for n, choice in enumerate(question.choices)]
    for choice, label_ident in zip(question.choices, idents):
        label = ET.SubElement(render, "response_label", {"ident": label_ident})
        _text(ET.SubElement(label, "material"), "mattext", choice, texttype="text/plain")
    processing = ET.SubElement(item, "resprocessing")
    outcomes = ET.SubElement(processing, "outcomes")
    ET.SubElement(outcomes, "decvar", {"varname": "SCORE", "vartype": "Decimal", "minvalue": "0", "maxvalue": "100"})
    correct = ET.SubElement(processing, "respcondition", {"continue": "No"})
    right = idents[question.choices.index(question.answer)]
    _text(ET.SubElement(correct, "conditionvar"), "varequal", right, respident="response")
    _text(correct, "setvar", "100", varname="SCORE", action="Set")
    ET.SubElement(correct, "displayfeedback", {"feedbacktype": "Response", "linkrefid": "correct"})
    wrong = ET.SubElement(processing, "respcondition", {"continue": "Yes"})
    ET.SubElement(ET.SubElement(wrong, "conditionvar"), "other")
    ET.SubElement(wrong, "displayfeedback", {"feedbacktype": "Response", "linkrefid": "incorrect"})
    for feedback_ident, opening in (("correct", "Right."), ("incorrect", f"The answer is `{question.answer}`.")):
        feedback = ET.SubElement(item, "itemfeedback", {"ident": feedback_ident})
        flow = ET.SubElement(ET.SubElement(feedback, "flow_mat"), "material")
        _text(flow, "mattext", _as_html(f"{opening} {question.why}"), texttype="text/html")


def quiz(version: str, lesson: LessonPart) -> bytes:
    """The lesson's questions as a QTI quiz. Canvas and Moodle also put a
    quiz's questions in a question bank of their own, so no bank is written
    apart: it would hold every question twice."""
    v = VERSIONS[version]
    root = ET.Element(
        "questestinterop",
        {f"{{{XSI}}}schemaLocation": f"{QTI} {_ns(version)['profile']}/cc{v}_qtiasiv1p2p1_v1p0.xsd"},
    )
    holder = ET.SubElement(root, "assessment", {"ident": _ident(lesson.slug, "quiz"), "title": f"{lesson.title}: quiz"})
    fields = ET.SubElement(holder, "qtimetadata")
    for label, entry in (
        ("cc_profile", "cc.exam.v0p1"),
        ("qmd_assessmenttype", "Examination"),
        ("cc_maxattempts", "unlimited"),
    ):
        field = ET.SubElement(fields, "qtimetadatafield")
        _text(field, "fieldlabel", label)
        _text(field, "fieldentry", entry)
    items = ET.SubElement(holder, "section", {"ident": _ident(lesson.slug, "section")})
    for number, question in enumerate(lesson.questions, start=1):
        _item(items, question, _ident(lesson.slug, question.ident), f"{lesson.title}, question {number}")
    return _xml(root, QTI)


def manifest(
    version: str, title: str, description: str, start: Link, lessons: list[LessonPart]
) -> tuple[bytes, dict[str, bytes]]:
    """imsmanifest.xml and the files it names, by their path in the package.
    Canvas makes a module, and Moodle a section, of each item under the root:
    the first is a link to the module's page (Moodle puts it in its General
    section), then one per lesson, named with its chapter."""
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

    def entry(parent: ET.Element, ident: str, name: str, kind: str, path: str, content: bytes) -> None:
        item = ET.SubElement(parent, "item", {"identifier": f"{ident}_item", "identifierref": ident})
        _text(item, "title", name)
        resource = ET.SubElement(resources, "resource", {"identifier": ident, "type": kind})
        ET.SubElement(resource, "file", {"href": path})
        files[path] = content

    entry(top, _ident("start"), start.title, f"imswl_xml{v}", "start.xml", web_link(version, start))
    for lesson in lessons:
        folder = ET.SubElement(top, "item", {"identifier": _ident(lesson.slug)})
        _text(folder, "title", f"{lesson.chapter}: {lesson.title}" if lesson.chapter else lesson.title)
        for number, link in enumerate(lesson.links):
            ident = _ident(lesson.slug, "link", str(number))
            entry(
                folder, ident, link.title, f"imswl_xml{v}", f"{lesson.slug}/link-{number}.xml", web_link(version, link)
            )
        entry(
            folder,
            _ident(lesson.slug, "quiz"),
            f"{lesson.title}: quiz ({len(lesson.questions)} questions)",
            f"imsqti_xmlv1p2/imscc_xml{v}/assessment",
            f"{lesson.slug}/quiz.xml",
            quiz(version, lesson),
        )
    return _xml(root, ns["cp"]), files


def package(version: str, title: str, description: str, start: Link, lessons: list[LessonPart]) -> bytes:
    """The .imscc file: a zip with imsmanifest.xml at its root."""
    document, files = manifest(version, title, description, start, lessons)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, content in {"imsmanifest.xml": document, **files}.items():
            archive.writestr(zipfile.ZipInfo(path, ZIP_TIME), content, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
