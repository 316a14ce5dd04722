"""argparse that speaks Danish to the editors: usage, help headings and the errors it raises itself.

argparse builds its messages from fixed English templates; each template it can show an editor is
matched here and said in Danish, with the values argparse put into it.
"""
from __future__ import annotations

import argparse
import re
import sys

_ERRORS = [
    (re.compile(r"^argument (?P<a>\S+): invalid choice: (?P<v>.+?) \(choose from (?P<c>.+)\)$"),
     "{a}: '{v}' findes ikke; vælg mellem {c}"),
    (re.compile(r"^invalid choice: (?P<v>.+?) \(choose from (?P<c>.+)\)$"), "'{v}' findes ikke; vælg mellem {c}"),
    (re.compile(r"^unrecognized arguments: (?P<v>.+)$"), "ukendt tilføjelse til kommandoen: {v}"),
    (re.compile(r"^the following arguments are required: (?P<v>.+)$"), "mangler: {v}"),
    (re.compile(r"^argument (?P<a>\S+): expected one argument$"), "{a} skal efterfølges af en værdi"),
    (re.compile(r"^argument (?P<a>\S+): ignored explicit argument (?P<v>.+)$"), "{a} tager ingen værdi (fik {v})"),
    (re.compile(r"^ambiguous option: (?P<a>\S+) could match (?P<c>.+)$"), "{a} kan betyde flere ting: {c}"),
]
_HEADINGS = {"usage: ": "brug: ", "\noptions:\n": "\ntilvalg:\n", "\npositional arguments:\n": "\nargumenter:\n"}


def danish(message: str) -> str:
    """argparse's English message in Danish; quotes around values made plain."""
    for pattern, danish_template in _ERRORS:
        if match := pattern.match(message):
            values = {k: v.replace("'", "") for k, v in match.groupdict().items()}
            return danish_template.format(**values)
    return message


class DanishArgumentParser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, add_help=False, **kwargs)
        self.add_argument("-h", "--hjaelp", action="help", help="vis denne hjælp og stop")

    def _translated(self, text: str) -> str:
        for english, danish_heading in _HEADINGS.items():
            text = text.replace(english, danish_heading)
        return text

    def format_usage(self) -> str:
        return self._translated(super().format_usage())

    def format_help(self) -> str:
        return self._translated(super().format_help())

    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fejl: {danish(message)}\n")
