"""The composition root: the one place that builds the store, the rules and the services and
hands them to the command line or the desktop app. Nothing else creates long-lived objects."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from outreach_app import cli  # the parser only; commands load when run
from outreach_app.domain.rates import RateSchedule
from outreach_app.reference.library import ReferenceLibrary, reference_folder
from outreach_app.reference.regions import RegionDirectory
from outreach_app.services.enrolment import EnrolmentService
from outreach_app.services.participants import ParticipantDirectory
from outreach_app.services.payments import PaymentService
from outreach_app.services.setup import SetupService, is_demo_database
from outreach_app.services.sync import SyncService
from outreach_app.services.today import TodayService
from outreach_app.services.visits import VisitService
from outreach_app.settings import (
    CONFIG_NAME,
    DB_ENV_VAR,
    DEMO_DB_NAME,
    AppConfig,
    load_config,
    resolve_db_path,
    save_config,
)
from outreach_app.storage.errors import StorageUnavailable
from outreach_app.storage.store import Store

if TYPE_CHECKING:
    from outreach_app.services.dashboard import DashboardService
    from outreach_app.services.printing import PrintService
    from outreach_app.services.reference_publishing import ReferencePublisher
    from outreach_app.services.spreadsheets import SpreadsheetJobs
    from outreach_app.services.sync_server import SyncServer

APP_NAME = "PerisaiOutreach"


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


def open_services(path: Path, demo: bool) -> AppServices:
    reference = reference_for(path)
    schedule = reference.schedule()
    regions = reference.regions()
    store = Store(path)
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


def serve_http(
    server: SyncServer, host: str, port: int, reference: ReferencePublisher | None = None
) -> None:
    """Runs the sync server's HTTP API until interrupted (the server extra must be there)."""
    import uvicorn

    from outreach_app.server.app import create_app

    uvicorn.run(create_app(server, reference=reference), host=host, port=port, log_level="info")


def printing_for(services: AppServices) -> PrintService:
    """Made on the first print; its imports (reportlab, the QR encoder, cryptography) with it."""
    from outreach_app.services.printing import PrintService
    from outreach_app.services.receipts import ReceiptSigner

    store = services.store
    return PrintService(
        store, services.schedule, ReceiptSigner(store), services.demo, today=dt.date.today
    )


def spreadsheets_for(services: AppServices) -> SpreadsheetJobs:
    """Import and export for the window; openpyxl loads only when a file is read or written."""
    from outreach_app.services.spreadsheets import SpreadsheetJobs

    return SpreadsheetJobs(services.store, services.schedule, dt.date.today, services.regions)


def dashboard_for(services: AppServices) -> DashboardService:
    """Made when the Dasbor page is first opened, with the agents' incentive rules."""
    from outreach_app.services.dashboard import DashboardService

    return DashboardService(services.store, services.reference.incentives(), dt.date.today)


def main(argv: Sequence[str] | None = None) -> int:
    args = cli.parse(argv)
    if args.command:
        context = cli.CliContext(
            db_path=db_path_for,
            regions=lambda: reference_for(db_path_for(args)).regions(),
            schedule=lambda: reference_for(db_path_for(args)).schedule(),
            today=dt.date.today,
            server_db_path=lambda: data_dir() / "outreach-server.db",
            serve=serve_http,
        )
        return cli.run(args, context)
    return run_desktop_app(args)


def config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / CONFIG_NAME


def run_desktop_app(args: argparse.Namespace) -> int:
    """The desktop app: first-run choice when nothing is configured, then the main window."""
    from outreach_app.ui.platform_check import advice, missing_window_packages

    if packages := missing_window_packages():
        print(advice(packages), file=sys.stderr)
        return 2
    from outreach_app.ui import launcher

    config = load_config(config_path())
    launcher.application(config.language if config else "id")
    answers = None
    chosen_explicitly = args.demo or getattr(args, "db", None) or os.environ.get(DB_ENV_VAR)
    if config is None and not chosen_explicitly and not args.screenshot:
        outcome = launcher.ask_first_run()
        if outcome is None:
            return 0  # the user chose to leave; nothing was written
        demo_chosen, answers = outcome
        demo_path = data_dir() / DEMO_DB_NAME
        config = AppConfig(database=str(demo_path) if demo_chosen else None)
        save_config(config_path(), config)
    path = resolve_db_path(
        getattr(args, "db", None),
        os.environ,
        data_dir(),
        demo=args.demo,
        configured=config.database if config else None,
    )
    demo = args.demo or path.name == DEMO_DB_NAME
    try:
        services = open_services(path, demo=demo)
    except StorageUnavailable as exc:
        print(f"Basis data tidak tersedia: {exc}", file=sys.stderr)
        return 2
    try:
        from outreach_app.services.reference_updates import ReferenceUpdates

        sync = SyncService(services.store, reference=services.reference)
        setup = SetupService(
            services.store, config_path(), Path(platformdirs.user_documents_dir()),
            ReferenceUpdates(services.reference, sync),
        )  # fmt: skip
        if answers is not None:
            setup.first_run(answers)
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
                spreadsheets_for(services),
                lambda: dashboard_for(services),
            )

        def warm_up() -> None:
            # The region list costs ~0.4 s on first use (import and data); load it off the GUI
            # thread once the first page is up, so the first NIK typed answers at once.
            threading.Thread(target=services.regions.region_name, args=("81",), daemon=True).start()

        return launcher.run_desktop(
            window,
            path,
            screenshot=args.screenshot,
            page=args.page,
            started=None if args.screenshot else warm_up,  # a screenshot run types no NIK
        )
    finally:
        services.close()
