"""Voids from any page (Payments, a participant's receipts): the confirmation dialog and
staff's review of void requests, opened the same way everywhere, so the pages keep one line
each."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from outreach_app.domain.models import User
from outreach_app.services.payments import PaymentService
from outreach_app.services.voids import VoidService
from outreach_app.ui.dialogs.void_receipt import VoidReceiptDialog
from outreach_app.ui.dialogs.void_requests import VoidRequestsDialog


def void_service(payments: PaymentService) -> VoidService:
    return VoidService(payments.store)


def open_void_dialog(
    parent: QWidget,
    payments: PaymentService,
    receipt_no: str,
    actor: User,
    done: Callable[[str], None],
    filed: Callable[[str], None] | None = None,
) -> VoidReceiptDialog:
    """The confirmation (window-modal); `done` runs after a void, `filed` after a request."""
    dialog = VoidReceiptDialog(void_service(payments), receipt_no, actor, parent)
    dialog.voided.connect(done)
    if filed is not None:
        dialog.request_filed.connect(filed)
    dialog.open()
    return dialog


def open_void_requests(
    parent: QWidget, payments: PaymentService, actor: User, decided: Callable[[str], None]
) -> VoidRequestsDialog:
    dialog = VoidRequestsDialog(void_service(payments), actor, parent)
    dialog.decided.connect(decided)
    dialog.open()
    return dialog
