"""The pages tests/fixtures/minimal renders, by kind.

A kind added by CONTRIBUTING.md's recipe brings its own pages and tests (tests/test_kinds.py follows the
recipe and runs the tests that use this table), so tests pin the kinds named here and leave others alone.
"""

PAGES = {
    "forside": ["index.md"], "fase": ["faser/start.md", "faser/slut.md"], "principper": ["principper/index.md"],
    "princip": ["principper/alpha.md", "principper/beta.md"], "recovery": ["recovery.md"],
    "partnerskab": ["partnerskab.md"], "udviklingsforloeb": ["udviklingsforloeb.md"],
    "vejledning": ["vejledning/ledelse.md"], "selvevaluering": ["selvevaluering.md"],
    "kommuner": ["kommuner/index.md"], "kommune": ["kommuner/testby.md"], "sammenligning": ["sammenligning.md"],
    "ordliste": ["ordliste.md"], "data": ["data.md"], "tilgaengelighed": ["tilgaengelighed.md"], "nyt": ["nyt.md"],
    "oplaegsholdere": ["oplaegsholdere.md"],
}
