"""The print-site plugin's stylesheets only where they do something.

The plugin links its two stylesheets from every page, but they style its
all-in-one print page (#print-site-page) and set the paper for printing (A4,
page numbers). A lesson printed on its own uses docs/assets/print.css and the
reader's own paper, so other pages, 404.html too, are spared the two requests
(about 2 KB).
Material's instant navigation adds a stylesheet the next page links to and
drops one it does not, so moving to and from the print page keeps its look.
The plugin's script stays on every page: the print page calls it from its
content, which instant navigation runs without loading new scripts.
"""

import re

from mkdocs.plugins import event_priority

PLUGIN_STYLESHEET = re.compile(r'\s*<link rel="stylesheet" href="[^"]*css/print-site(?:-material)?\.css">')


@event_priority(-100)  # after the print-site plugin has written the page
def on_post_page(output, page, config):
    if page.url == "print_page/":
        return output
    return PLUGIN_STYLESHEET.sub("", output)


def on_post_template(output, template_name, config):
    return PLUGIN_STYLESHEET.sub("", output)  # 404.html, which is not a page
