import datetime
import os
import subprocess

from omlaegning.history import Change, read_history


def commit(root, message, date):
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
           "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", "add", "-A"], cwd=root, check=True, env=env)
    subprocess.run(["git", "commit", "-qm", message], cwd=root, check=True, env=env)


def test_changes_and_each_files_last_date(tmp_path):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / "concept").mkdir()
    (tmp_path / "concept/a.yaml").write_text("a: 1\n")
    (tmp_path / "concept/b.yaml").write_text("b: 1\n")
    commit(tmp_path, "first", "2026-01-05T10:00:00+01:00")
    (tmp_path / "concept/b.yaml").write_text("b: 2\n")
    (tmp_path / "concept/a.yaml").unlink()
    (tmp_path / "README.md").write_text("x\n")  # outside the content: not history
    commit(tmp_path, "second", "2026-11-23T10:00:00+01:00")
    history = read_history(tmp_path)
    assert history.changes == (
        Change(datetime.date(2026, 11, 23), "D", "concept/a.yaml"),
        Change(datetime.date(2026, 11, 23), "M", "concept/b.yaml"),
        Change(datetime.date(2026, 1, 5), "A", "concept/a.yaml"),
        Change(datetime.date(2026, 1, 5), "A", "concept/b.yaml"),
    )
    assert history.last_changed() == {
        "concept/a.yaml": datetime.date(2026, 11, 23),
        "concept/b.yaml": datetime.date(2026, 11, 23),
    }


def test_outside_git_there_is_no_history(tmp_path):
    (tmp_path / "concept").mkdir()
    assert read_history(tmp_path).changes == ()


def test_the_editors_lines_for_readers_come_with_each_file_of_their_commit(tmp_path):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / "data").mkdir()
    (tmp_path / "data/a.yaml").write_text("a: 1\n")
    (tmp_path / "data/b.yaml").write_text("b: 1\n")
    commit(tmp_path, "Tilføj Roskilde\n\nNoter til redaktionen.\nNyt: Roskildes side er ny.\nNyt:   Og ARK er med.\n"
                     "Ikke Nyt: dette\n", "2026-12-01T10:00:00+01:00")
    (tmp_path / "data/a.yaml").write_text("a: 2\n")
    commit(tmp_path, "Stavefejl", "2026-12-02T10:00:00+01:00")
    changes = read_history(tmp_path).changes
    assert [(c.file, c.nyt) for c in changes] == [
        ("data/a.yaml", ()),
        ("data/a.yaml", ("Roskildes side er ny.", "Og ARK er med.")),
        ("data/b.yaml", ("Roskildes side er ny.", "Og ARK er med.")),
    ]
    assert changes[1].commit == changes[2].commit != changes[0].commit
