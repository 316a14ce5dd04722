"""Compiled Jinja templates kept in the disk cache, for our templates and for the theme's.

Compiling is most of what a template costs in a new process, and every build and every rebuild under
`mkdocs serve` makes a new theme environment that compiles Material's templates again (a fifth of a
build with nothing else to do). Jinja stores each template's checksum with its code and compiles again
when the template changed; an entry's name adds what else decides the code: Jinja's version, the
environment's syntax settings and extensions, and a fingerprint the caller gives."""
from __future__ import annotations

import jinja2
from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket

from .diskcache import DiskCache, key


def _settings(env: Environment) -> str:
    return repr((env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
                 env.comment_start_string, env.comment_end_string, env.line_statement_prefix,
                 env.line_comment_prefix, env.trim_blocks, env.lstrip_blocks, env.newline_sequence,
                 env.keep_trailing_newline, env.optimized, sorted(env.extensions)))


class CompiledTemplates(BytecodeCache):
    def __init__(self, section: str, fingerprint: str, disk: DiskCache | None = None):
        self.section, self.fingerprint = section, fingerprint
        self.disk = disk or DiskCache(None)

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        # As Jinja's own, with the environment's settings in the entry's name: one cache serves two environments.
        bucket = Bucket(environment, key(jinja2.__version__, self.fingerprint, _settings(environment), name,
                                         filename or ""), self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self.disk.read(self.section, bucket.key)
        if data is not None:
            try:
                bucket.bytecode_from_string(data)
            except Exception:  # damaged in a way the checksum missed: compile again
                bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.disk.write(self.section, bucket.key, bucket.bytecode_to_string())
