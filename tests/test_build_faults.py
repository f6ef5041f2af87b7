"""When the machine stops a build (full disk, refused folders, killed builds), output/ survives."""

from __future__ import annotations

import gzip
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import article_text, sample_dir, site_files, write_files
from hub.build import BuildReport, build

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = ROOT / "pelicanconf.py"
# The sample site needs about 3 MB; twice that holds the last good site and a new one.
ROOMY = "8m"


def sample_build(output: Path, echo=None, **overrides: object) -> BuildReport:
    """Build the sample into OUTPUT as `invoke build` does (warnings do not fail it)."""
    overrides = {"PATH": str(sample_dir()), "CACHE_CONTENT": False, **overrides}
    return build(SETTINGS, output, overrides=overrides, echo=echo)


def assert_one_plain_line(line: str) -> None:
    """A line for the writer: no Errno, no traceback, no absolute path."""
    assert "Errno" not in line and "Traceback" not in line and "\n" not in line
    assert tempfile.gettempdir() not in line and str(ROOT) not in line
    assert ".building-" not in line


@pytest.fixture(autouse=True)
def in_a_project(tmp_path, monkeypatch):
    """Run from the folder that holds the site, as a writer does, so lines show relative paths."""
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def mounted() -> Iterator:
    """Mount a small tmpfs at a folder (skipped where the machine does not allow mounting)."""
    mounts: list[Path] = []

    def _mount(folder: Path, size: str, *options: str) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        flags = ",".join((f"size={size}", *options))
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", flags, "tmpfs", str(folder)],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode:
            pytest.skip(f"this machine does not allow mounting a tmpfs: {done.stderr.strip()}")
        mounts.append(folder)
        return folder

    yield _mount
    for folder in reversed(mounts):
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(disk: Path, leave: int) -> None:
    """Fill the file system holding DISK until LEAVE bytes are free."""
    with (disk / "filler").open("wb", buffering=0) as filler:
        try:
            while filler.write(b"\0" * 4096):
                pass
        except OSError:
            pass
    size = (disk / "filler").stat().st_size
    os.truncate(disk / "filler", max(0, size - leave))


def test_a_full_disk_fails_a_plain_build_and_keeps_the_last_good_site(tmp_path, mounted):
    disk = mounted(tmp_path / "disk", ROOMY)
    output = disk / "output"
    first = sample_build(output)
    assert first.ok, first.errors
    before = site_files(output)
    # Room for some pages but not a whole site: Pelican fails part-way through its writes.
    fill(disk, leave=600_000)
    said: list[str] = []
    again = sample_build(output, echo=said.append)
    assert not again.ok
    assert again.errors and all("the disk holding" in line for line in again.errors), again.errors
    assert said[0].startswith("error: the disk holding ") and "free some space" in said[0]
    for line in again.errors:
        assert_one_plain_line(line)
    assert site_files(output) == before
    assert sorted(p.name for p in disk.iterdir()) == ["filler", "output"]


FSIZE_BUILD = """
import resource, signal, sys
sys.path.insert(0, sys.argv[1] + "/plugins")
from hub.build import build
# Writing past the limit then fails with EFBIG instead of killing the process.
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
limit = int(sys.argv[3])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
overrides = {"CACHE_CONTENT": False, "PATH": sys.argv[4]}
report = build(sys.argv[1] + "/pelicanconf.py", sys.argv[2], overrides=overrides, echo=print)
sys.exit(0 if report.ok else 1)
"""


def build_with_file_size_limit(output: Path, limit: int, *content: Path):
    """Build CONTENT (the sample's by default) in a process kept from writing past LIMIT bytes."""
    content = content or (sample_dir(),)
    return subprocess.run(
        [sys.executable, "-c", FSIZE_BUILD, str(ROOT), str(output), str(limit), *map(str, content)],
        capture_output=True,
        text=True,
        check=False,
        timeout=180,
    )


def test_a_file_size_limit_fails_the_build_in_one_line_and_keeps_output(tmp_path):
    # Works without mounting: the kernel refuses to let any file grow past 40 KB.
    output = tmp_path / "output"
    assert sample_build(output).ok
    before = site_files(output)
    done = build_with_file_size_limit(output, 40_000)
    assert done.returncode == 1, done.stdout + done.stderr
    errors = [line for line in done.stdout.splitlines() if line.startswith("error: ")]
    assert errors and all("larger than this machine lets a file be" in e for e in errors), errors
    for line in errors:
        assert_one_plain_line(line)
    assert "Traceback" not in done.stderr
    assert site_files(output) == before


def test_a_picture_pelican_fails_to_copy_fails_the_build(tmp_path):
    # Pelican only warns when it cannot copy a static file, and carries on: the site would go
    # out without the picture. Only the picture is too big here; every page fits.
    content = write_files(
        tmp_path / "content",
        {"articles/beans.md": article_text(), "images/big.jpg": os.urandom(300_000)},
    )
    output = tmp_path / "output"
    (output / "index.html").parent.mkdir()
    (output / "index.html").write_text("the last good site")
    done = build_with_file_size_limit(output, 200_000, content)
    assert done.returncode == 1, done.stdout + done.stderr
    errors = [line for line in done.stdout.splitlines() if line.startswith("error: ")]
    assert errors == [
        "error: output/images/big.jpg is larger than this machine lets a file be;"
        " raise the file size limit"
    ]
    assert (output / "index.html").read_text() == "the last good site"


def test_output_as_a_mount_point_is_one_line_and_untouched(tmp_path, mounted):
    output = mounted(tmp_path / "output", "1m")
    (output / "keep.html").write_text("kept")
    report = sample_build(output)
    assert report.errors == [
        "output/ is a mount point, so a build cannot swap in a new site;"
        " mount the folder above it instead, or use a plain folder for output/"
    ]
    assert (output / "keep.html").read_text() == "kept"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


def chattr(flag: str, path: Path) -> None:
    """Set or clear the immutable flag (skipped where the machine cannot)."""
    done = subprocess.run(["chattr", flag, str(path)], capture_output=True, text=True, check=False)
    if done.returncode:
        pytest.skip(f"chattr is not available here: {done.stderr.strip()}")


def test_an_immutable_output_is_one_line_and_untouched(tmp_path):
    output = tmp_path / "output"
    output.mkdir()
    (output / "keep.html").write_text("kept")
    chattr("+i", output)
    try:
        report = sample_build(output)
    finally:
        chattr("-i", output)
    assert len(report.errors) == 1
    assert report.errors[0].startswith("output/ cannot be replaced: the system refuses")
    assert "chattr -i" in report.errors[0]
    assert (output / "keep.html").read_text() == "kept"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "output"]


def test_an_unwritable_project_folder_is_one_line(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    # Root ignores permissions, so the folder is made immutable instead of read-only.
    if os.geteuid() == 0:
        chattr("+i", project)
    else:
        project.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        report = sample_build(project / "output")
    finally:
        if os.geteuid() == 0:
            chattr("-i", project)
        project.chmod(0o755)
    assert len(report.errors) == 1, report.errors
    assert report.errors[0].startswith("project/output cannot be written (permission denied);")
    assert_one_plain_line(report.errors[0])
    assert list(project.iterdir()) == []


def dead_process_id() -> int:
    """The id of a process that has finished."""
    finished = subprocess.run([sys.executable, "-c", "pass"], check=True)
    del finished
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_build_removes_what_killed_builds_left_but_not_running_ones(tmp_path):
    output = tmp_path / "output"
    dead, alive = dead_process_id(), os.getppid()
    left = [
        tmp_path / f".output.building-{dead}-abc123",
        tmp_path / f".output.old-{dead}",
        tmp_path / f".output.publish-{dead}-xyz",
    ]
    running = [tmp_path / f".output.building-{alive}-def456", tmp_path / f".output.old-{alive}"]
    for folder in left + running:
        (folder / "page").mkdir(parents=True)
        (folder / "page" / "index.html").write_text("half a site")
    # A read-only folder inside must not stop the tidy-up.
    (left[0] / "page").chmod(stat.S_IRUSR | stat.S_IXUSR)
    assert sample_build(output).ok
    assert not any(folder.exists() for folder in left)
    assert all(folder.exists() for folder in running)
    assert (output / "index.html").is_file()


def readable_by_anyone(folder: Path) -> list[str]:
    """Every path under FOLDER (and FOLDER) that another user could not read or enter."""
    wrong = []
    for path in [folder, *folder.rglob("*")]:
        mode = path.lstat().st_mode
        needed = 0o755 if stat.S_ISDIR(mode) else 0o644
        if not stat.S_ISLNK(mode) and mode & needed != needed:
            wrong.append(f"{oct(mode & 0o777)} {path.relative_to(folder.parent)}")
    return wrong


def test_every_file_and_folder_of_a_build_is_readable_by_anyone(tmp_path):
    # A strict umask would otherwise carry into what Pelican writes.
    old = os.umask(0o077)
    try:
        report = sample_build(tmp_path / "output", LINK_PREVIEWS_CARD_CACHE=str(tmp_path / "c"))
    finally:
        os.umask(old)
    assert report.ok, report.errors
    assert readable_by_anyone(tmp_path / "output") == []
    assert list((tmp_path / "output" / "images" / "cards").glob("*.png"))


def test_rsync_keeps_the_modes_readable(tmp_path):
    if not shutil.which("rsync"):
        pytest.skip("rsync is not installed")
    assert sample_build(tmp_path / "output").ok
    subprocess.run(
        ["rsync", "--archive", f"{tmp_path / 'output'}/", str(tmp_path / "server")], check=True
    )
    assert readable_by_anyone(tmp_path / "server") == []


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda kept: kept[:100], id="cut short"),
        pytest.param(lambda kept: gzip.compress(b"not a pickle at all"), id="not a pickle"),
    ],
)
def test_a_damaged_content_cache_is_dropped_with_a_warning_never_a_lasting_failure(
    tmp_path, damage
):
    cached = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CACHE_PATH": str(tmp_path / "c")}
    first = sample_build(tmp_path / "one", **cached)
    assert first.ok, first.errors
    readers = tmp_path / "c" / "ArticlesGenerator-Readers"
    readers.write_bytes(damage(readers.read_bytes()))
    again = sample_build(tmp_path / "two", **cached)
    assert again.ok, again.errors
    assert again.warnings == [
        "c/ArticlesGenerator-Readers: this cache entry was damaged, so it was rebuilt"
        " (nothing to do)"
    ]
    # The pages are those of the first build (the share kit's plan moves with the clock).
    pages = [site_files(tmp_path / name) for name in ("one", "two")]
    assert [{k: v for k, v in built.items() if not k.startswith("share/")} for built in pages] == [
        {k: v for k, v in pages[0].items() if not k.startswith("share/")}
    ] * 2
    third = sample_build(tmp_path / "three", **cached)
    assert third.ok and third.warnings == []


def test_a_project_on_a_read_only_file_system_is_one_line(tmp_path, mounted):
    project = mounted(tmp_path / "project", "1m", "ro")
    report = sample_build(project / "output")
    assert report.errors == [
        "project/output is on a read-only file system; build into a writable folder"
    ]
    assert list(project.iterdir()) == []
