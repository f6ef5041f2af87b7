"""Signals the hub's plugins send one another, beside Pelican's own."""

from __future__ import annotations

from blinker import signal

# Sent by share_snippets once per published article as its posts are composed, from the share
# kit's generator (the sender) with `article` and `snippets` (the posts, scheduled). The posts
# are not kept after their article's kit page and exports are written: a plugin that checks
# posts listens here.
snippets_composed = signal("hub.snippets_composed")
