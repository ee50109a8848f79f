"""The encrypted twin of a benchmark database: the same rows, protected with a password the
way the app protects a laptop's database (services/protection.py: a SQLCipher copy checked
against the original, the key file beside it). Made once next to the plain file and reused,
so an encrypted run and a plain one read exactly the same data.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from outreach_app.services.protection import Protection, ProtectionStatus
from outreach_app.storage.database import DatabaseKey
from outreach_app.storage.keyring import keyring_path

BENCH_PASSWORD = "bench-sandi-2026"


def encrypted_copy(plain: Path) -> tuple[Path, DatabaseKey]:
    """(the encrypted twin of `plain`, its key), made on first use."""
    twin = plain.with_name(f"{plain.stem}-encrypted{plain.suffix}")
    protection = Protection(twin)
    if protection.status() is not ProtectionStatus.PROTECTED:
        print(f"encrypting a copy of {plain.name} into {twin.name} (once)…", file=sys.stderr)
        for stale in (twin, keyring_path(twin)):
            stale.unlink(missing_ok=True)
        shutil.copyfile(plain, twin)
        protected = protection.protect_existing(BENCH_PASSWORD, BENCH_PASSWORD)
        if protected.backup is not None:  # the app keeps one; a benchmark needs no second copy
            protected.backup.unlink(missing_ok=True)
            keyring_path(protected.backup).unlink(missing_ok=True)
    return twin, protection.unlock(BENCH_PASSWORD)
