"""Reading the site sends nothing to any other origin."""


def test_no_page_requests_another_origin(browser, site_url, site_pages):
    context = browser.new_context()
    page = context.new_page()
    elsewhere = []
    page.on(
        "request",
        lambda request: (
            request.url.startswith((site_url, "data:", "blob:")) or elsewhere.append(f"{page.url} -> {request.url}")
        ),
    )
    for path in site_pages:
        page.goto(site_url + path, wait_until="networkidle")
    page.goto(site_url, wait_until="networkidle")
    page.keyboard.press("/")  # opening search loads the index: same origin too
    page.keyboard.type("GIL")
    page.wait_for_selector(".md-search-result__item")
    context.close()
    assert len(site_pages) >= 10
    assert not elsewhere, "\n".join(elsewhere)
