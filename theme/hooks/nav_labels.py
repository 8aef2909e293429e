"""Name each sidebar section for assistive technology.

With navigation.sections and navigation.indexes, Material labels a section's
<nav> by an empty toggle <label> (its title sits in the index page's link), so
the landmark has no name and screen readers cannot tell the sections apart
(axe: landmark-unique). Point aria-labelledby at the section's visible title,
the md-nav__title label inside the same <nav>, giving that label an id.
"""

import re

SECTION_NAV = re.compile(
    r'(<nav class="md-nav" data-md-level="\d+") aria-labelledby="(__nav_[\d_]+)_label"'
    r'(.*?)<label class="md-nav__title" for="\2">',
    re.DOTALL,
)


def named_sections(html):
    return SECTION_NAV.sub(r'\1 aria-labelledby="\2_title"\3<label class="md-nav__title" for="\2" id="\2_title">', html)


def on_post_page(output, page, config):
    return named_sections(output)


def on_post_template(output, template_name, config):
    return named_sections(output)  # 404.html, which is not a page
