"""Private persons' names and phone numbers from the sources, held only as salted digests.

The sources name officials and give a phone number; the handbook names roles only. Keeping the
names themselves in a test would publish them with the repository, so each is kept as the SHA-256
of SALT + its normalised form: lower case and single spaces for names, digits only for phone numbers.
A text (HTML tags read as spaces) is checked by hashing every run of up to MAX_WORDS words, and every run of up to four digit
groups joined together, the same way.
"""
from __future__ import annotations

import hashlib
import re

SALT = "omlaegningshaandbogen-privat-v1"
NAMES = frozenset("""
2ffe2223d32abd60ef3d41b1b0b13c9adf9ce2d0a9de8a2d04b5100638d451c1
e12aec45229991397e8116383ea6e1c5fa3fa75d6de4fd767a87e9814de19aee
91c1b137a8777fb39a80c049cd8ea5261864c05c1f08468fe513df9d9392032f
6e66881c1fb1e7bf8f4e82ddab275712127e50f32a956b467e32cfbdb6fe72ba
55e8432f5bdd4ba6a4695141e3cc7fb0a73a55c4a11e9fa8a4029e32a5022836
bfcb67b56d12132957692627d8b94bc1e17ffd4017d0e33375a251babd434138
cd54de577bd91853cbd6aff9b909d158b50aa6aacbe79e6ce3fe2b07e69ced0c
""".split())
PHONE_NUMBERS = frozenset("""
08bcac54814cc5a3c06a6d108382a98258fe883cff92d945dc18ac1c95cc1bf9
""".split())
MAX_WORDS = 3
_WORD = re.compile(r"[^\W\d_]+")
_DIGITS = re.compile(r"\d+")
_TAG = re.compile(r"<[^<>]*>")


def digest(normalised: str) -> str:
    return hashlib.sha256((SALT + normalised).encode()).hexdigest()


def private_hits(text: str, names=NAMES, phone_numbers=PHONE_NUMBERS) -> list[int]:
    """Character offsets in text where a private name or phone number starts."""
    # Tags become spaces of the same length: a name split by <strong> is still found, offsets still hold.
    text = _TAG.sub(lambda tag: " " * len(tag.group()), text)
    hits = []
    words = list(_WORD.finditer(text))
    for i, start in enumerate(words):
        for n in range(1, MAX_WORDS + 1):
            run = words[i:i + n]
            if len(run) == n and digest(" ".join(m.group().lower() for m in run)) in names:
                hits.append(start.start())
    groups = list(_DIGITS.finditer(text))
    for i, start in enumerate(groups):
        for n in range(1, 5):
            run = groups[i:i + n]
            if len(run) == n and digest("".join(m.group() for m in run)) in phone_numbers:
                hits.append(start.start())
    return hits
