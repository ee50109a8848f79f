"""The composition root: the one place that builds the store, the rules and the services and
hands them to the command line or the desktop app. Nothing else creates long-lived objects."""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import logging
import os
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

import outreach_app
from outreach_app import cli, diagnostics  # the parser only; commands load when run
from outreach_app.diagnostics import Safe
from outreach_app.domain.errors import DomainError
from outreach_app.domain.rates import RateSchedule
from outreach_app.reference.library import ReferenceLibrary, reference_folder
from outreach_app.reference.regions import RegionDirectory
from outreach_app.services.enrolment import EnrolmentService
from outreach_app.services.participants import ParticipantDirectory
from outreach_app.services.payments import PaymentService
from outreach_app.services.protection import Protection, ProtectionStatus
from outreach_app.services.setup import FirstRunOutcome, SetupService, is_demo_database
from outreach_app.services.sync import SyncService
from outreach_app.services.today import TodayService
from outreach_app.services.visits import VisitService
from outreach_app.settings import (
    CONFIG_NAME,
    DB_ENV_VAR,
    DEMO_DB_NAME,
    LOG_DIR_ENV_VAR,
    AppConfig,
    load_config,
    resolve_db_path,
    save_config,
)
from outreach_app.storage.database import DatabaseKey
from outreach_app.storage.errors import StorageUnavailable
from outreach_app.storage.store import Store

if TYPE_CHECKING:
    from outreach_app.services.dashboard import DashboardService
    from outreach_app.services.printing import PrintService
    from outreach_app.services.spreadsheets import SpreadsheetJobs

log = logging.getLogger(__name__)

APP_NAME = "PerisaiOutreach"
# Where a branch's installer may put its recovery public key (offered at the first start).
BRANCH_KEY_FILE = "kunci-pemulihan-cabang.pub"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def db_path_for(args: argparse.Namespace) -> Path:
    return resolve_db_path(
        getattr(args, "db", None), os.environ, data_dir(), demo=getattr(args, "demo", False)
    )


@dataclass
class AppServices:
    """Everything the desktop app works with, opened once and closed on exit."""

    store: Store
    schedule: RateSchedule
    regions: RegionDirectory
    enrolment: EnrolmentService
    payments: PaymentService
    demo: bool
    reference: ReferenceLibrary

    def close(self) -> None:
        self.store.close()


def reference_for(db_path: Path) -> ReferenceLibrary:
    """The rate tables, incentive rules and region updates in force: shipped, or taken since
    (from a file or the branch server) into the folder beside the database."""
    return ReferenceLibrary(reference_folder(db_path))


def open_services(path: Path, demo: bool, key: DatabaseKey | None = None) -> AppServices:
    reference = reference_for(path)
    schedule = reference.schedule()
    regions = reference.regions()
    store = Store(path, key=key)
    if demo:
        from outreach_app.services.demo import seed_demo  # only the demo database needs it

        seed_demo(store, schedule, dt.date.today())
    demo = demo or is_demo_database(store)
    return AppServices(
        store=store,
        schedule=schedule,
        regions=regions,
        enrolment=EnrolmentService(store, schedule, regions, dt.date.today),
        payments=PaymentService(store, schedule),
        demo=demo,
        reference=reference,
    )


def server_command(args: argparse.Namespace, read_password: Callable[[str], str]) -> int:
    """`outreach serve` / `outreach server ...`, run by the server package (loaded only then)."""
    from outreach_app.server import commands

    default = data_dir() / "outreach-server.db"
    return commands.run(args, read_password, default, sys.stdout, sys.stderr)


def printing_for(services: AppServices) -> PrintService:
    """Made on the first print; its imports (reportlab, the QR encoder, cryptography) with it."""
    from outreach_app.services.printing import PrintService
    from outreach_app.services.receipts import ReceiptSigner

    store = services.store
    return PrintService(
        store, services.schedule, ReceiptSigner(store), services.demo, today=dt.date.today
    )


def spreadsheets_for(services: AppServices) -> SpreadsheetJobs:
    """Import and export for the window, made at the first import or export (its modules cost
    ~15 ms at start-up); openpyxl loads only when a file is read or written."""
    from outreach_app.services.spreadsheets import SpreadsheetJobs

    return SpreadsheetJobs(services.store, services.schedule, dt.date.today, services.regions)


def dashboard_for(services: AppServices) -> DashboardService:
    """Made when the Dasbor page is first opened, with the agents' incentive rules."""
    from outreach_app.services.dashboard import DashboardService

    return DashboardService(services.store, services.reference.incentives(), dt.date.today)


def log_dir() -> Path:
    chosen = os.environ.get(LOG_DIR_ENV_VAR)
    if chosen:
        return Path(chosen).expanduser()
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def main(argv: Sequence[str] | None = None) -> int:
    # Start-up makes ~65k objects that live as long as the process (modules, classes, Qt
    # wrappers): the cyclic collector would go through them ~100 times before the first page
    # shows (~15 ms) and free next to nothing. It stays off until a command starts, or until
    # the desktop app's GUI-thread collector takes over (ui/gc_guard.py), whose first pass
    # comes half a second after the window is up; so the sign-in dialog's worker thread
    # cannot collect either, which gc_guard exists to prevent. `python -m outreach_app` and
    # the `outreach` command switch it off before this module is even imported (__main__.py).
    gc.disable()
    try:
        return _run(argv)
    finally:
        gc.enable()


def _run(argv: Sequence[str] | None) -> int:
    args = cli.parse(argv)
    # the desktop app keeps a log of what it did; a command only of what went wrong
    report = diagnostics.install(
        log_dir(),
        logging.WARNING if args.command else logging.INFO,
        version=lambda: outreach_app.__version__,  # looked up at a crash, not at every start
    )
    try:
        if args.command:
            gc.enable()  # a command may run for hours (serve) or make 200k records (demo)
            context = cli.CliContext(
                db_path=db_path_for,
                regions=lambda: reference_for(db_path_for(args)).regions(),
                schedule=lambda: reference_for(db_path_for(args)).schedule(),
                today=dt.date.today,
                server_command=server_command,
            )
            return cli.run(args, context)
        return run_desktop_app(args, report)
    finally:
        report.close()


def config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / CONFIG_NAME


def suggested_branch_key() -> Path | None:
    """The branch's recovery public key, if its installer put one in the config folder."""
    candidate = config_path().with_name(BRANCH_KEY_FILE)
    return candidate if candidate.is_file() else None


class Leave(Exception):
    """The app stops before its window: the exit code, and what to say (if anything)."""

    def __init__(self, code: int, message: str = "") -> None:
        super().__init__(message)
        self.code = code


def database_key(
    args: argparse.Namespace,
    protection: Protection,
    demo: bool,
    first_run: FirstRunOutcome | None,
) -> DatabaseKey | None:
    """The key the database opens with (None: a plain database), asking what must be asked:
    the password of a protected database, or whether to protect one that is not. The demo
    is never asked anything. Raises Leave when the app must stop."""
    from outreach_app.ui import launcher

    status = protection.status()
    if status is ProtectionStatus.KEY_FILE_MISSING:
        raise Leave(2, protection.missing_key_file_advice())
    if status is ProtectionStatus.PROTECTED:
        if args.password_stdin:
            return protection.unlock(sys.stdin.readline().rstrip("\n"))
        if args.screenshot:
            raise Leave(2, "Basis data ini dilindungi kata sandi: pakai --password-stdin.")
        key = launcher.sign_in(protection)
        if key is None:
            raise Leave(0)
        return key
    if demo or args.screenshot:
        return None  # the demo stays plain; a screenshot run asks nothing
    existing = status is ProtectionStatus.PLAIN
    if first_run is not None and first_run.password:
        if existing:
            return protection.protect_existing(
                first_run.password, first_run.password, first_run.branch_key
            ).key
        return protection.protect_new(first_run.password, first_run.password,
                                      first_run.branch_key)  # fmt: skip
    return launcher.offer_protection(protection, existing, suggested_branch_key())


def run_desktop_app(args: argparse.Namespace, report: diagnostics.Diagnostics | None = None) -> int:
    """The desktop app: first-run choice when nothing is configured, the password (or the
    offer to protect the data), then the main window."""
    from outreach_app.ui.platform_check import advice, missing_window_packages

    if packages := missing_window_packages():
        print(advice(packages), file=sys.stderr)
        return 2
    from outreach_app.ui import launcher

    config = load_config(config_path())
    launcher.application(config.language if config else "id")
    if report is not None:
        report.notify = launcher.crash_notice()
    log.info("Aplikasi dimulai")
    first_run = None
    chosen_explicitly = args.demo or getattr(args, "db", None) or os.environ.get(DB_ENV_VAR)
    if config is None and not chosen_explicitly and not args.screenshot:
        first_run = launcher.ask_first_run(suggested_branch_key())
        if first_run is None:
            return 0  # the user chose to leave; nothing was written
        demo_path = data_dir() / DEMO_DB_NAME
        config = AppConfig(database=str(demo_path) if first_run.demo else None)
        save_config(config_path(), config)
    path = resolve_db_path(
        getattr(args, "db", None),
        os.environ,
        data_dir(),
        demo=args.demo,
        configured=config.database if config else None,
    )
    demo = args.demo or path.name == DEMO_DB_NAME
    protection = Protection(path)
    try:
        key = database_key(args, protection, demo, first_run)
        services = open_services(path, demo=demo, key=key)
        kind = "demo" if services.demo else ("terenkripsi" if key is not None else "tanpa enkripsi")
        log.info("Basis data dibuka (%s)", Safe(kind))
    except Leave as leave:
        if str(leave):
            print(str(leave), file=sys.stderr)
            if not args.screenshot:
                launcher.show_problem(str(leave))
        return leave.code
    except (StorageUnavailable, DomainError) as exc:
        print(f"Basis data tidak tersedia: {exc}", file=sys.stderr)
        if not args.screenshot:
            launcher.show_problem(f"Basis data tidak tersedia: {exc}")
        return 2
    try:
        from outreach_app.services.reference_updates import ReferenceUpdates

        sync = SyncService(services.store, reference=services.reference)
        setup = SetupService(
            services.store, config_path(), Path(platformdirs.user_documents_dir()),
            reference=ReferenceUpdates(services.reference, sync), protection=protection,
        )  # fmt: skip
        if first_run is not None and first_run.answers is not None:
            setup.first_run(first_run.answers)
        must_change = key is not None and protection.sign_in_state().must_change_password
        if must_change and key is not None and not launcher.require_new_password(protection, key):
            return 0  # signed in with the branch's temporary password, and left
        today = TodayService(services.store, dt.date.today)
        directory = ParticipantDirectory(services.store, dt.date.today)

        def window() -> launcher.MainWindow:
            return launcher.build_window(
                today,
                directory,
                services.enrolment,
                services.payments,
                VisitService(services.store, services.regions, dt.date.today),
                setup,
                today.current_agent(),
                services.store.device.name,
                services.demo,
                lambda: printing_for(services),
                sync,
                lambda: spreadsheets_for(services),
                lambda: dashboard_for(services),
                unprotected=key is None,
            )

        def warm_up() -> None:
            # The region list costs ~0.4 s on first use (import and data); load it off the GUI
            # thread once the first page is up, so the first NIK typed answers at once.
            threading.Thread(target=services.regions.region_name, args=("81",), daemon=True).start()

        lock = None
        if key is not None:
            lock = launcher.LockSetup(protection, key, setup.idle_lock_minutes())
        return launcher.run_desktop(
            window,
            path,
            screenshot=args.screenshot,
            page=args.page,
            started=None if args.screenshot else warm_up,  # a screenshot run types no NIK
            lock=lock,
        )
    finally:
        services.close()
