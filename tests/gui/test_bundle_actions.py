"""Sync bundles in the desktop app, driven through the real actions, file dialogs and files:
the agent exports (nothing marked sent), branch staff send the bundle to a real server process
and save the answer, the agent imports it (twice: harmless) and the pages reload; then every
failure path, each told in plain words and changing nothing."""

from __future__ import annotations

import gzip
import json
import threading
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from outreach_app.reference.regions import RegionDirectory
from outreach_app.services.bundles import relay_bundle
from outreach_app.services.enrolment import EnrolmentService
from outreach_app.services.participants import ParticipantDirectory
from outreach_app.services.payments import PaymentService
from outreach_app.services.setup import SetupService
from outreach_app.services.sync import SyncService
from outreach_app.services.today import TodayService
from outreach_app.services.visits import VisitService
from outreach_app.settings import CURRENT_USER_KEY
from outreach_app.sync.client import SyncClient
from outreach_app.ui.actions import ParticipantActions
from outreach_app.ui.bundle_actions import BundleActions
from outreach_app.ui.dialogs.bundle import RelayAnswerDialog
from outreach_app.ui.launcher import load_bundled_fonts
from outreach_app.ui.main_window import MainWindow
from tests.factories import make_participant
from tests.gui.test_main_window import dark_pixels
from tests.integration.sync_world import (
    TODAY,
    Laptop,
    ServerProcess,
    laptop,
    seed_branch,
    services,
)
from tests.integration.test_sync_faults import world

TIMEOUT = 20_000
# Menus and file dialogs ask the window system to raise them and grab the keyboard; the
# offscreen platform can do neither and says so. Nothing is wrong with them.
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard"
)


def window_for(qtbot, machine: Laptop, username: str, worker, schedule, folder: Path) -> MainWindow:
    store = machine.store
    user = machine.user(username)
    enrol = EnrolmentService(store, schedule, RegionDirectory(), lambda: TODAY)
    window = MainWindow(
        TodayService(store, lambda: TODAY), ParticipantDirectory(store, lambda: TODAY),
        ParticipantActions(enrol, PaymentService(store, schedule), user),
        VisitService(store, RegionDirectory(), lambda: TODAY),
        SetupService(store, folder / f"{machine.name}.json", folder / f"docs-{machine.name}"),
        worker, user, machine.name, demo=False, sync=machine.sync,
    )  # fmt: skip
    qtbot.addWidget(window)
    window.resize(1280, 800)
    return window


def bundles_of(window: MainWindow) -> BundleActions:
    assert window.bundles is not None
    return window.bundles


def snap(widget: QWidget, path: Path, min_width: int = 200, ink: int = 150) -> Path:
    """Saves what the widget shows and checks that text was drawn on it."""
    assert widget.grab().save(str(path))
    assert dark_pixels(path, min_width) > ink, f"{path} shows no text"
    return path


def choose(bundles: BundleActions, path: Path | None = None) -> Path:
    """Accepts the open file dialog, with `path` chosen (or the name it suggests)."""
    dialog = bundles.file_dialog
    assert dialog is not None and dialog.isVisible()
    if path is not None:
        dialog.selectFile(str(path))
    chosen = Path(dialog.selectedFiles()[0])
    dialog.accept()
    return chosen


def told(qtbot, bundles: BundleActions, start) -> str:
    """Runs `start` and returns the message the user is shown at the end."""
    with qtbot.waitSignal(bundles.told, timeout=TIMEOUT) as message:
        start()
    assert bundles.message is not None and bundles.message.isVisible()
    return str(message.args[0])


def outbox_state(machine: Laptop) -> tuple[int, int, int]:
    unacked = machine.store.db.execute("SELECT count(*) FROM outbox WHERE acked_at IS NULL")
    return machine.store.pending_changes(), unacked.fetchone()[0], machine.sync.state.cursor()


# --- the round trip, against a real server process -----------------------------------------


@pytest.fixture
def branch(tmp_path: Path):
    server = ServerProcess(tmp_path)
    server.add_user("staf.maluku", "staff")
    server.add_user("agen.saumlaki", "agent")
    server.start()
    staff, agent = laptop(tmp_path, "kantor"), laptop(tmp_path, "laptop-sml")
    villages = seed_branch(staff)
    staff.sign_in(server, "staf.maluku")
    staff.sync.sync()
    agent.sign_in(server, "agen.saumlaki")
    agent.sync.sync()
    agent.setup.set_current_user("agen.saumlaki")
    yield staff, agent, villages
    for machine in (staff, agent):
        machine.store.close()
    server.stop()


def test_bundle_round_trip_through_the_app(qtbot, branch, worker, schedule, tmp_path) -> None:
    staff, agent, villages = branch
    load_bundled_fonts()
    enrol, pay = services(agent, schedule)
    actor = agent.user("agen.saumlaki")
    person, _ = enrol.register(make_participant(villages["Lorulun"], agent_id=None), actor)
    pay.record(person, 1, actor)  # in a village with no signal
    office_enrol, _pay = services(staff, schedule)
    newcomer = make_participant(villages["Lorulun"], nik="8103011508950002",
                                full_name="Markus Lerebulan", agent_id=None)  # fmt: skip
    office, _ = office_enrol.register(newcomer, staff.user("staf.maluku"))  # in her village
    staff.sync.sync()
    waiting = agent.store.pending_changes()

    window = window_for(qtbot, agent, "agen.saumlaki", worker, schedule, tmp_path)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.page_loaded, timeout=TIMEOUT):
        window.show_page("participants")
    shown_before = window.participants_page.model.rowCount()
    bundles = bundles_of(window)
    control = window.sync_control
    assert control is not None and control.bundle_button.isVisible()
    assert not bundles.relay_action.isVisible()  # an agent's laptop: no staff action
    menu = bundles.menu
    menu.popup(control.bundle_button.mapToGlobal(QPoint(0, 0)))
    qtbot.waitExposed(menu)
    texts = [a.text() for a in menu.actions() if a.isVisible() and not a.isSeparator()]
    assert texts == ["Ekspor bundel sinkronisasi…", "Impor jawaban bundel…"]
    snap(menu, tmp_path / "menu-agent.png", min_width=100, ink=60)
    menu.close()

    # export: the suggested file, in the documents folder; nothing marked sent
    bundles.export_action.trigger()
    assert bundles.file_dialog is not None
    snap(bundles.file_dialog, tmp_path / "export-dialog.png", min_width=300)
    with qtbot.waitSignal(bundles.exported, timeout=TIMEOUT):
        exported = choose(bundles)
    assert exported == (
        tmp_path / "docs-laptop-sml" / "Perisai Outreach" / "bundel-laptop-sml-2026-11-21.bundle"
    )
    assert exported.is_file()
    text = bundles.message.text()  # type: ignore[union-attr]
    assert f"{waiting} perubahan ditulis ke bundel" in text and str(exported) in text
    assert "data pribadi" in bundles.message.informativeText()  # type: ignore[union-attr]
    snap(bundles.message, tmp_path / "export-message.png")  # type: ignore[arg-type]
    bundles.message.accept()  # type: ignore[union-attr]
    assert agent.store.pending_changes() == waiting  # acknowledged only by the answer
    assert "menunggu" in control.label.text() and str(waiting) in control.label.text()
    again = exported.with_name("lagi.bundle")
    text = told(qtbot, bundles, lambda: bundles.export_to(again.with_suffix("")))  # adds .bundle
    assert again.is_file() and f"{waiting} perubahan" in text  # twice: harmless

    # branch staff: the relay action, a real upload, the summary, the answer saved
    desk = bundles_of(window_for(qtbot, staff, "staf.maluku", worker, schedule, tmp_path))
    assert desk.relay_action.isVisible()
    desk.relay_action.trigger()
    with qtbot.waitSignal(desk.relayed, timeout=TIMEOUT):
        choose(desk, exported)
    dialog = desk.answer_dialog
    assert isinstance(dialog, RelayAnswerDialog) and dialog.isVisible()
    assert f"{waiting} perubahan: {waiting} diterima, 0 sudah ada di server, 0 ditolak" in (
        dialog.summary.text()
    )
    assert not dialog.reasons.isVisibleTo(dialog)
    snap(dialog, tmp_path / "relay-answer.png")
    dialog.save_button.click()
    assert dialog.file_dialog is not None and dialog.file_dialog.isVisible()
    answer = Path(dialog.file_dialog.selectedFiles()[0])
    assert answer == exported.parent / "jawaban-laptop-sml-2026-11-21.bundle"
    dialog.file_dialog.accept()
    assert answer.is_file() and dialog.saved_to == answer
    assert "Tersimpan" in dialog.status.text()
    dialog.accept()
    with qtbot.waitSignal(desk.relayed, timeout=TIMEOUT):
        desk.relay(again)  # the second export: the server already had every change
    assert f"{waiting} sudah ada di server" in desk.answer_dialog.summary.text()  # type: ignore[union-attr]

    # the agent imports the answer: acknowledged, the office's enrolment arrives, pages reload
    bundles.import_action.trigger()
    with (
        qtbot.waitSignal(bundles.answer_imported, timeout=TIMEOUT),
        qtbot.waitSignal(window.page_loaded, timeout=TIMEOUT,
                         check_params_cb=lambda name: name == "participants"),
    ):  # fmt: skip
        choose(bundles, answer)
    text = bundles.message.text()  # type: ignore[union-attr]
    assert f"{waiting} perubahan dari laptop ini diterima server" in text
    assert "0 ditolak" in text and "1 perubahan dari cabang diterima: 1 diterapkan" in text
    snap(bundles.message, tmp_path / "import-message.png")  # type: ignore[arg-type]
    assert agent.store.pending_changes() == 0
    assert office in {p.stamp.id for p in agent.store.participants.all()}
    assert window.participants_page.model.rowCount() == shown_before + 1
    assert "0 perubahan menunggu" in control.label.text()
    snap(window, tmp_path / "window-after-import.png", min_width=1000, ink=800)
    assert "sudah diimpor sebelumnya" in told(qtbot, bundles, lambda: bundles.import_from(answer))

    staff.sync.sync()
    assert person in staff.rows("participants")
    assert len(staff.rows("payments")) == 1  # once, though the bundle went up twice


# --- failures, against the server's app in process -----------------------------------------


@pytest.fixture
def inprocess(tmp_path: Path):
    """(staff, agent, second agent laptop, villages, link): the server's ASGI app in this
    process behind httpx's transport, every laptop signed in and synced once."""
    machines, villages, link = world(tmp_path, seed=13)
    for machine in machines:
        machine.sync.sync()
    machines[1].setup.set_current_user("agen.saumlaki")
    yield (*machines, villages, link)
    for machine in machines:
        machine.store.close()


def test_agent_failures_are_explained_and_change_nothing(
    qtbot, inprocess, worker, schedule, tmp_path
) -> None:
    staff, agent, second, villages, link = inprocess
    load_bundled_fonts()
    agent.store.participants.add(make_participant(
        villages["Wowonda"], agent_id=agent.user("agen.saumlaki").stamp.id))  # fmt: skip
    window = window_for(qtbot, agent, "agen.saumlaki", worker, schedule, tmp_path)
    bundles = bundles_of(window)
    docs = tmp_path / "docs-laptop-sml" / "Perisai Outreach"

    bundles.export_action.trigger()  # cancelled: nothing written, nothing said
    bundles.file_dialog.reject()  # type: ignore[union-attr]
    bundles.import_action.trigger()
    bundles.file_dialog.reject()  # type: ignore[union-attr]
    assert bundles.message is None and not bundles.running and list(docs.iterdir()) == []

    own = docs / "own.bundle"
    told(qtbot, bundles, lambda: bundles.export_to(own))
    before = outbox_state(agent)
    text = told(qtbot, bundles, lambda: bundles.import_from(own))  # its own bundle, not an answer
    assert "bundel perubahan dari laptop agen, bukan bundel jawaban" in text
    assert "Data di laptop ini tidak berubah" in text
    box = bundles.message
    assert box is not None and box.icon() is QMessageBox.Icon.Warning
    assert box.windowTitle() == "Jawaban tidak diimpor"
    snap(box, tmp_path / "wrong-kind.png")

    damaged = docs / "damaged.bundle"
    damaged.write_bytes(own.read_bytes()[:50])
    assert "bukan gzip atau terpotong" in told(qtbot, bundles, lambda: bundles.import_from(damaged))
    photo = docs / "foto.bundle"
    photo.write_bytes(b"\xff\xd8\xff\xe0 a photo")
    assert "bukan bundel sinkronisasi" in told(qtbot, bundles, lambda: bundles.import_from(photo))
    second.store.participants.add(make_participant(
        villages["Lorulun"], nik="8103011508950077",
        agent_id=second.user("agen.saumlaki").stamp.id))  # fmt: skip
    from outreach_app.services.bundles import BundleJobs

    theirs = BundleJobs.of(second.sync).export_to(tmp_path / "theirs.bundle", "agen.saumlaki")
    foreign = docs / "jawaban-laptop-lain.bundle"
    with SyncClient("http://localhost", staff.store.local_setting("sync_token"),
                    transport=link) as client:  # fmt: skip
        foreign.write_bytes(relay_bundle(client, theirs.path.read_bytes()).answer)
    assert "untuk laptop lain" in told(qtbot, bundles, lambda: bundles.import_from(foreign))
    gone = docs / "sudah-dihapus.bundle"
    text = told(qtbot, bundles, lambda: bundles.import_from(gone))
    assert f"Berkas {gone} tidak bisa dipakai" in text
    blocked = own / "di-dalam-berkas.bundle"  # a folder that is a file: cannot be written
    text = told(qtbot, bundles, lambda: bundles.export_to(blocked))
    assert "tidak bisa dipakai" in text and "Tidak ada berkas yang ditulis" in text
    assert bundles.message.windowTitle() == "Bundel tidak dibuat"  # type: ignore[union-attr]
    assert outbox_state(agent) == before  # none of it changed a thing

    # a laptop that knows no user of its own cannot say whose bundle it is
    second.store.db.execute("DELETE FROM local_settings WHERE key IN ('sync_username', ?)",
                            [CURRENT_USER_KEY])  # fmt: skip
    nobody = bundles_of(window_for(qtbot, second, "agen.saumlaki", worker, schedule, tmp_path))
    text = told(qtbot, nobody, nobody.export_action.trigger)
    assert "Pilih pengguna laptop ini di Pengaturan" in text and nobody.file_dialog is None


class Held(httpx.BaseTransport):
    """A link that waits until released: a slow upload the user gives up on."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner
        self.release = threading.Event()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.release.wait(10)
        return self.inner.handle_request(request)


class Dead(httpx.BaseTransport):
    def handle_request(self, request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("no route to host")


def test_staff_failures_are_explained(qtbot, inprocess, worker, schedule, tmp_path) -> None:
    staff, agent, _second, villages, link = inprocess
    load_bundled_fonts()
    agent.store.participants.add(make_participant(
        villages["Wowonda"], agent_id=agent.user("agen.saumlaki").stamp.id))  # fmt: skip
    from outreach_app.services.bundles import BundleJobs

    bundle = BundleJobs.of(agent.sync).export_to(tmp_path / "sml.bundle", "agen.saumlaki").path
    window = window_for(qtbot, staff, "staf.maluku", worker, schedule, tmp_path)
    desk = bundles_of(window)

    token = staff.store.local_setting("sync_token")
    staff.store.db.execute("DELETE FROM local_settings WHERE key = 'sync_token'")
    text = told(qtbot, desk, desk.relay_action.trigger)  # not signed in: said, no file asked
    assert "harus masuk ke server cabang dengan akun staf" in text and desk.file_dialog is None
    snap(desk.message, tmp_path / "not-signed-in.png")  # type: ignore[arg-type]
    staff.sync.state.set_setting("sync_token", str(token))
    desk.relay_action.trigger()
    desk.file_dialog.reject()  # type: ignore[union-attr]  # cancelled: nothing happens
    assert desk.answer_dialog is None and not desk.running

    document = json.loads(gzip.decompress(bundle.read_bytes()))
    document["body"]["changes"][0]["fields"]["full_name"] = "Nama Palsu"
    tampered = tmp_path / "diubah.bundle"
    tampered.write_bytes(gzip.compress(json.dumps(document).encode()))
    text = told(qtbot, desk, lambda: desk.relay(tampered))
    assert "diubah setelah dibuat" in text and desk.message.windowTitle() == "Bundel tidak terkirim"  # type: ignore[union-attr]
    snap(desk.message, tmp_path / "tampered.png")  # type: ignore[arg-type]
    answer = tmp_path / "jawaban.bundle"
    with SyncClient("http://localhost", token, transport=link) as client:
        answer.write_bytes(relay_bundle(client, bundle.read_bytes()).answer)
    assert "bundel jawaban dari kantor cabang, bukan bundel perubahan" in told(
        qtbot, desk, lambda: desk.relay(answer)
    )

    # an agent's account is refused by the server, in the server's words
    own = window_for(qtbot, agent, "agen.saumlaki", worker, schedule, tmp_path)
    refused = bundles_of(own)
    text = told(qtbot, refused, lambda: refused.relay(bundle))
    assert "Server menolak: Hanya staf cabang" in text

    # the server out of reach: said so, after the client's retries (no waiting in tests)
    offline = SyncService(staff.store, lambda url, tok, trust: SyncClient(
        url, tok, transport=Dead(), sleep=lambda _s: None, trust=trust))  # fmt: skip
    cut = BundleActions(offline, lambda: tmp_path, worker, lambda: TODAY, True, window)
    assert "tidak terjangkau" in told(qtbot, cut, lambda: cut.relay(bundle))

    # a slow upload given up: said so, and the late answer is dropped, not shown
    held = Held(link)
    slow = SyncService(staff.store, lambda url, tok, trust: SyncClient(
        url, tok, transport=held, trust=trust))  # fmt: skip
    waiting = BundleActions(slow, lambda: tmp_path, worker, lambda: TODAY, True, window)
    waiting.relay(bundle)
    assert waiting.running and waiting.busy is not None
    cancel = waiting.busy.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Batal"
    text = told(qtbot, waiting, cancel.click)
    assert "dibatalkan" in text and "aman" in text and not waiting.running
    held.release.set()
    worker.wait()
    QApplication.processEvents()  # a (wrongly) delivered answer would arrive here
    assert waiting.answer_dialog is None
