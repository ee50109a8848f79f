"""Receipt numbers are never issued twice by one laptop, even after it went back in time.

A receipt number is the device's prefix and a local counter (`device.next_receipt`). A laptop
restored from a backup (or a copy of another laptop's database) has an old counter, while
receipts it issued after the backup come back from the server by pull with the same prefix:
after every pulled page the counter moves past the highest of them, so the next receipt gets
a number no receipt ever had. (Receipts issued offline before the sync could tell may already
share a number with one issued before the restore: the pulled one cannot land beside it, and
is held with DUPLICATE_RECEIPT for the branch to settle, never merged silently.)
"""

from __future__ import annotations

from sqlite_utils import Database

DUPLICATE_RECEIPT = (
    "Nomor kuitansi ini sudah dipakai kuitansi lain di laptop ini (laptop dipulihkan dari "
    "cadangan atau disalin): laporkan ke kantor cabang untuk dibatalkan dan diterbitkan ulang."
)


def move_past_pulled(db: Database) -> None:
    """Moves the receipt counter past every receipt here with this device's prefix (one
    indexed lookup: the numbers are zero-padded, so the largest text is the largest number).
    Call inside the transaction that applied a pulled page."""
    (prefix,) = db.execute("SELECT receipt_prefix FROM device").fetchone()
    (top,) = db.execute(
        "SELECT max(receipt_no) FROM payments WHERE receipt_no >= ? AND receipt_no < ?",
        [f"{prefix}-", f"{prefix}."],  # '.' sorts right after '-': exactly "PREFIX-..."
    ).fetchone()
    number = str(top)[len(prefix) + 1 :] if top else ""
    if number.isdigit():
        db.execute(
            "UPDATE device SET next_receipt = ? WHERE next_receipt <= ?",
            [int(number) + 1, int(number)],
        )


def is_duplicate_receipt(error: Exception) -> bool:
    """Whether a refused insert of a pulled receipt clashed on its number."""
    return "receipt_no" in str(error)
