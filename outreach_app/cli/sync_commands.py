"""`outreach sync` and `outreach bundle`; `outreach serve` and `outreach server` hand over to
the server package.

The server commands need the server extra (`pip install perisai-outreach[server]`); without
it they say so instead of failing on an import. Passwords are never command-line arguments
(they would stay in the shell history and the process list): see cli/arguments.py.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from outreach_app.cli.arguments import open_store, read_password
from outreach_app.cli.context import CliContext
from outreach_app.domain.errors import DomainError

if TYPE_CHECKING:  # loaded by the sync command itself
    from outreach_app.services.sync import SyncService

SERVER_EXTRA = (
    "Fitur server butuh paket tambahan: pip install 'perisai-outreach[server]' "
    "(FastAPI, uvicorn, SQLAlchemy, argon2)."
)


def _require_server_extra() -> None:
    import importlib.util

    missing = [
        name
        for name in ("sqlalchemy", "argon2", "fastapi", "uvicorn")
        if importlib.util.find_spec(name) is None
    ]
    if missing:
        raise DomainError(f"{SERVER_EXTRA} Belum terpasang: {', '.join(missing)}.")


BUNDLE_AGAIN = (
    "Buat dan kirim bundel lagi: jawabannya membawa semua data cabang. Untuk sinkron daring, "
    "masuk lagi."
)


def server_command(args: argparse.Namespace, context: CliContext) -> int:
    """`outreach serve` and `outreach server ...`: run by the server package itself (handed
    in by the composition root; the command line never imports the server)."""
    _require_server_extra()
    return context.server_command(args, lambda prompt: read_password(prompt, True, context))


def sync(args: argparse.Namespace, context: CliContext) -> int:
    from outreach_app.reference.library import ReferenceLibrary, reference_folder
    from outreach_app.services.rewind import NEW_DEVICE_NOTICE
    from outreach_app.services.server_trust import TRUST_ON_FIRST_USE, allow_plain_http
    from outreach_app.services.sync import SyncService
    from outreach_app.storage.sync_lock import SyncBusy
    from outreach_app.sync.client import SyncDenied, SyncUnavailable
    from outreach_app.sync.errors import PlainHttpRefused

    with open_store(args, context) as store:
        service = SyncService(store, reference=ReferenceLibrary(reference_folder(store.path)))
        server = (args.server or service.server() or "").strip().rstrip("/")
        if not server:
            raise DomainError("Sebutkan server cabang dengan --server URL.")
        allow = True if args.allow_insecure_http else None
        try:
            if (args.user or args.fingerprint or not service.signed_in()
                    or server != service.server()):  # fmt: skip
                _check_first(service, server, args.fingerprint, allow)
                username = args.user or input("Nama pengguna: ").strip()
                password = read_password(f"Kata sandi {username}: ", False, context)
                pinned = service.certificate_fingerprint() if server == service.server() else None
                service.sign_in(server, username, password, args.fingerprint, allow)
                now = service.certificate_fingerprint()
                if now and not args.fingerprint and now != pinned:
                    print(TRUST_ON_FIRST_USE.format(fingerprint=now), file=context.err)
            elif allow:
                allow_plain_http(store.set_local_setting, server)
            report = service.sync(progress=_printer(context))
        except (SyncUnavailable, SyncBusy) as exc:  # 2: nothing wrong, try again later
            print(str(exc), file=context.err)
            return 2
        except PlainHttpRefused as exc:
            raise DomainError(f"{exc} (Hanya untuk uji coba: --allow-insecure-http.)") from exc
        except SyncDenied as exc:
            raise DomainError(str(exc)) from exc
        print(file=context.err)
        print(
            f"Terkirim {report.pushed} perubahan ({report.already_had} sudah ada di server), "
            f"ditolak {report.rejected}; diterima {report.pulled}, diterapkan {report.applied}, "
            f"ditahan {report.held}.",
            file=context.out,
        )
        if report.new_device:
            print(f"  {NEW_DEVICE_NOTICE}", file=context.out)
        for reason in dict.fromkeys(report.rejections):
            print(f"  ditolak: {reason}", file=context.out)
        for reason in report.held_reasons:
            print(f"  ditahan: {reason}", file=context.out)
        for name in report.reference:
            print(f"  data referensi baru: {name} (berlaku saat aplikasi dibuka lagi)",
                  file=context.out)  # fmt: skip
        for problem in report.reference_problems:
            print(f"  data referensi: {problem}", file=context.out)
    return 0


def _check_first(
    service: SyncService, server: str, fingerprint: str | None, allow: bool | None
) -> None:
    """The address and the fingerprint's form, refused before a user name or password is
    asked for (and before anything is resolved or sent)."""
    from outreach_app.services.server_trust import stored_trust
    from outreach_app.sync.tls import check_address, normalize_fingerprint

    known = stored_trust(service.state.setting, server).allow_plain_http
    check_address(server, known if allow is None else allow)
    if fingerprint:
        normalize_fingerprint(fingerprint)


def _printer(context: CliContext) -> Any:
    def progress(stage: str, done: int, total: int) -> None:
        label = "kirim" if stage == "push" else "terima"
        print(f"\r{label} {done}/{total}", end="", file=context.err, flush=True)

    return progress


def bundle(args: argparse.Namespace, context: CliContext) -> int:
    from outreach_app.services.bundles import exporting_user
    from outreach_app.services.print_output import write_atomically as write_file
    from outreach_app.services.receipts import ReceiptSigner
    from outreach_app.services.rewind import NEW_DEVICE_NOTICE
    from outreach_app.services.sync import SyncService, export_bundle, import_answer
    from outreach_app.sync.bundle import BundleError

    with open_store(args, context) as store:
        service = SyncService(store)
        if args.bundle_command == "export":
            username = exporting_user(service)
            if not username:
                raise DomainError("Pilih pengguna laptop ini di Pengaturan dulu.")
            data, count = export_bundle(service, ReceiptSigner(store), username)
            target = write_file(data, Path(args.file))
            print(f"{count} perubahan ditulis ke {target} ({len(data) // 1024 + 1} KB). "
                  "Berkas ini berisi data pribadi peserta: simpan dan kirim dengan hati-hati.",
                  file=context.out)  # fmt: skip
            return 0
        try:
            report = import_answer(service, Path(args.file).read_bytes())
        except (BundleError, OSError) as exc:
            raise DomainError(str(exc)) from exc
        print(f"Jawaban diterapkan: {report.pushed + report.already_had} diterima server, "
              f"{report.rejected} ditolak; {report.applied} perubahan dari cabang diterapkan, "
              f"{report.held} ditahan.", file=context.out)  # fmt: skip
        if report.new_device:
            print(f"  {NEW_DEVICE_NOTICE} {BUNDLE_AGAIN}", file=context.out)
    return 0
