import datetime
import os
import subprocess

from omlaegning.history import last_changed


def commit(root, message, date):
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
           "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", "add", "-A"], cwd=root, check=True, env=env)
    subprocess.run(["git", "commit", "-qm", message], cwd=root, check=True, env=env)


def test_each_file_gets_the_date_of_its_own_last_commit(tmp_path):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / "concept").mkdir()
    (tmp_path / "concept/a.yaml").write_text("a: 1\n")
    (tmp_path / "concept/b.yaml").write_text("b: 1\n")
    commit(tmp_path, "first", "2026-01-05T10:00:00+01:00")
    (tmp_path / "concept/b.yaml").write_text("b: 2\n")
    (tmp_path / "README.md").write_text("x\n")
    commit(tmp_path, "second", "2026-11-23T10:00:00+01:00")
    assert last_changed(tmp_path) == {
        "concept/a.yaml": datetime.date(2026, 1, 5),
        "concept/b.yaml": datetime.date(2026, 11, 23),
    }


def test_outside_git_there_are_no_dates(tmp_path):
    (tmp_path / "concept").mkdir()
    assert last_changed(tmp_path) == {}
