"""What the search index holds: the prose, not the machinery around it.

Material skips any element marked data-search-exclude. Its parser matches
elements by tag name, so an excluded <div> that contains another <div> would
end the exclusion early: every element marked here holds no other <div>.

- Code blocks and outputs: code repeats names like `sys` dozens of times and
  drowns the ranking; every identifier a reader searches for is explained in
  the prose.
- The toggle that shows other builds' outputs (marked where it is rendered,
  course/markdown.py).
- The answer choices of predict-then-run checkpoints: instruction names that
  are wrong answers made their section outrank the one that explains them.
- The builds box, which every lesson repeats (marked where it is rendered,
  course/markdown.py).
- The lesson boxes, "What you'll learn" and "Key takeaways" (hooks/lessons.py):
  short summaries that name every topic, so they outranked the sections that
  teach it ("timeit" found the objectives before "Performance").
- The instructors' page's guide to each lesson (hooks/lessons.py), for the same
  reason: it came second for "what is the GIL" and "is vs ==".
- Checkpoints (marked where they are rendered, course/markdown.py) and
  exercises' solutions: a question or a solution's label is not what a result
  should quote, and search should lead to the idea, not to an answer.

Glossary entries are indexed, so a term finds its definition, but with a very
low page boost: an entry's title is just the term, and a short title would
otherwise outrank the lesson section about it. 0.003 was tuned by running
Material's own search worker over the built index: every query in
tests/browser/search_queries.csv still finds its section first (0.004 puts
the "cache line" entry above its lesson), and every term finds its entry
within the first five pages' groups (0.002 left "Code object" eleventh, past
the ten Material shows before the reader scrolls). Lunr multiplies the boost
into each term's score, so it does take effect.
"""

import re

from mkdocs.plugins import event_priority

# A <div> with one of these classes, whatever other classes it has (outputs
# are "no-copy highlight": tests/support/snippets.py).
# Exercises too: a prompt repeats its section's words ("import" six times), and
# outranked the section that teaches them ("circular import" found -X importtime).
EXCLUDED = re.compile(
    r'<div class="((?:[^"]* )?(?:highlight|predict__choices|lesson-box|lesson-guide|exercise)(?: [^"]*)?)"( data-[^>]*)?>'
)
# A solution: exercises are excluded, but an excluded <div> ends at the first
# </div> inside it (above), and a solution's <details> comes after the prompt's.
SOLUTION = re.compile(r'<details class="example">')
GLOSSARY = "cs-fundamentals/glossary.md"
GLOSSARY_BOOST = 0.003


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri == GLOSSARY:
        page.meta["search"] = {"boost": GLOSSARY_BOOST, **(page.meta.get("search") or {})}
    return markdown


@event_priority(-100)  # after the other hooks have added their markup
def on_page_content(html, page, config, files):
    html = SOLUTION.sub('<details class="example" data-search-exclude>', html)
    return EXCLUDED.sub(r'<div class="\1"\2 data-search-exclude>', html)
