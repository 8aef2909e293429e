# Which encoding does open() use when you give none? Up to 3.14 the
# locale decides; from 3.15 UTF-8 mode is on by default (PEP 686).
import locale
import sys

print("UTF-8 mode:", sys.flags.utf8_mode)
print("locale encoding:", locale.getencoding())
with open("notes.txt", "w") as file:  # no encoding= given
    print("open() default:", file.encoding)
with open("notes.txt", "w", encoding="utf-8") as file:
    print("explicit:", file.encoding)
