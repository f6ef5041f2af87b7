"""JSON-LD that is safe inside a <script> element."""

from __future__ import annotations

import json
from typing import Any

# Characters that could end the script element or confuse an HTML parser, as JSON escapes.
_SCRIPT_SAFE = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def script_json(data: Any) -> str:
    """Serialise DATA as JSON that cannot break out of <script type="application/ld+json">."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    return "".join(_SCRIPT_SAFE.get(char, char) for char in text)
