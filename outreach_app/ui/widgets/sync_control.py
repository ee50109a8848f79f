"""The sync control in the status bar: online or offline, last sync, changes waiting, a Sync
button with progress and cancel, problems to act on, and a quiet sync every few minutes; beside
it the Bundel menu, sync by file for places with no signal (ui/bundle_actions.py).

Sync runs on the worker thread over its own connection (services.sync.SyncJobs). A failed
automatic sync waits longer each time (5, 10, 20 ... up to 60 minutes) so a laptop without
signal does not keep its radio busy; pressing Sync always tries at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QWidget,
)

from outreach_app.reference.money_text import format_count
from outreach_app.services.rewind import notice_pending
from outreach_app.services.sync import SyncReport, SyncService, SyncStatus
from outreach_app.ui.workers import TaskContext, Worker

if TYPE_CHECKING:  # the bundle actions and the dialogs load when first used
    from outreach_app.ui.bundle_actions import BundleActions
    from outreach_app.ui.dialogs.duplicates import DuplicateReviewDialog
    from outreach_app.ui.dialogs.sync import SignInDialog, SyncProblemsDialog

AUTO_SYNC_MS = 5 * 60 * 1000
MAX_BACKOFF = 12  # x 5 minutes


class SyncControl(QWidget):
    synced = Signal(object)  # the SyncReport, after a sync that changed this laptop's data
    finished = Signal()  # after any attempt, successful or not

    def __init__(
        self,
        service: SyncService,
        worker: Worker,
        parent: QWidget | None = None,
        bundles: BundleActions | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._worker = worker
        self._bundles = bundles
        self._task: TaskContext | None = None
        self._online: bool | None = None
        self._backoff = 1
        self._merged_news = 0  # records merged by the branch, received since last shown
        self.dialog: SignInDialog | SyncProblemsDialog | None = None
        self.reviews_dialog: DuplicateReviewDialog | None = None
        self.message: QMessageBox | None = None  # the last word about the certificate
        self.label = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(160)
        self.progress.setVisible(False)
        self.sync_button = QPushButton(self.tr("Sinkronkan"))
        self.cancel_button = QPushButton(self.tr("Batal"))
        self.cancel_button.setVisible(False)
        self.problems_button = QPushButton()
        self.problems_button.setVisible(False)
        self.bundle_button = QPushButton(self.tr("Bundel"))
        self.bundle_button.setToolTip(self.tr("Sinkron lewat berkas, untuk desa tanpa sinyal"))
        self.bundle_button.setVisible(bundles is not None)
        if bundles is not None:
            self.bundle_button.setMenu(bundles.menu)
            bundles.busy_changed.connect(self._bundle_busy)
            bundles.answer_imported.connect(self._answer_imported)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label, self.progress, self.sync_button, self.cancel_button,
                       self.bundle_button, self.problems_button):  # fmt: skip
            layout.addWidget(widget)
        self.sync_button.clicked.connect(lambda: self.start(quiet=False))
        self.cancel_button.clicked.connect(self.cancel)
        self.problems_button.clicked.connect(self.show_problems)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(lambda: self.start(quiet=True))
        self.refresh()
        if service.signed_in():
            self.timer.start(AUTO_SYNC_MS)

    @property
    def running(self) -> bool:
        return self._task is not None

    def refresh(self) -> SyncStatus:
        status = self._service.status()
        state = {None: self.tr("Luring"), False: self.tr("Luring"), True: self.tr("Daring")}
        last = _when(status.last_sync) or self.tr("belum pernah")
        self.label.setText(
            self.tr("{state} · sinkron terakhir: {last} · {n} perubahan menunggu").format(
                state=state[self._online], last=last, n=format_count(status.waiting)
            )
        )
        problems = status.parked + status.held
        new_device = notice_pending(self._service.store)  # told once, in the problems dialog
        self.problems_button.setVisible(problems > 0 or self._merged_news > 0 or new_device)
        if problems:
            self.problems_button.setText(self.tr("Masalah ({n})").format(n=problems))
        elif new_device:
            self.problems_button.setText(self.tr("Perangkat baru"))
        else:  # nothing to fix, but the branch merged records of this laptop: say so once
            self.problems_button.setText(
                self.tr("Duplikat digabung ({n})").format(n=self._merged_news)
            )
        return status

    # --- running -------------------------------------------------------------------------

    def start(self, quiet: bool = False) -> None:
        if self.running or (self._bundles is not None and self._bundles.running):
            return  # one at a time: a sync and a bundle answer both acknowledge changes
        if not self._service.signed_in():
            if not quiet:
                self.ask_sign_in()
            return
        jobs = self._service.jobs()

        def run(context: TaskContext) -> SyncReport:
            def progress(_stage: str, done: int, total: int) -> None:
                context.progress(done, total)

            return jobs.sync(progress, lambda: context.cancelled)

        self._busy(True)
        self._task = self._worker.run(run, self._done, self._failed, self._progressed)

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.cancel_button.setEnabled(False)

    def ask_sign_in(self) -> SignInDialog:
        from outreach_app.ui.dialogs.sync import SignInDialog  # loads Qt.* (~15 ms): not at start

        dialog = SignInDialog(self._service.server() or "", self._service.username() or "",
                              self.window(), self._service.plain_http_allowed())  # fmt: skip
        dialog.accepted.connect(lambda: self.sign_in(*dialog.answers()))
        self.dialog = dialog
        dialog.open()
        return dialog

    def sign_in(self, server: str, username: str, password: str, fingerprint: str = "") -> None:
        jobs = self._service.jobs()
        same = server.rstrip("/") == (self._service.server() or "").rstrip("/")
        pinned = self._service.certificate_fingerprint() if same else None

        def signed_in(_role: str) -> None:
            self._busy(False)
            now = self._service.certificate_fingerprint()
            if now and not fingerprint and now != pinned:  # trusted on first use: show it
                self._tell(QMessageBox.Icon.Information, self.tr(
                    "Sertifikat server cabang ini belum dikenal laptop ini; mulai sekarang hanya "
                    "sertifikat ini yang dipercaya.\n\nSidik jari SHA-256:\n{fingerprint}\n\n"
                    "Cocokkan dengan sidik jari dari kantor cabang; bila berbeda, jangan sinkron "
                    "dan hubungi cabang."
                ).format(fingerprint=now))  # fmt: skip
            self.start()

        self._busy(True)
        self._task = self._worker.run(
            lambda _context: jobs.sign_in(server, username, password, fingerprint or None),
            signed_in,
            self._failed,
        )

    def _tell(self, icon: QMessageBox.Icon, text: str) -> QMessageBox:
        """A message about the server's certificate or address: it matters too much for a
        tooltip (one at a time: a quiet sync refused again replaces the last one)."""
        from PySide6.QtCore import Qt  # Qt's namespace costs ~15 ms: not at start

        if self.message is not None:
            self.message.close()
        box = QMessageBox(icon, self.tr("Keamanan sambungan ke server cabang"), text,
                          QMessageBox.StandardButton.Ok, self.window())  # fmt: skip
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = box
        box.open()
        return box

    def show_problems(self) -> SyncProblemsDialog:
        from outreach_app.ui.dialogs.sync import SyncProblemsDialog  # on first use, as above

        dialog = SyncProblemsDialog(self._service, self.window())
        dialog.finished.connect(lambda _result: self.refresh())
        dialog.reviews_requested.connect(self.show_reviews)
        self._merged_news = 0
        self.dialog = dialog
        dialog.open()
        return dialog

    def show_reviews(self) -> DuplicateReviewDialog | None:
        """The branch's duplicate-review queue (staff); a decision is followed by a sync."""
        from outreach_app.services.duplicates import DuplicateDesk
        from outreach_app.ui.dialogs.duplicates import DuplicateReviewDialog

        if not self._service.signed_in():
            self.ask_sign_in()
            return None
        from outreach_app.sync.errors import UntrustedServer

        try:
            queue = DuplicateDesk(self._service).queue()
        except UntrustedServer as exc:  # the address refused here, before any connection
            self._tell(QMessageBox.Icon.Warning, str(exc))
            return None
        dialog = DuplicateReviewDialog(queue, self._worker, self.window())
        dialog.resolved.connect(lambda _review: self.start(quiet=False))
        self.reviews_dialog = dialog
        dialog.open()
        return dialog

    # --- answers -------------------------------------------------------------------------

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _done(self, report: SyncReport) -> None:
        self._busy(False)
        self._online, self._backoff = True, 1
        self._note_merged(report)
        self.refresh()
        summary = self.tr("Terkirim {sent}, diterima {received}").format(
            sent=format_count(report.pushed), received=format_count(report.applied)
        )
        if report.rejected:
            summary += self.tr(", ditolak {n}").format(n=format_count(report.rejected))
        if report.reference:
            summary += self.tr("; data referensi baru: {names} (berlaku saat aplikasi dibuka "
                               "lagi)").format(names=", ".join(report.reference))  # fmt: skip
        for problem in report.reference_problems:
            summary += self.tr("; data referensi tidak diambil: {reason}").format(reason=problem)
        if report.new_device:
            summary += self.tr("; laptop ini kini tersinkron sebagai perangkat baru")
        if report.cancelled:
            summary = self.tr("Sinkron dibatalkan; yang sudah terkirim aman.")
        self.setToolTip(summary)
        self.synced.emit(report)
        self._schedule()
        self.finished.emit()

    def _failed(self, error: Exception) -> None:
        from outreach_app.storage.sync_lock import SyncBusy
        from outreach_app.sync.client import SyncDenied, SyncUnavailable
        from outreach_app.sync.errors import UntrustedServer

        self._busy(False)
        if isinstance(error, SyncBusy):  # `outreach sync` or another window on this file
            self.setToolTip(str(error))
        elif isinstance(error, UntrustedServer):  # refused by this laptop: nothing was sent
            self._online = False
            self._backoff = min(self._backoff * 2, MAX_BACKOFF)
            self.setToolTip(str(error))
            self._tell(QMessageBox.Icon.Warning, str(error))
        elif isinstance(error, SyncUnavailable):
            self._online = False
            self._backoff = min(self._backoff * 2, MAX_BACKOFF)
            self.setToolTip(str(error))
        elif isinstance(error, SyncDenied):
            self._online = True
            self.setToolTip(str(error))
            if error.status == 401:
                self.ask_sign_in()
        else:
            raise error
        self.refresh()
        self._schedule()
        self.finished.emit()

    def _decides_reviews(self) -> bool:
        from outreach_app.services.duplicates import DuplicateDesk

        return DuplicateDesk(self._service).reviewer()

    def _bundle_busy(self, busy: bool) -> None:
        self.sync_button.setEnabled(not busy)

    def _answer_imported(self, report: SyncReport) -> None:
        """An answer bundle changed this laptop's data as a sync does: the same path on."""
        self._note_merged(report)
        self.refresh()
        self.synced.emit(report)

    def _note_merged(self, report: SyncReport) -> None:
        if report.merged and not self._decides_reviews():  # staff made the decision
            self._merged_news += report.merged

    def _busy(self, busy: bool) -> None:
        if not busy:
            self._task = None
        self.bundle_button.setEnabled(not busy)
        self.progress.setRange(0, 0)
        self.progress.setVisible(busy)
        self.sync_button.setVisible(not busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)

    def _schedule(self) -> None:
        if self._service.signed_in():
            self.timer.start(AUTO_SYNC_MS * self._backoff)


def _when(stamp: str | None, now: Callable[[], dt.datetime] = dt.datetime.now) -> str | None:
    """ "14:05" today, "20-11 14:05" before."""
    if not stamp:
        return None
    at = dt.datetime.fromisoformat(stamp)
    local = at.astimezone() if at.tzinfo else at
    if local.date() == now().date():
        return local.strftime("%H:%M")
    return local.strftime("%d-%m %H:%M")
