"""`outreach serve` and `outreach server add-user|revoke|import-bundle|make-cert` (devices and the
audit log: account_commands.py): the branch server's own commands. The composition root
hands them to the command line (which never imports the server package), so a laptop bundle
that leaves this package out loses nothing else."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from outreach_app.domain.errors import DomainError
from outreach_app.server import account_commands
from outreach_app.server.certificates import BranchCertificate, make_certificate, serving_pair
from outreach_app.server.reference_publishing import ReferencePublisher
from outreach_app.server.store.store import ServerStore, open_engine
from outreach_app.server.sync_server import SyncRefused, SyncServer

# uvicorn's own logging, through the same scrubbing formatter as the app's log: a request that
# fails writes its stack, never an exception message that could hold a NIK or a name. The
# lines are formatted and written on a thread of their own, off the event loop.
SERVER_LOG_CONFIG = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {
        "stderr": {"()": "outreach_app.server.log_thread.BackgroundStderrHandler"},
    },
    "loggers": {
        "uvicorn": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "uvicorn.error": {"level": "INFO"},
        "uvicorn.access": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
    },
}


def open_server_store(args: argparse.Namespace, default_path: Path) -> ServerStore:
    """The store named by --database-url or --db (else the default file), migrated."""
    if getattr(args, "database_url", None):
        url = args.database_url
    else:
        path = Path(args.db) if getattr(args, "db", None) else default_path
        path.parent.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{path}"
    store = ServerStore(open_engine(url))
    store.migrate()
    return store


def serve_http(
    server: SyncServer,
    host: str,
    port: int,
    reference: ReferencePublisher | None = None,
    certificate: BranchCertificate | None = None,
    forwarded_allow_ips: str | None = None,
) -> None:
    """Runs the sync server's HTTP API until interrupted: over HTTPS with `certificate`.
    Behind a reverse proxy, X-Forwarded-For and -Proto count only from `forwarded_allow_ips`
    (uvicorn's default: 127.0.0.1, a proxy on the same machine)."""
    import uvicorn

    from outreach_app.server.app import create_app
    from outreach_app.server.edge import MAX_HEAD

    uvicorn.run(
        create_app(server, reference=reference), host=host, port=port,
        log_config=SERVER_LOG_CONFIG,
        ssl_certfile=None if certificate is None else str(certificate.certfile),
        ssl_keyfile=None if certificate is None else str(certificate.keyfile),
        forwarded_allow_ips=forwarded_allow_ips,
        http="h11",  # the parser whose limits are set here (httptools, if installed, has others)
        h11_max_incomplete_event_size=MAX_HEAD,  # a request head still incomplete past this: 400
        server_header=False,
    )  # fmt: skip


def run(
    args: argparse.Namespace,
    read_password: Callable[[str], str],
    default_path: Path,
    out: TextIO,
    err: TextIO,
) -> int:
    """One server command; a refusal is raised as DomainError (the command line prints it
    and exits 1)."""
    if args.command == "server" and args.server_command == "make-cert":
        return _make_cert(args, out)
    server = SyncServer(open_server_store(args, default_path))
    if args.command == "serve":
        return _serve(args, server, err)
    if args.server_command == "add-user":
        password = read_password(f"Kata sandi untuk {args.username}: ")
        try:
            server.add_user(args.username, password, args.role, args.branch)
        except SyncRefused as exc:
            raise DomainError(str(exc)) from exc
        print(f"Akun {args.username} ({args.role}, cabang {args.branch.upper()}) dibuat.",
              file=out)  # fmt: skip
        return 0
    if args.server_command == "import-bundle":
        return _import_bundle(args, server, out)
    if args.server_command in account_commands.COMMANDS:
        return account_commands.run(args, server, out)
    revoked = server.revoke(args.username, args.device)
    print(f"{revoked} tanda masuk {args.username} dicabut.", file=out)
    return 0


def _make_cert(args: argparse.Namespace, out: TextIO) -> int:
    folder = Path(args.folder)
    made = make_certificate(folder, list(args.name), replace=args.replace)
    print(f"Sertifikat: {made.certfile}\nKunci: {made.keyfile} (rahasia: jangan disalin ke "
          f"laptop)\nSidik jari SHA-256 untuk laptop:\n{made.fingerprint}", file=out)  # fmt: skip
    return 0


def _serve(args: argparse.Namespace, server: SyncServer, err: TextIO) -> int:
    certificate = serving_pair(args.certfile, args.keyfile, args.self_signed)
    publisher = None
    if args.reference_dir:
        publisher = ReferencePublisher(Path(args.reference_dir))
        tables = publisher.tables()  # a bad file stops the start, with its name
        names = ", ".join(table.name for table, _raw in tables) or "belum ada tabel"
        print(f"Data referensi dari {args.reference_dir}: {names}", file=err)
    scheme = "http" if certificate is None else "https"
    print(f"Server sinkronisasi di {scheme}://{args.host}:{args.port} (Ctrl+C untuk berhenti)",
          file=err)  # fmt: skip
    if certificate is not None:
        print(f"Sidik jari SHA-256 sertifikat (untuk laptop): {certificate.fingerprint}",
              file=err)  # fmt: skip
    elif args.host not in ("127.0.0.1", "::1", "localhost"):
        print("Peringatan: tanpa HTTPS laptop menolak server ini (token dan NIK akan lewat "
              "jaringan tanpa penyandian). Pakai --certfile/--keyfile atau --self-signed DIR, "
              "atau proxy HTTPS di depannya.", file=err)  # fmt: skip
    serve_http(server, args.host, args.port, publisher, certificate, args.forwarded_allow_ips)
    return 0


def _import_bundle(args: argparse.Namespace, server: SyncServer, out: TextIO) -> int:
    from outreach_app.services.print_output import write_atomically
    from outreach_app.sync.bundle import BundleError

    try:
        answer, summary = server.import_bundle(Path(args.file).read_bytes())
    except (BundleError, SyncRefused, OSError) as exc:
        raise DomainError(str(exc)) from exc
    write_atomically(answer, Path(args.answer))
    print(summary, file=out)
    print(f"Jawaban: {args.answer}", file=out)
    return 0
