"""The site's content security policy, one for every page.

GitHub Pages sends no headers, so the policy is a <meta http-equiv> at the top
of each page's <head>. It is the same on every page (Material's instant
navigation keeps the first page's policy while it swaps pages in), and it
allows the site's own files and, of inline scripts, only those the built
site contains, each by its SHA-256.

What it allows, and why:
- scripts: the site's own files; 'wasm-unsafe-eval' for Pyodide's WebAssembly;
- styles: the site's own files and inline styles (Material sets style
  attributes; the code editor adds <style> elements);
- images and fonts: the site's own and data: URLs (Material's icons);
- connections: this site only, so the reader's code, which runs in a worker
  started from a blob: URL and so under this policy, reaches no other origin;
- workers: the site's own and blob: URLs; no plugins, frames or other bases.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

# An inline script the browser runs (HTML: a script's text cannot contain
# "</script>"); JSON data blocks are not run and need no hash.
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.DOTALL)
DATA_TYPE = re.compile(r"""\btype=["']?application/(?:ld\+)?json""")
CHARSET = re.compile(r"<meta charset=[^>]*>", re.IGNORECASE)
POLICY_META = '<meta http-equiv="Content-Security-Policy" content="{policy}">'


def script_hashes(html: str) -> set[str]:
    return {
        "sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        for attributes, body in INLINE_SCRIPT.findall(html)
        if not DATA_TYPE.search(attributes)
    }


def policy(hashes: set[str]) -> str:
    scripts = " ".join(f"'{each}'" for each in sorted(hashes))
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' 'wasm-unsafe-eval' {scripts}".rstrip(),
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "frame-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def apply(site: Path) -> str:
    """Put the policy at the top of every page's <head>; returns it."""
    pages = {path: path.read_text(encoding="utf-8") for path in site.rglob("*.html")}
    site_policy = policy(set().union(*map(script_hashes, pages.values())))
    meta = POLICY_META.format(policy=site_policy)
    for path, html in pages.items():
        charset = CHARSET.search(html)
        if charset:  # right after it: the policy covers every script after the tag
            html = html[: charset.end()] + meta + html[charset.end() :]
        else:
            html = html.replace("<head>", "<head>" + meta, 1)
        path.write_text(html, encoding="utf-8")
    return site_policy
