"""A visual record: every page, desktop and phone, light and dark, written to
screenshots/ (the test workflow uploads it as an artifact)."""

import pytest

from tests.support import browser as chromium


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", list(chromium.VIEWPORTS))
def test_screenshot_every_page(browser, site_url, site_pages, scheme, width):
    chromium.SCREENSHOTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport=chromium.VIEWPORTS[width], color_scheme=scheme)
    page = context.new_page()
    for path in site_pages:
        chromium.open_settled(page, site_url + path)
        name = path.strip("/").replace("/", "_").replace(".html", "") or "home"
        target = chromium.SCREENSHOTS / f"{name}-{width}-{scheme}.jpeg"
        page.screenshot(path=target, full_page=path != "print_page/", type="jpeg", quality=60)
        assert target.stat().st_size > 5_000, f"{target.name} looks empty"
    context.close()
