"""A real browser against the built site, served on 127.0.0.1 with gzip."""

import pytest
from playwright.sync_api import sync_playwright

from course.interpreters import IN_CI
from tests.support import browser as chromium
from tests.support.server import serving


@pytest.fixture(scope="session")
def site_url(built_site):
    site, _ = built_site
    with serving(site) as url:
        yield url


@pytest.fixture(scope="session")
def site_pages(built_site):
    site, _ = built_site
    return chromium.pages(site)


@pytest.fixture(scope="session")
def watched_browser():
    reason = chromium.missing_reason()
    if reason:
        if IN_CI:
            pytest.fail(f"CI must run the browser tests: {reason}")
        pytest.skip(reason)
    with sync_playwright() as playwright:
        launched = chromium.launch(playwright)
        yield chromium.PolicyWatched(launched)
        launched.close()


@pytest.fixture
def browser(watched_browser):
    """Chromium; the test fails if any page it opened broke the site's content
    security policy (course/csp.py), whatever the test itself checked."""
    watched_browser.violations.clear()
    yield watched_browser
    assert not watched_browser.violations, f"content security policy violations: {watched_browser.violations[:5]}"
