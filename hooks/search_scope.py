"""Code blocks stay out of the search index.

Every identifier a reader searches for is explained in the prose around the
code; the code itself repeats names like `sys` dozens of times and drowns the
ranking (and the outputs repeat it once per Python version). Material skips an
element marked data-search-exclude. A code block's <div class="highlight"> holds
no other <div>, which matters: Material's parser matches elements by tag name,
so an excluded <div> containing another <div> would end the exclusion early.
"""

CODE_BLOCK = '<div class="highlight">'


def on_page_content(html, page, config, files):
    return html.replace(CODE_BLOCK, '<div class="highlight" data-search-exclude>')
