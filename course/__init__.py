"""The course itself: its lessons, snippets, recorded outputs, exercises,
checkpoints and the CPython builds that printed them, each file format read in
one place. The site's build (hooks and the Markdown extension in
course/markdown.py), the tests, the benchmark and the authoring commands
(`python -m course`) all import it; it imports nothing from tests/.
"""
