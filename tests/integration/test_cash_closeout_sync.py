"""A close-out travels as the branch needs it, through a real `outreach serve` on SQLite and
PostgreSQL: the agent closes out offline (short by Rp5.000, with the reason), syncs; the
branch's laptop receives it whole, confirms the slip typed as number and short code (it has
no copy of the agent laptop's key: the close-out it holds came through the agent's own
sync), syncs; the agent's laptop then shows it received. The other agent never sees it."""

from __future__ import annotations

import pytest

from outreach_app.domain.deposit_payload import short_code
from outreach_app.services.cash_closeout import CashCloseOut, is_receipt_deposited
from outreach_app.services.deposit_slips import DepositSlips
from outreach_app.services.receipts import ReceiptSigner
from tests.integration.sync_world import field_work, services


# one store: the round trip is the laptops' (the server's rules are tried on both stores in
# test_cash_closeout_server.py), and a server process and three laptops cost ~11 s a store
@pytest.mark.parametrize("server", ["sqlite"], indirect=True)
def test_a_close_out_reaches_the_branch_and_its_confirmation_comes_back(branch, schedule) -> None:
    staff, saumlaki, ambon, villages = branch
    agent = saumlaki.user("agen.saumlaki")
    field_work(saumlaki, villages["Wowonda"], "agen.saumlaki", schedule, people=4, paid=3)
    closeout = CashCloseOut(saumlaki.store, ReceiptSigner(saumlaki.store))
    shown = closeout.preview(agent)
    assert len(shown.lines) == 3
    deposit = closeout.close(agent, shown.expected - 5_000, "uang kembalian kurang", shown)
    saumlaki.sync.sync()
    staff.sync.sync()
    ambon.sync.sync()

    at_branch = staff.store.deposits.get(deposit.stamp.id)
    assert at_branch == deposit.__class__(**{**_fields(deposit), "stamp": at_branch.stamp})
    assert staff.store.signing_keys.find(saumlaki.store.device.id) is None
    assert all(is_receipt_deposited(staff.store, line.payment) for line in shown.lines)
    assert ambon.store.deposits.find(deposit.stamp.id) is None

    code = short_code(deposit.slip_payload)
    confirmed = DepositSlips(staff.store).confirm(
        staff.user("staf.maluku"), f"{deposit.reference} {code}"
    )
    assert confirmed.received_at is not None
    staff.sync.sync()
    saumlaki.sync.sync()
    back = saumlaki.store.deposits.get(deposit.stamp.id)
    assert back.received_by == staff.user("staf.maluku").stamp.id
    assert back.amount == shown.expected - 5_000 and back.receipts == deposit.receipts
    _enrol, payments = services(saumlaki, schedule)
    assert payments.ledger(agent).in_hand == 0


def _fields(deposit: object) -> dict[str, object]:
    return {name: getattr(deposit, name) for name in deposit.__slots__}  # type: ignore[attr-defined]
