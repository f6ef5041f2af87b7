"""Pelican's {filename} and {static} links, checked against the content folder (pure)."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

# The attribute forms Python-Markdown writes for [text](...) and ![alt](...).
_MARKED = re.compile(r"""(?:href|src)=(["'])[{|](filename|static|attach)[}|](.*?)\1""")


def broken_links(html: str, folder: str, content_root: Path) -> list[str]:
    """Each '{marker}target' in HTML that names no file; FOLDER is the file's own, in the root."""
    broken = []
    for match in _MARKED.finditer(html):
        marker, target = match[2], match[3]
        path = unquote(urlsplit(target).path)
        if not path:
            broken.append(f"{{{marker}}}{target}")  # Pelican needs a file's name after it
            continue
        joined = path.lstrip("/") if path.startswith("/") else posixpath.join(folder, path)
        relative = posixpath.normpath(joined)
        if relative.startswith("..") or not (content_root / relative).exists():
            broken.append(f"{{{marker}}}{target}")
    return list(dict.fromkeys(broken))
