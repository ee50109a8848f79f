"""Receipt prefixes that cannot collide: made from the device id until the server reserves one.

A receipt number is the device's prefix and its own counter (`SML01-000123`), made offline.
Two laptops with the same prefix would issue the same numbers, so a prefix must belong to one
device. The branch server reserves prefixes (one owner across the whole server); a laptop
that never had signal uses its *derived* prefix meanwhile, made here from its device id:

- `DERIVED_MARK` ("P") and then 10 characters of Crockford base32 of SHA-256(device id):
  11 characters, 50 bits. Among n laptops two share one with probability about n^2 / 2^51:
  about 4 in a million for 100,000 laptops (more than the whole country's agents), about 1
  in 2,000 for a million. The server still checks every reservation, so even that one is
  caught when the second laptop syncs (it is given another prefix for its next receipts).
- A prefix a person asks for (readable, like SML01) is 2 to 10 letters or digits, so it can
  never look like a derived one (always 11): nobody can take another laptop's derived prefix
  by typing it. The device table's CHECK (2-12 ASCII letters or digits) admits both.

Standard library only: the laptop, the server and the tests compute the same prefix.
"""

from __future__ import annotations

import hashlib
import re

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # no I, L, O, U: read aloud and typed safely
DERIVED_MARK = "P"
DERIVED_BITS = 50
DERIVED_LENGTH = 1 + DERIVED_BITS // 5  # 11
MIN_REQUESTED, MAX_REQUESTED = 2, 10
MAX_PREFIX = 12  # the laptop's device table and the server's column
_REQUESTED = re.compile(rf"[A-Z0-9]{{{MIN_REQUESTED},{MAX_REQUESTED}}}")
_DERIVED = re.compile(rf"{DERIVED_MARK}[{CROCKFORD}]{{{DERIVED_LENGTH - 1}}}")

PREFIX_RULE = (
    f"Awalan kuitansi {MIN_REQUESTED}-{MAX_REQUESTED} huruf atau angka (A-Z, 0-9), tanpa spasi "
    "atau tanda lain."
)


def derived_prefix(device_id: str) -> str:
    """The prefix a device uses until the server reserves one: stable for the id, 11
    characters, different for different ids but with the chance in the module docstring."""
    digest = int.from_bytes(hashlib.sha256(device_id.encode("utf-8")).digest()[:8], "big")
    digest >>= 64 - DERIVED_BITS
    chars = []
    for _ in range(DERIVED_BITS // 5):
        chars.append(CROCKFORD[digest & 31])
        digest >>= 5
    return DERIVED_MARK + "".join(reversed(chars))


def random_derived(entropy: bytes) -> str:
    """A prefix of the derived form from 8 random bytes: what the server assigns when a
    device's own derived prefix is (improbably) taken."""
    return derived_prefix("random:" + entropy.hex())


def is_derived_form(prefix: str) -> bool:
    return _DERIVED.fullmatch(prefix) is not None


def normalize_requested(text: str) -> str:
    """A prefix a person asked for, upper-cased; ValueError with PREFIX_RULE when it is not
    2-10 ASCII letters or digits."""
    stripped = text.strip()
    if not stripped.isascii():  # before upper(): "ß".upper() is "SS"
        raise ValueError(PREFIX_RULE)
    prefix = stripped.upper()
    if _REQUESTED.fullmatch(prefix) is None:
        raise ValueError(PREFIX_RULE)
    return prefix


def receipt_prefix_of(receipt_no: str) -> str:
    """The prefix of a receipt number (`SML01-000123` -> `SML01`)."""
    head, _sep, _number = receipt_no.rpartition("-")
    return head
