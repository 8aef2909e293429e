"""What a snippet printed reads as output, not as more code, on every page
that shows outputs, at phone and desktop widths, light and dark
(docs/assets/outputs.css, tests/support/snippets.py)."""

import pytest

from course import snippets
from course.lessons import discover
from course.markdown import directives
from tests.support import browser as chromium

LESSONS = [lesson.url for lesson in discover()]
# Each ::snippet shows one output: what every lesson page must show, counted from its source.
SNIPPETS_SHOWN = {lesson.url: len(directives(lesson.page.read_text(encoding="utf-8"))) for lesson in discover()}
# Lessons with an output that every build printed alike: shown as one block with no comparison.
WITH_ONE_BLOCK = [
    lesson.url
    for lesson in discover()
    if any(
        len(set(snippets.find(d.name).outputs().values())) == 1
        for d in directives(lesson.page.read_text(encoding="utf-8"))
    )
]

# For each snippet, the output shown (its caption paragraph and the block
# after it): what is drawn, with every collapsed block (solutions) opened;
# and how many of its outputs show (one build at a time).
OUTPUTS = """() => {
  for (const details of document.querySelectorAll('details:not(.output-compare)')) details.open = true;
  return [...document.querySelectorAll('.md-content .outputs')].map(outputs => {
    const shown = [...outputs.querySelectorAll(':scope > .output')].filter(o => getComputedStyle(o).display !== 'none');
    const caption = shown[0].querySelector('p.output-caption');
    const block = caption.nextElementSibling;
    let above = outputs.previousElementSibling;  // the code, past a reader's run panel not shown yet
    while (above && above.hidden) above = above.previousElementSibling;
    const code = above && above.matches('.highlight') ? above : null;
    const box = element => element.getBoundingClientRect();
    const style = getComputedStyle(block);
    return {
      outputsShown: shown.length,
      caption: caption.innerText.trim().slice(0, 60),
      shown: box(caption).height > 0 && getComputedStyle(caption).visibility === 'visible',
      captionBackground: getComputedStyle(caption).backgroundColor,
      background: style.backgroundColor,
      codeBackground: code && getComputedStyle(code.querySelector('pre > code')).backgroundColor,
      rule: parseFloat(style.borderLeftWidth),
      ruleColour: style.borderLeftColor,
      gapAbove: code && box(caption).top - box(code).bottom,
      gapBelow: box(block).top - box(caption).bottom,
    };
  });
}"""


def rgb(colour: str) -> tuple[float, ...]:
    return tuple(float(part) for part in colour[colour.index("(") + 1 : -1].split(",")[:3])


def luminance(colour: str) -> float:
    channels = [c / 255 for c in rgb(colour)]
    r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: str, other: str) -> float:
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def problems_with(output: dict, page_background: str) -> list[str]:
    found = [] if output["outputsShown"] == 1 else [f"{output['outputsShown']} outputs shown at once"]
    if not output["caption"].startswith("Output") or not output["shown"]:
        found.append("no visible 'Output' caption")
    if output["background"] != output["captionBackground"]:
        found.append("caption and block are not one panel")
    if output["codeBackground"] and output["background"] == output["codeBackground"]:
        found.append(f"same background as the code above ({output['background']})")
    if output["rule"] < 3 or contrast(output["ruleColour"], page_background) < 3:
        found.append(f"left rule {output['rule']} px, {contrast(output['ruleColour'], page_background):.1f}:1")
    if output["gapAbove"] is not None and abs(output["gapAbove"]) > 1:
        found.append(f"{output['gapAbove']:.0f} px from the code that printed it")
    if abs(output["gapBelow"]) > 1:
        found.append(f"caption {output['gapBelow']:.0f} px from its block")
    return found


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_output_reads_as_output(browser, site_url, site_pages, scheme, viewport):
    page = browser.new_page(viewport=chromium.VIEWPORTS[viewport], color_scheme=scheme)
    found, counted = {}, {}
    for path in site_pages:
        chromium.open_settled(page, site_url + path)
        outputs = page.evaluate(OUTPUTS)
        page_background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        counted[path] = len(outputs)
        for output in outputs:
            problems = problems_with(output, page_background)
            if problems:
                found.setdefault(path, []).append(f"{output['caption']!r}: {'; '.join(problems)}")
    page.close()
    assert all(counted[url] == shown for url, shown in SNIPPETS_SHOWN.items()), f"outputs found per page: {counted}"
    assert not found, f"outputs that read as code ({scheme}, {viewport}): {found}"


@pytest.mark.parametrize("lesson", WITH_ONE_BLOCK)
def test_code_offers_a_copy_button_and_its_output_does_not(browser, site_url, lesson):
    """What a reader copies is code to run. Material sets blocks up, adding
    their copy buttons, as they scroll into view (content.lazy)."""
    page = browser.new_page(viewport=chromium.VIEWPORTS["desktop"])
    chromium.open_settled(page, site_url + lesson)
    # An output every build printed alike, and the code that printed it; a
    # checkpoint's output is collapsed until the reader predicts, and is opened here.
    output = page.locator(".outputs:not(:has(.output-compare)) p.output-caption + .highlight").first
    code = output.locator("xpath=ancestor::div[contains(@class, 'runnable')][1]/div[contains(@class, 'highlight')][1]")
    code.scroll_into_view_if_needed()
    code.locator(".md-code__button[data-md-type=copy]").wait_for(state="attached")
    collapsed = output.locator("xpath=ancestor::details[not(@open)]")
    if collapsed.count():
        collapsed.locator("summary").click()
    output.scroll_into_view_if_needed()
    output.locator("pre[id^=__code_]").wait_for(state="attached")  # Material has set it up
    buttons = output.locator(".md-code__button").count()
    page.close()
    assert buttons == 0, f"{lesson}: its first one-block output has {buttons} button(s) on it, as code has"
