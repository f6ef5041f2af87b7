"""livereload's watcher: a burst of saves across watched folders is one rebuild and one reload."""

import os

from workflow.livereload import RebuildWatcher


def bump(path, text, when):
    path.write_text(text)
    os.utime(path, (when, when))


def test_saves_in_several_watched_places_make_one_rebuild(tmp_path):
    content, theme = tmp_path / "content", tmp_path / "theme"
    content.mkdir()
    theme.mkdir()
    article, template = content / "a.md", theme / "base.html"
    settings = tmp_path / "siteconf.py"
    for path in (article, template, settings):
        bump(path, "first", 1_000_000)
    builds = []
    watcher = RebuildWatcher(lambda: builds.append(1))
    for path in (content, theme):
        watcher.watch(str(path / "**" / "*"))
    watcher.watch(str(settings))
    watcher.examine()  # the first look records what is there
    builds.clear()
    for path in (article, template, settings):
        bump(path, "second", 2_000_000)
    (content / "b.md").write_text("new")
    changed, _ = watcher.examine()
    assert builds == [1] and changed is not None
    # Nothing new since: no rebuild, nothing to reload.
    assert watcher.examine() == (None, None) and builds == [1]
    article.unlink()
    changed, _ = watcher.examine()
    assert builds == [1, 1] and changed is not None


def test_the_servers_own_first_reload_builds_nothing(tmp_path):
    builds = []
    watcher = RebuildWatcher(lambda: builds.append(1))
    watcher._changes.append(("__livereload__", 2))
    assert watcher.examine() == ("__livereload__", 2)
    assert builds == []
