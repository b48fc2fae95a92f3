"""Input specs to raw inputs, lazily: files, directories (recursive), glob patterns, "-" for
stdin, and http(s) URLs. Each problem is a Rejection a person can act on; nothing is read
before it is needed, so a directory of any size streams through."""
from __future__ import annotations

import glob
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from veille.config import Settings
from veille.errors import RejectedInput
from veille.ingest.fetch import Fetcher, is_url
from veille.model import Rejection, Source

STAGE = "ingest"
STDIN_LOCATOR = "stdin"
_OWN_FILES = (".db", ".db-wal", ".db-shm", ".db-journal", ".sqlite", ".sqlite3")
_GLOB_MAGIC = ("*", "?", "[")
# a corpus folder's own notes are not articles (they are still read when named explicitly)
_FOLDER_NOTES = ("readme", "license", "licence", "attribution", "copying")


@dataclass(frozen=True, slots=True)
class RawInput:
    """One raw input and the charset its transport declared (HTTP Content-Type), if any."""

    source: Source
    charset: str | None = None


def _mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


def _too_large(size: int, settings: Settings) -> str:
    return (f"too large: {_mb(size)} > limit {_mb(settings.max_input_bytes)} (max_input_bytes); "
            "split the file or raise the limit")


def read_file(path: Path, settings: Settings) -> RawInput | Rejection:
    locator = str(path)
    try:
        size = path.stat().st_size
        if size > settings.max_input_bytes:
            return Rejection(locator, STAGE, _too_large(size, settings))
        data = path.read_bytes()
    except FileNotFoundError:
        return Rejection(locator, STAGE, f"no such file: {path}; check the path")
    except OSError as exc:
        return Rejection(locator, STAGE, f"cannot read {path}: {exc.strerror or exc}; check its permissions")
    return RawInput(Source(locator=locator, data=data))


def _skipped(name: str) -> bool:
    stem = name.split(".", 1)[0].casefold()
    return name.startswith(".") or name.endswith(_OWN_FILES) or stem in _FOLDER_NOTES


def _walk_error(error: OSError) -> Rejection:
    return Rejection(str(error.filename), STAGE,
                     f"cannot read the directory {error.filename}: {error.strerror}; check its permissions")


def walk_directory(top: Path) -> Iterator[Path | Rejection]:
    """Files under ``top``, recursively, in sorted order, without hidden files, our own databases
    and the folder's notes (README, LICENSE, ATTRIBUTION, COPYING); unreadable folders are Rejections."""
    errors: list[OSError] = []
    for root, dirs, files in os.walk(top, onerror=errors.append):
        yield from (_walk_error(errors.pop(0)) for _ in range(len(errors)))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not _skipped(name):
                yield Path(root) / name
    yield from (_walk_error(e) for e in errors)


def read_stdin(stream: BinaryIO | None, settings: Settings) -> RawInput | Rejection:
    stream = stream if stream is not None else sys.stdin.buffer
    data = stream.read(settings.max_input_bytes + 1)
    if len(data) > settings.max_input_bytes:
        return Rejection(STDIN_LOCATOR, STAGE, f"too large: more than {_mb(settings.max_input_bytes)} "
                         "on standard input (max_input_bytes); split the input or raise the limit")
    return RawInput(Source(locator=STDIN_LOCATOR, data=data))


def read_url(url: str, fetcher: Fetcher) -> RawInput | Rejection:
    try:
        fetched = fetcher.fetch(url)
    except RejectedInput as exc:
        return Rejection(url, STAGE, exc.reason)
    return RawInput(Source(locator=url, data=fetched.data, url=fetched.url), charset=fetched.charset)


def _pattern_regex(pattern: str) -> re.Pattern[str]:
    """A glob pattern as a regular expression: "**/" any directories, "*" and "?" within one name."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:[^/]*/)*")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[" and (end := pattern.find("]", i + 2)) > 0:
            body = pattern[i + 1:end]
            out.append("[" + ("^" + re.escape(body[1:]) if body[0] in "!^" else re.escape(body)) + "]")
            i = end + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out))


def recursive_glob(pattern: str) -> Iterator[str]:
    """The paths a "**" pattern names, found by walking from the folder before its first wildcard
    without following links to directories (``glob``'s "**" follows them, forever on a loop)."""
    parts = pattern.split("/")
    fixed = next(i for i, part in enumerate(parts) if any(m in part for m in _GLOB_MAGIC))
    root = "/".join(parts[:fixed]) or ("/" if pattern.startswith("/") else ".")
    regex = _pattern_regex(pattern if fixed or pattern.startswith("/") else "./" + pattern)
    for folder, dirs, files in os.walk(root):  # followlinks=False
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in dirs + files:
            path = os.path.join(folder, name)
            if regex.fullmatch(path):
                yield path.removeprefix("./") if not pattern.startswith("./") else path


def expand_paths(spec: str) -> Iterator[Path | Rejection] | Rejection:
    path = Path(spec)
    if path.is_dir():
        return walk_directory(path)
    if path.exists():
        return iter([path])
    if any(m in spec for m in _GLOB_MAGIC):
        matches = sorted(recursive_glob(spec) if "**" in spec else glob.iglob(spec))
        if not matches:
            return Rejection(spec, STAGE, f"no file matches the pattern {spec}; check the pattern")
        return (p for m in matches for p in (walk_directory(Path(m)) if Path(m).is_dir() else [Path(m)])
                if isinstance(p, Rejection) or not _skipped(p.name))
    return Rejection(spec, STAGE, f"no such file: {spec}; check the path")


def expand(specs: Iterable[str], settings: Settings, *, stdin: BinaryIO | None,
           fetcher: Fetcher) -> Iterator[RawInput | Rejection]:
    """Each input named by ``specs``, read one at a time."""
    for spec in specs:
        spec = str(spec)
        if spec == "-":
            yield read_stdin(stdin, settings)
        elif is_url(spec):
            yield read_url(spec, fetcher)
        else:
            paths = expand_paths(spec)
            if isinstance(paths, Rejection):
                yield paths
                continue
            for path in paths:
                yield path if isinstance(path, Rejection) else read_file(path, settings)
