"""A receipt partly paid by a settled credit prints the credit and the money received under
its total, so the participant's copy matches the cash the agent took; other receipts do not."""

from __future__ import annotations

import dataclasses
import datetime as dt

from outreach_app.domain.double_payments import SettlementKind
from outreach_app.domain.models import Role, SyncStamp
from outreach_app.reference.money_text import format_rupiah
from outreach_app.services.double_payments import DoublePaymentService, credit_used
from outreach_app.services.payments import PaymentService
from outreach_app.services.printing import PrintService
from outreach_app.services.receipts import ReceiptSigner
from outreach_app.storage.store import Store
from tests.pdf_tools import pdf_pages_text


def test_a_receipt_paid_partly_by_credit_prints_the_credit_and_the_cash(
    demo_store: Store, schedule, tmp_path
) -> None:
    paid = next(p for p in demo_store.payments.all() if not p.voided and p.months >= 3)
    twin = dataclasses.replace(
        paid, stamp=SyncStamp.new(), receipt_no="LAPTOPB-000901", months=1, total=8_400,
        jkk=5_000, jkm=3_400, jht=0, discount=0, paid_at=paid.paid_at + dt.timedelta(hours=1),
    )  # fmt: skip
    demo_store.payments.add(twin)  # what a second laptop's receipt looks like once synced
    staff = dataclasses.replace(demo_store.users.all()[0], role=Role.STAFF)
    DoublePaymentService(demo_store).settle("LAPTOPB-000901", SettlementKind.CREDIT, staff)
    agent = demo_store.users.find(paid.collected_by) or demo_store.users.all()[0]
    payments = PaymentService(demo_store, schedule)
    later = payments.record(paid.participant_id, 1, agent)
    assert credit_used(demo_store, later.stamp.id) == min(8_400, later.total)
    printer = PrintService(demo_store, schedule, ReceiptSigner(demo_store))
    pdf = printer.receipt(later.receipt_no)
    (tmp_path / "credit-receipt.pdf").write_bytes(pdf)  # to render and look at
    text = " ".join(pdf_pages_text(pdf)[0].split())
    cash = later.total - min(8_400, later.total)
    assert f"Kredit dipakai (dari pembayaran sebelumnya) -{format_rupiah(8_400)}" in text
    assert f"Uang diterima {format_rupiah(cash)}" in text
    plain = " ".join(pdf_pages_text(printer.receipt(paid.receipt_no))[0].split())
    assert "Kredit dipakai" not in plain and "Uang diterima" not in plain
