"""Both agents see a double payment on the participant's detail (red, naming both receipts)
until staff settle it, and then the credit the next payment will use."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from outreach_app.domain.double_payments import SettlementKind
from outreach_app.domain.models import Role, SyncStamp
from outreach_app.services.double_payments import DoublePaymentService
from outreach_app.services.participants import ParticipantDirectory
from outreach_app.storage.store import Store
from outreach_app.ui.widgets.participant_detail import ParticipantDetailView


def test_a_double_payment_and_then_its_credit_show_on_the_detail(
    qtbot, demo_store: Store, directory: ParticipantDirectory, tmp_path: Path
) -> None:
    from tests.gui.test_main_window import dark_pixels

    paid = next(p for p in demo_store.payments.all() if not p.voided and p.months >= 3)
    # what a second laptop's receipt for the same months looks like once synced here
    twin = dataclasses.replace(
        paid, stamp=SyncStamp.new(), receipt_no="LAPTOPB-000777", months=1,
        paid_at=paid.paid_at.replace(minute=(paid.paid_at.minute + 1) % 60, hour=23),
    )  # fmt: skip
    demo_store.payments.add(twin)
    view = ParticipantDetailView()
    qtbot.addWidget(view)
    view.resize(520, 720)
    view.show_detail(directory.detail(paid.participant_id))
    text = view.toPlainText()
    assert "PEMBAYARAN GANDA: kuitansi LAPTOPB-000777" in text
    assert paid.receipt_no in text.split("PEMBAYARAN GANDA")[1]
    assert view.grab().save(str(tmp_path / "double.png"))
    assert dark_pixels(tmp_path / "double.png", min_width=400) > 500

    staff = dataclasses.replace(
        demo_store.users.all()[0], role=Role.STAFF
    )  # a staff account on the branch laptop
    DoublePaymentService(demo_store).settle("LAPTOPB-000777", SettlementKind.CREDIT, staff)
    view.show_detail(directory.detail(paid.participant_id))
    text = view.toPlainText()
    assert "PEMBAYARAN GANDA" not in text
    assert "Kredit Rp" in text and "dipakai pada pembayaran berikutnya" in text
    assert view.grab().save(str(tmp_path / "credit.png"))


def test_the_payment_dialog_shows_the_credit_it_uses(
    qtbot, demo_store: Store, directory: ParticipantDirectory, schedule, tmp_path: Path
) -> None:
    import datetime as dt

    from outreach_app.services.payments import PaymentService
    from outreach_app.ui.dialogs.payment import PaymentDialog

    paid = next(p for p in demo_store.payments.all() if not p.voided and p.months >= 3)
    twin = dataclasses.replace(
        paid, stamp=SyncStamp.new(), receipt_no="LAPTOPB-000778", months=1, total=8_400,
        jkk=5_000, jkm=3_400, jht=0, discount=0,
        paid_at=paid.paid_at + dt.timedelta(hours=1),
    )  # fmt: skip
    demo_store.payments.add(twin)
    staff = dataclasses.replace(demo_store.users.all()[0], role=Role.STAFF)
    DoublePaymentService(demo_store).settle("LAPTOPB-000778", SettlementKind.CREDIT, staff)
    person = demo_store.participants.get(paid.participant_id)
    agent = demo_store.users.all()[0]
    dialog = PaymentDialog(PaymentService(demo_store, schedule), person, agent, dt.date.today())
    qtbot.addWidget(dialog)
    dialog.resize(560, 420)
    text = dialog.breakdown.text()
    assert "Kredit dipakai -Rp8.400; diterima Rp" in text
    assert dialog.grab().save(str(tmp_path / "pay-credit.png"))
