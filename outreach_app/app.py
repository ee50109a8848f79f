"""The composition root: the one place that builds the store, the rules and the services and
hands them to the command line or the desktop app. Nothing else creates long-lived objects."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from outreach_app import cli
from outreach_app.domain.rates import RateSchedule
from outreach_app.reference.rate_tables import load_schedule
from outreach_app.reference.regions import RegionDirectory
from outreach_app.services.demo import seed_demo
from outreach_app.services.enrolment import EnrolmentService
from outreach_app.services.participants import ParticipantDirectory
from outreach_app.services.payments import PaymentService
from outreach_app.services.today import TodayService
from outreach_app.services.visits import VisitService
from outreach_app.settings import resolve_db_path
from outreach_app.storage.errors import StorageUnavailable
from outreach_app.storage.store import Store

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

    def close(self) -> None:
        self.store.close()


def open_services(path: Path, demo: bool) -> AppServices:
    schedule = load_schedule()
    regions = RegionDirectory()
    store = Store(path)
    if demo:
        seed_demo(store, schedule, dt.date.today())
    return AppServices(
        store=store,
        schedule=schedule,
        regions=regions,
        enrolment=EnrolmentService(store, schedule, regions, dt.date.today),
        payments=PaymentService(store, schedule),
        demo=demo,
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = cli.parse(argv)
    if args.command:
        context = cli.CliContext(
            db_path=db_path_for,
            regions=RegionDirectory,
            schedule=load_schedule,
            today=dt.date.today,
        )
        return cli.run(args, context)
    from outreach_app.ui.platform_check import advice, missing_window_packages

    if packages := missing_window_packages():
        print(advice(packages), file=sys.stderr)
        return 2
    from outreach_app.ui.launcher import build_window, run_desktop
    from outreach_app.ui.main_window import MainWindow

    path = db_path_for(args)
    try:
        services = open_services(path, demo=args.demo)
    except StorageUnavailable as exc:
        print(f"Basis data tidak tersedia: {exc}", file=sys.stderr)
        return 2
    try:
        today = TodayService(services.store, dt.date.today)
        directory = ParticipantDirectory(services.store, dt.date.today)

        def window() -> MainWindow:
            return build_window(
                today,
                directory,
                services.enrolment,
                services.payments,
                VisitService(services.store, services.regions, dt.date.today),
                today.current_agent(),
                services.store.device.name,
                args.demo,
            )

        return run_desktop(window, path, screenshot=args.screenshot, page=args.page)
    finally:
        services.close()
