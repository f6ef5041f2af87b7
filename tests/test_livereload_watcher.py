"""livereload's watcher: one rebuild and one reload per burst of saves; new plugin code restarts."""

import os

from workflow.livereload import RebuildWatcher


def bump(path, text, when):
    path.write_text(text)
    os.utime(path, (when, when))


def watched(tmp_path, **callbacks):
    content, theme, code = tmp_path / "content", tmp_path / "theme", tmp_path / "plugins"
    for folder in (content, theme, code):
        folder.mkdir()
    files = [content / "a.md", theme / "base.html", tmp_path / "siteconf.py", code / "p.py"]
    for path in files:
        bump(path, "first", 1_000_000)
    watcher = RebuildWatcher(code=[code], **callbacks)
    for folder in (content, theme, code):
        watcher.watch(str(folder / "**" / "*"))
    watcher.watch(str(files[2]))
    return watcher, files


def test_saves_in_several_watched_places_make_one_rebuild(tmp_path):
    builds = []
    watcher, files = watched(tmp_path, rebuild=lambda: builds.append(1))
    # Files that were there before the preview started are not changes.
    assert watcher.examine() == (None, None) and builds == []
    for path in files[:3]:
        bump(path, "second", 2_000_000)
    (tmp_path / "content" / "b.md").write_text("new")
    changed, _ = watcher.examine()
    assert builds == [1] and changed is not None
    # Nothing new since: no rebuild, nothing to reload.
    assert watcher.examine() == (None, None) and builds == [1]
    files[0].unlink()
    changed, _ = watcher.examine()
    assert builds == [1, 1] and changed is not None


def test_new_plugin_code_restarts_the_preview_instead_of_building_with_the_old(tmp_path):
    events = []
    watcher, files = watched(
        tmp_path, rebuild=lambda: events.append("build"), restart=lambda: events.append("restart")
    )
    watcher.examine()
    bump(files[0], "an edit", 2_000_000)
    watcher.examine()
    assert events == ["build"]
    bump(files[3], "new code", 2_000_000)
    watcher.examine()
    # (A real restart replaces the process, so nothing after it runs.)
    assert events[1] == "restart"


def test_the_servers_own_first_reload_builds_nothing(tmp_path):
    builds = []
    watcher = RebuildWatcher(lambda: builds.append(1))
    watcher._changes.append(("__livereload__", 2))
    assert watcher.examine() == ("__livereload__", 2)
    assert builds == []
