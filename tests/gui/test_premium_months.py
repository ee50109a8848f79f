"""The premium month by month (ui/widgets/premium_months.py) in the payment dialog and the
enrolment form: when a relief ends inside the period the months are shown apart, and the
amounts on screen add up to the total shown, in Indonesian and in English. Screenshots at
1366x768 go to OUTREACH_SCREENSHOTS (a folder) when it is set, to be looked at."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QLabel

from outreach_app.domain.errors import DomainError
from outreach_app.domain.models import Participant, Sector
from outreach_app.reference.money_text import parse_rupiah
from outreach_app.reference.regions import RegionDirectory
from outreach_app.services.enrolment import EnrolmentService
from outreach_app.services.payments import PaymentService
from outreach_app.services.setup import current_user
from outreach_app.storage.store import Store
from outreach_app.ui.dialogs.enrolment import EnrolmentDialog
from outreach_app.ui.dialogs.payment import PaymentDialog
from outreach_app.ui.translations import QT_LOCALES, install_translators
from outreach_app.ui.widgets.combo import current_enum
from outreach_app.ui.widgets.premium_months import PremiumMonthsView
from tests.conftest import TODAY
from tests.gui.test_main_window import dark_pixels

DECEMBER = dt.date(2026, 12, 1)


@pytest.fixture(params=["id", "en"])
def language(request, qapp):
    translators = install_translators(qapp, request.param)
    yield request.param
    for translator in translators:
        qapp.removeTranslator(translator)
        translator.setParent(None)
    QLocale.setDefault(QT_LOCALES["id"])


def rupiah(label: QLabel) -> int:
    return parse_rupiah(label.text().replace("<b>", "").replace("</b>", ""))


def shown_amounts(view: PremiumMonthsView) -> tuple[list[int], int]:
    """The line amounts and the total, read back from the labels on screen."""
    assert view.isVisible()
    assert all(label.isVisible() for label in view.amount_labels)
    return [rupiah(label) for label in view.amount_labels], rupiah(view.total_label)


def screenshot(widget, name: str, tmp_path: Path) -> Path:
    folder = Path(os.environ.get("OUTREACH_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{name}.png"
    assert widget.grab().save(str(target))
    return target


def other_sector_self_payer(
    store: Store, service: PaymentService, start: dt.date, months: int
) -> Participant:
    """A self-paying, non-transport participant with JHT who may pay `months` months from
    `start` under the one-payment-per-month rule (months already paid are refused)."""
    rows = store.db.execute(
        "SELECT id FROM participants WHERE sector = 'other' AND payer_id IS NULL "
        "AND deleted = 0 AND status != 'draft' AND include_jht = 1 ORDER BY id"
    ).fetchall()
    for (participant_id,) in rows:
        participant = store.participants.get(str(participant_id))
        try:
            service.check_months(participant, months, start, TODAY)
        except DomainError:
            continue
        return participant
    raise AssertionError(f"no participant may pay {months} months from {start}")


def test_payment_dialog_shows_december_apart_and_the_lines_add_up(
    qtbot, demo_store: Store, schedule, language: str, tmp_path: Path
) -> None:
    service = PaymentService(demo_store, schedule)
    participant = other_sector_self_payer(demo_store, service, DECEMBER, 3)
    dialog = PaymentDialog(service, participant, current_user(demo_store), TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.period.first_month.setDate(QDate(2026, 12, 1))
    dialog.months.setCurrentIndex(dialog.months.findData(3))
    view = dialog.months_view
    quote = view.breakdown
    assert quote is not None and quote.months == 3 and not quote.uniform
    lines, total = shown_amounts(view)
    assert len(lines) == 2  # December with the relief; January-February without
    assert sum(lines) == total == quote.total
    december, rest = quote.per_month[0], quote.per_month[1]
    assert lines == [december.total, 2 * rest.total]
    assert december.discount > 0 and rest.discount == 0
    assert view.count_labels[1].text() == f"2 × Rp{rest.total:,}".replace(",", ".")
    assert view.count_labels[0].text().startswith("1 × ")
    assert "PP 50/2025" in view.note_label.text()
    dialog.resize(dialog.sizeHint())
    assert dialog.width() <= 1366 and dialog.height() <= 768
    shot = screenshot(dialog, f"payment-dialog-{language}", tmp_path)
    assert dark_pixels(shot, min_width=500) > 500


@pytest.mark.parametrize("months", [1, 6, 12])
def test_payment_dialog_lines_add_up_for_any_period(
    qtbot, demo_store: Store, schedule, months: int
) -> None:
    service = PaymentService(demo_store, schedule)
    participant = other_sector_self_payer(demo_store, service, dt.date(2026, 11, 1), months)
    dialog = PaymentDialog(service, participant, current_user(demo_store), TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.period.first_month.setDate(QDate(2026, 11, 1))
    dialog.months.setCurrentIndex(dialog.months.findData(months))
    lines, total = shown_amounts(dialog.months_view)
    assert sum(lines) == total == dialog.months_view.breakdown.total  # type: ignore[union-attr]
    assert len(lines) == (1 if months == 1 else 2)  # Nov-Dec relieved, then full months


def test_enrolment_form_shows_the_months_apart_and_they_add_up(
    qtbot, demo_store: Store, schedule, language: str, tmp_path: Path
) -> None:
    service = EnrolmentService(demo_store, schedule, RegionDirectory(), lambda: DECEMBER)
    view = demo_store.reader()
    dialog = EnrolmentDialog(
        service, list(view.villages.all()), list(view.payers.all()), current_user(demo_store)
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert current_enum(dialog.sector, Sector) is Sector.OTHER
    qtbot.keyClicks(dialog.full_name, "Fransina Batlayeri")
    qtbot.keyClicks(dialog.income, "1.000.000")
    dialog.months.setCurrentIndex(dialog.months.findData(3))
    months_view = dialog.months_view
    lines, total = shown_amounts(months_view)
    # December 2026 relieved (Rp8.400), January-February 2027 full (2 x Rp16.800)
    assert lines == [8_400, 33_600] and total == 42_000 == sum(lines)
    assert "Nelayan" in dialog.sector.toolTip() or "Fishers" in dialog.sector.toolTip()
    dialog.resize(1366, 768)
    shot = screenshot(dialog, f"enrolment-form-{language}", tmp_path)
    assert dark_pixels(shot, min_width=900) > 800
    # above the ceiling: the base is the ceiling, said next to the income
    dialog.income.setText("30.000.000")
    assert "20.700.000" in dialog.income_note.text()
    lines, total = shown_amounts(months_view)
    assert sum(lines) == total


def test_a_transport_participant_s_months_are_one_line(qtbot, demo_store: Store, schedule) -> None:
    service = EnrolmentService(demo_store, schedule, RegionDirectory(), lambda: DECEMBER)
    view = demo_store.reader()
    dialog = EnrolmentDialog(
        service, list(view.villages.all()), list(view.payers.all()), current_user(demo_store)
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.sector.setCurrentIndex(dialog.sector.findData(Sector.TRANSPORT))
    qtbot.keyClicks(dialog.income, "1.000.000")
    dialog.months.setCurrentIndex(dialog.months.findData(3))
    lines, total = shown_amounts(dialog.months_view)
    assert lines == [25_200] and total == 25_200  # 3 x Rp8.400: relief until March 2027
