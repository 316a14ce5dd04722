"""Loading again, as `mkdocs serve` does on every save: only a changed file is parsed and validated
again; everything else keeps what it gave last time, and errors are found as before."""
from omlaegning.loader import load_handbook

KOMMUNE = "data/kommuner/testby.yaml"


def test_only_the_saved_file_is_read_again(minimal):
    first = load_handbook(minimal.root)
    minimal.replace(KOMMUNE, "resume: Testby prøver noget nyt.", "resume: Testby prøver noget andet.")
    second = load_handbook(minimal.root)
    assert second.kommuner[0].resume == "Testby prøver noget andet."
    assert second.kommuner[0] is not first.kommuner[0]
    # The files nobody saved give the very same objects: they were not parsed or validated again.
    assert second.principper == first.principper
    assert all(a is b for a, b in zip(second.principper, first.principper))
    assert second.haandbog is first.haandbog


def test_a_file_broken_and_mended_between_loads(minimal):
    load_handbook(minimal.root)
    minimal.replace(KOMMUNE, "resume: Testby prøver noget nyt.", "resume: [Testby")
    errors = minimal.errors()
    assert [e.file for e in errors] == [KOMMUNE]
    minimal.replace(KOMMUNE, "resume: [Testby", "resume: Testby igen.")
    assert load_handbook(minimal.root).kommuner[0].resume == "Testby igen."


def test_checks_across_files_run_even_when_no_file_changed(minimal):
    load_handbook(minimal.root)
    principle = next((minimal.root / "concept" / "principper").glob("*.yaml"))
    principle_id = principle.stem
    principle.unlink()  # the files that refer to it are unchanged, and now wrong
    errors = minimal.errors()
    assert errors and all(principle_id in e.message for e in errors)


def test_a_single_build_keeps_no_file_for_a_next_load(minimal):
    first = load_handbook(minimal.root, remember=False)
    second = load_handbook(minimal.root)
    assert second.haandbog == first.haandbog and second.haandbog is not first.haandbog
