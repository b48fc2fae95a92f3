import io

from veille.config import Settings
from veille.ingest.fetch import Fetcher
from veille.ingest.sources import RawInput, expand, walk_directory
from veille.model import Rejection


def names(results):
    return [r.source.locator if isinstance(r, RawInput) else f"REJECTED {r.locator}" for r in results]


def make_tree(root):
    (root / "b").mkdir(parents=True)
    (root / "a").mkdir()
    (root / ".git").mkdir()
    for rel in ("b/2.txt", "b/1.html", "a/z.txt", "top.txt", ".hidden.txt", ".git/config", "veille.db",
                "veille.db-wal", "README.md", "LICENSE"):
        (root / rel).write_text("Titre\n\nTexte.", encoding="utf-8")


def test_sources_directory_walked_recursively_sorted_skipping_hidden_db_and_notes(tmp_path):
    make_tree(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in walk_directory(tmp_path)] == [
        "top.txt", "a/z.txt", "b/1.html", "b/2.txt"]


def test_sources_glob_file_dir_and_missing(tmp_path):
    make_tree(tmp_path)
    specs = [str(tmp_path / "b" / "*.txt"), str(tmp_path / "a"), str(tmp_path / "README.md"),
             str(tmp_path / "nope.txt"), str(tmp_path / "*.xyz")]
    with Fetcher(Settings().fetch) as fetcher:
        out = list(expand(specs, Settings(), stdin=None, fetcher=fetcher))
    assert names(out) == [str(tmp_path / "b" / "2.txt"), str(tmp_path / "a" / "z.txt"), str(tmp_path / "README.md"),
                          f"REJECTED {tmp_path / 'nope.txt'}", f"REJECTED {tmp_path / '*.xyz'}"]
    assert out[3].reason == f"no such file: {tmp_path / 'nope.txt'}; check the path"
    assert "no file matches the pattern" in out[4].reason


def test_sources_too_large_file_not_read(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"Titre\n\n" + b"x" * 3_000_000)
    with Fetcher(Settings().fetch) as fetcher:
        (out,) = expand([str(path)], Settings(max_input_bytes=1_000_000), stdin=None, fetcher=fetcher)
    assert isinstance(out, Rejection)
    assert out.reason.startswith("too large: 3.0 MB > limit 1.0 MB (max_input_bytes)")


def test_sources_stdin(tmp_path):
    with Fetcher(Settings().fetch) as fetcher:
        (out,) = expand(["-"], Settings(), stdin=io.BytesIO(b"Titre\n\nTexte."), fetcher=fetcher)
    assert out.source.locator == "stdin" and out.source.data == b"Titre\n\nTexte."


def test_sources_expanded_lazily(tmp_path):
    make_tree(tmp_path)
    consumed = []

    def specs():
        for spec in (str(tmp_path / "top.txt"), str(tmp_path / "a")):
            consumed.append(spec)
            yield spec

    with Fetcher(Settings().fetch) as fetcher:
        stream = expand(specs(), Settings(), stdin=None, fetcher=fetcher)
        next(stream)
        assert consumed == [str(tmp_path / "top.txt")]


def test_double_star_glob_does_not_follow_a_directory_link_loop(tmp_path, settings, monkeypatch):
    from veille.ingest import iter_articles

    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "x.txt").write_text("Le conseil de cercle de Kita a voté le budget.", encoding="utf-8")
    (tmp_path / "a" / "b" / "y.txt").write_text("Le maire de Nioro a inauguré un forage.", encoding="utf-8")
    (tmp_path / "a" / "b" / "loop").symlink_to(tmp_path / "a", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    out = list(iter_articles(["a/**/*.txt"], settings))
    assert sorted(a.locator for a in out) == ["a/b/y.txt", "a/x.txt"]
