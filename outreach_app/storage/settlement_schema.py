"""The payment_settlements table (storage/settlements.py): insert-only, like receipts."""

SCHEMA = """
CREATE TABLE payment_settlements (
    id TEXT PRIMARY KEY NOT NULL,
    updated_hlc TEXT NOT NULL,
    device_id TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    participant_id TEXT NOT NULL,
    payment_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('credit', 'refund', 'use')),
    amount INTEGER NOT NULL CHECK (amount > 0),
    decided_by TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT 'double_payment',
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX payment_settlements_participant ON payment_settlements (participant_id);
CREATE INDEX payment_settlements_payment ON payment_settlements (payment_id);
CREATE TRIGGER payment_settlements_are_never_edited BEFORE UPDATE ON payment_settlements
WHEN NEW.participant_id IS NOT OLD.participant_id OR NEW.payment_id IS NOT OLD.payment_id
  OR NEW.kind IS NOT OLD.kind OR NEW.amount IS NOT OLD.amount
  OR NEW.decided_by IS NOT OLD.decided_by OR NEW.decided_at IS NOT OLD.decided_at
  OR NEW.source IS NOT OLD.source OR NEW.note IS NOT OLD.note OR NEW.deleted IS NOT OLD.deleted
BEGIN
  SELECT RAISE(ABORT, 'settlement locked: a settlement is never edited');
END;
CREATE TRIGGER payment_settlements_are_never_deleted BEFORE DELETE ON payment_settlements
BEGIN
  SELECT RAISE(ABORT, 'settlement locked: a settlement is never deleted');
END;
"""
# No foreign keys: a settlement may arrive by sync before (or without) the receipt it names.
