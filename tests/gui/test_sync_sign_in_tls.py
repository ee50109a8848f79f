"""The desktop's sign-in against a branch server over HTTPS (a real `outreach serve
--certfile --keyfile`): plain http:// to the network refused in the dialog, the fingerprint
field checked, the certificate trusted on first use shown to the user, a changed certificate
refused with what it means; screenshots at 1366x768 checked for drawn text."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMainWindow, QMessageBox

from outreach_app.services.sync import SyncService
from outreach_app.ui.dialogs.sync import SignInDialog
from outreach_app.ui.widgets.sync_control import SyncControl
from tests.integration.sync_world import PASSWORDS, laptop, seed_branch
from tests.integration.tls_world import TlsServer, make_cert


@pytest.fixture
def certs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    return {name: (tmp_path / name, make_cert(tmp_path / name)) for name in ("branch", "other")}


@pytest.fixture
def server(tmp_path: Path, certs):
    running = TlsServer(tmp_path, certs["branch"][0])
    running.add_users_here(("staf.maluku", "staff"))
    running.start()
    yield running
    running.stop()


def shot(widget, target: Path) -> None:
    """Saved and not blank: some dark pixels (text) on the light background."""
    assert widget.grab().save(str(target))
    image = QImage(str(target))
    dark = sum(
        1
        for y in range(0, image.height(), 3)
        for x in range(0, image.width(), 3)
        if image.pixelColor(x, y).lightness() < 100
    )
    assert dark > 50, target


def test_sign_in_over_https_trusts_on_first_use_and_refuses_a_changed_certificate(
    qtbot, tmp_path: Path, server: TlsServer, certs, worker
) -> None:
    staff = laptop(tmp_path, "kantor")
    seed_branch(staff)
    window = QMainWindow()
    window.resize(1366, 768)
    qtbot.addWidget(window)
    control = SyncControl(SyncService(staff.store), worker, window)
    window.setCentralWidget(control)
    window.show()
    control.sync_button.click()
    dialog = control.dialog
    assert isinstance(dialog, SignInDialog) and dialog.isVisible()
    assert dialog.server.placeholderText().startswith("https://")

    dialog.server.setText("http://10.0.0.5:8750")
    dialog.username.setText("staf.maluku")
    dialog.password.setText(PASSWORDS["staf.maluku"])
    dialog.ok.click()  # refused in the dialog: nothing is tried
    assert dialog.isVisible() and "https://" in dialog.message.text()
    assert "NIK" in dialog.message.text()
    assert dialog.width() <= 1366 and dialog.height() <= 768
    shot(dialog, tmp_path / "sign-in-http-refused.png")

    dialog.server.setText(server.url)
    dialog.fingerprint.setText("12:34:56")
    dialog.ok.click()
    assert dialog.isVisible() and "64" in dialog.message.text()

    dialog.fingerprint.setText("")  # none from the branch: trusted on first use, and shown
    with qtbot.waitSignal(control.finished, timeout=30_000):
        dialog.ok.click()
    told = control.message
    assert isinstance(told, QMessageBox) and told.isVisible()
    assert certs["branch"][1] in told.text() and "belum dikenal" in told.text()
    assert control.dialog is dialog and not dialog.isVisible()
    assert "0 perubahan menunggu" in control.label.text()
    shot(told, tmp_path / "first-use.png")
    told.close()

    # the server now shows another certificate: refused, said in a message, nothing sent
    server.stop()
    server.certdir = certs["other"][0]
    server.start()
    mark = server.mark()
    with qtbot.waitSignal(control.finished, timeout=30_000):
        control.start()
    warned = control.message
    assert isinstance(warned, QMessageBox) and warned.isVisible() and warned is not told
    assert "berubah" in warned.text() and certs["other"][1] in warned.text()
    assert "Luring" in control.label.text()
    assert server.requests_since(mark) == []
    shot(warned, tmp_path / "changed.png")
    warned.close()

    # the branch's new fingerprint typed in: the pin moves, the sync goes through
    dialog = control.ask_sign_in()
    dialog.fingerprint.setText(certs["other"][1])
    dialog.password.setText(PASSWORDS["staf.maluku"])
    shot(dialog, tmp_path / "sign-in.png")
    with qtbot.waitSignal(control.finished, timeout=30_000):
        dialog.ok.click()
    assert SyncService(staff.store).certificate_fingerprint() == certs["other"][1]
    assert "Daring" in control.label.text()
    staff.store.close()


def test_a_laptop_signed_in_over_plain_http_before_is_told_on_every_path(
    qtbot, tmp_path: Path, worker
) -> None:
    """Signed in to http://10.x before this release: the sync, the review queue and the
    reference update each say why, in the app, and never reach the network."""
    from outreach_app.reference.library import ReferenceLibrary, reference_folder
    from outreach_app.services.reference_updates import ReferenceUpdates
    from outreach_app.storage.sync_state import SERVER_KEY, TOKEN_KEY
    from outreach_app.ui.widgets.reference_panel import ReferencePanel

    staff = laptop(tmp_path, "kantor")
    seed_branch(staff)
    staff.store.set_local_setting(SERVER_KEY, "http://10.255.255.1:8750")
    staff.store.set_local_setting(TOKEN_KEY, "tanda-masuk-lama")
    window = QMainWindow()
    window.resize(1366, 768)
    qtbot.addWidget(window)
    service = SyncService(staff.store)
    control = SyncControl(service, worker, window)
    window.setCentralWidget(control)
    window.show()

    assert control.show_reviews() is None
    assert isinstance(control.message, QMessageBox) and "https://" in control.message.text()
    with qtbot.waitSignal(control.finished, timeout=10_000):
        control.start()
    assert isinstance(control.message, QMessageBox) and control.message.isVisible()
    assert "http://" in control.message.text() and "Luring" in control.label.text()
    shot(control.message, tmp_path / "plain-http.png")

    library = ReferenceLibrary(reference_folder(Path(staff.store.path)))
    panel = ReferencePanel(ReferenceUpdates(library, service), worker)
    qtbot.addWidget(panel)
    panel.update_from_server()
    assert "https://" in panel.message.text()
    staff.store.close()
