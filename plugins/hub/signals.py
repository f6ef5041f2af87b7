"""Signals the hub's plugins send one another, beside Pelican's own."""

from __future__ import annotations

from blinker import signal

# Sent by share_snippets once per published article as its posts are composed, from the share
# kit's generator (the sender, whose `now` is the aware moment the plan starts from) with
# `article` and `snippets` (the posts, scheduled). The posts
# are not kept after their article's kit page and exports are written: a plugin that checks
# posts listens here.
snippets_composed = signal("hub.snippets_composed")

# Sent by share_snippets once per build as it plans, sender the share kit's generator (its
# `context` holds the articles). A receiver returns a `hub.returns.PostReturns` (or None): with
# one, the plan re-shares the posts that brought the most visits and thins networks that
# brought none. The results plugin answers it from the files in results/.
post_returns = signal("hub.post_returns")
