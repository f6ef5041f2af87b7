"""JSON-LD stays inside its script element whatever the text."""

import json

import pytest

from hub.jsonld import script_json


@pytest.mark.parametrize(
    "text", ["</script><script>alert(1)</script>", "a & b", "<!--", "\u2028", "‮rtl", "日本 🎉"]
)
def test_script_json_round_trips_and_cannot_close_the_script(text):
    encoded = script_json({"headline": text})
    assert "<" not in encoded and ">" not in encoded and "&" not in encoded
    assert json.loads(encoded) == {"headline": text}
