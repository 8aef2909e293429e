"""The one error the course raises for bad input: it names the file and the fix.

Under MkDocs or ProperDocs it is a PluginError, which the build prints as one
line instead of a traceback; without them it is a plain exception.
"""

try:
    from mkdocs.exceptions import PluginError as _Base
except ImportError:  # outside MkDocs (Zensical, a plain script)
    _Base = Exception


class CourseError(_Base):
    """Bad course input: the message names the file and says how to fix it."""
