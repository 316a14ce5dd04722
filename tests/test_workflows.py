"""The GitHub Actions workflows: valid, hardened (zizmor finds nothing), and publishing only what was checked."""
import json
import re
import subprocess
import sys
import sysconfig
from pathlib import Path

import yaml

from helpers import REPO

WORKFLOWS = REPO / ".github" / "workflows"
FILES = sorted(WORKFLOWS.glob("*.yml"))


def workflow(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def all_jobs() -> list[tuple[str, str, dict]]:
    return [(path.name, job_id, job) for path in FILES for job_id, job in workflow(path.name)["jobs"].items()]


def test_workflows_match_githubs_schema():
    assert [path.name for path in FILES] == ["tjek.yml", "udgiv.yml"]
    # check-jsonschema carries GitHub's workflow schema inside the package: no download needed.
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                             *map(str, FILES)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing():
    # Offline: the audits that ask GitHub (impostor commits, known-vulnerable actions) need a token and network.
    # --no-ignores: a finding silenced by a comment in the workflow still counts.
    zizmor = Path(sysconfig.get_path("scripts")) / "zizmor"
    result = subprocess.run([str(zizmor), "--offline", "--no-ignores", "--strict-collection", "--format", "json",
                             *map(str, FILES)], capture_output=True, text=True, cwd=REPO)
    findings = [f"{f['ident']}: {f['desc']} ({f['locations'][0]['concrete']['location']['start_point']})"
                for f in json.loads(result.stdout or "[]")]
    assert findings == []
    assert result.returncode == 0, result.stderr


def test_every_action_is_pinned_to_a_commit_named_by_its_version():
    uses = [line.strip() for path in FILES for line in path.read_text(encoding="utf-8").splitlines()
            if re.match(r"\s*(- )?uses:", line)]
    # $/ is this repository at the running commit; everything else is a full SHA with the release it is.
    pinned = re.compile(r"(- )?uses: (\$/\S+|[\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+)")
    assert uses and [u for u in uses if not pinned.fullmatch(u)] == []


def test_every_checkout_drops_its_credentials():
    checkouts = [step for *_, job in all_jobs() for step in job.get("steps", [])
                 if step.get("uses", "").startswith("actions/checkout@")]
    assert checkouts and all(step.get("with", {}).get("persist-credentials") is False for step in checkouts)


def test_only_the_deploying_job_and_the_lock_after_it_may_write():
    assert all(workflow(path.name)["permissions"] == {} for path in FILES)
    writers = {(name, job_id): {scope for scope, access in job["permissions"].items() if access == "write"}
               for name, job_id, job in all_jobs()}
    deployers = {(name, job_id) for name, job_id, job in all_jobs()
                 if any(step.get("uses", "").startswith("actions/deploy-pages@") for step in job.get("steps", []))}
    lockers = {(name, job_id) for name, job_id, job in all_jobs()
               if any("omlaegning lock" in step.get("run", "") for step in job.get("steps", []))}
    assert {job: scopes for job, scopes in writers.items() if scopes} == (
        dict.fromkeys(deployers, {"pages", "id-token"}) | dict.fromkeys(lockers, {"contents"}))


def test_links_are_locked_only_once_they_are_published():
    # A draft's links are never locked, so it can be renamed or deleted before it is published.
    jobs = workflow("udgiv.yml")["jobs"]
    (lock_id, lock_job), = [(i, j) for i, j in jobs.items()
                            if any("omlaegning lock" in s.get("run", "") for s in j.get("steps", []))]
    deploy_id = lock_job["needs"]
    assert any(step.get("uses", "").startswith("actions/deploy-pages@") for step in jobs[deploy_id]["steps"])
    script = lock_job["steps"][-1]["run"]
    assert "git commit -m" in script and script.split("git commit", 1)[1].split("\n")[0].endswith("-- links.lock")
    assert all("omlaegning lock" not in step.get("run", "") for step in workflow("tjek.yml")["jobs"]["tjek"]["steps"])


def test_publishing_waits_for_the_checks_of_the_same_commit():
    publish = workflow("udgiv.yml")["jobs"]
    deploy_id, = [job_id for job_id, job in publish.items()
                  if any(step.get("uses", "").startswith("actions/deploy-pages@") for step in job.get("steps", []))]
    # $/ calls tjek.yml as it stands in the commit being published.
    check_id = publish[deploy_id]["needs"]
    assert publish[check_id]["uses"] == "$/.github/workflows/tjek.yml"
    assert publish[check_id]["with"] == {"udgiv": True}
    # The Pages artifact is the site that tjek.yml's job built after the check and the tests passed.
    check_job, = workflow("tjek.yml")["jobs"].values()
    order = [step.get("run") or step["uses"].split("@")[0] for step in check_job["steps"]]
    gates = [".venv/bin/omlaegning --github check", ".venv/bin/python -m pytest", ".venv/bin/mkdocs build --strict"]
    assert [step for step in order if step in gates] == gates
    assert order[-2:] == [".venv/bin/omlaegning pdf site", "actions/upload-pages-artifact"]  # the PDFs go along
    assert check_job["steps"][-1]["if"] == "inputs.udgiv" and check_job["steps"][-1]["with"]["path"] == "site"


def readme_commands() -> list[str]:
    return [line.strip() for line in (REPO / "README.md").read_text(encoding="utf-8").splitlines()
            if line.startswith("    python3 -m venv .venv")]


def test_ci_installs_from_the_locks_as_the_readme_does():
    serve, tests = readme_commands()
    assert "-r requirements/runtime.txt" in serve and "requirements/test.txt" not in serve
    assert tests in (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    check_job, = workflow("tjek.yml")["jobs"].values()
    install = [step["run"] for step in check_job["steps"] if "pip install" in step.get("run", "")]
    assert install == [tests.removesuffix(" && .venv/bin/python -m pytest")]
    # The pip cache is keyed on the lock files: a new lock starts a new cache.
    python, = [step["with"] for step in check_job["steps"] if step.get("uses", "").startswith("actions/setup-python@")]
    assert python["cache"] == "pip"
    locks = {REPO / "requirements" / "runtime.txt", REPO / "requirements" / "test.txt"}
    assert locks <= set(REPO.glob(python["cache-dependency-path"]))


def test_pre_commit_runs_the_same_check_as_the_pull_request():
    hook, = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0]["hooks"]
    check_job, = workflow("tjek.yml")["jobs"].values()
    in_ci = [step["run"] for step in check_job["steps"] if "omlaegning" in step.get("run", "") and "check" in step["run"]]
    assert [command.replace(" --github", "") for command in in_ci] == [hook["entry"]]
    assert re.match(hook["files"], "data/kommuner/nyby.yaml") and re.match(hook["files"], "docs/redaktoerer.md")
