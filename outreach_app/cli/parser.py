"""The argument parser for `outreach` and its commands.

Kept apart from the commands so that starting the desktop app parses its few options without
importing what the commands use (demo generator, printing, sync)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from outreach_app.cli.account_parser import add_account_commands
from outreach_app.cli.cash_parser import add_cash_commands
from outreach_app.cli.payment_parser import add_payment_commands
from outreach_app.cli.void_parser import add_void_command
from outreach_app.domain.models import PayerType, Sector


class _VersionAction(argparse.Action):
    """Like argparse's "version", but the version is looked up only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str, **_: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> None:
        import outreach_app

        print(f"{parser.prog} {outreach_app.__version__}")
        parser.exit()


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; without commands, only what starting the app takes (about
    15 ms less to build, on every start of the desktop app)."""
    db = argparse.ArgumentParser(add_help=False)
    db.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="database file (default: $OUTREACH_DB, then the user's data folder)",
    )
    parser = argparse.ArgumentParser(
        prog="outreach",
        description="Perisai Outreach: pendaftaran dan iuran BPU BPJS Ketenagakerjaan, luring.",
        parents=[db],
    )
    parser.add_argument("--version", action=_VersionAction)
    parser.add_argument("--demo", action="store_true", help="open the demo database")
    parser.add_argument(
        "--screenshot",
        metavar="FILE.png",
        help="start the app, save a screenshot of the main window once loaded, and exit",
    )
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the database password from the first line of standard input instead of "
        "asking in a window (for --screenshot and scripts)",
    )
    parser.add_argument(
        "--page",
        default="today",
        choices=["today", "visits", "participants", "payments", "dashboard", "settings"],
    )
    if not with_commands:
        parser.set_defaults(command=None)
        return parser
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    init = commands.add_parser("init", parents=[db], help="create (and seed) a database")
    init.add_argument("--demo", action="store_true", help="fill it with the demo data")

    nik = commands.add_parser("nik", parents=[db], help="check a NIK and show what it says")
    nik.add_argument("nik", metavar="NIK")
    nik.add_argument("--json", action="store_true")

    premium = commands.add_parser("premium", parents=[db], help="compute a BPU premium")
    premium.add_argument("--income", required=True, metavar="N", help="declared monthly income")
    premium.add_argument("--months", type=int, default=1, metavar="1|3|6|12")
    premium.add_argument("--jht", action="store_true", help="include JHT (old-age savings)")
    premium.add_argument("--date", metavar="YYYY-MM-DD", help="the date the premium is for")
    premium.add_argument(
        "--payer", default="self", choices=[p.value for p in PayerType], metavar="PAYER"
    )
    premium.add_argument(
        "--sector", default="other", choices=[s.value for s in Sector], metavar="SECTOR"
    )
    premium.add_argument("--json", action="store_true")

    printing = commands.add_parser("print", parents=[db], help="print documents as PDF")
    documents = printing.add_subparsers(dest="print_command", metavar="DOCUMENT", required=True)
    output = argparse.ArgumentParser(add_help=False)
    output.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    form = documents.add_parser("form", parents=[db, output], help="registration form (F1 BPU)")
    which = form.add_mutually_exclusive_group(required=True)
    which.add_argument("--nik", help="pre-filled for the participant with this NIK")
    which.add_argument("--blank", action="store_true", help="blank, for filling in by hand")
    receipt = documents.add_parser("receipt", parents=[db, output], help="one premium receipt")
    receipt.add_argument("receipt_no", metavar="RECEIPT_NO")
    receipts = documents.add_parser(
        "receipts", parents=[db, output], help="every receipt an agent wrote on a day"
    )
    receipts.add_argument("--date", metavar="YYYY-MM-DD", help="default: today")
    receipts.add_argument("--agent", metavar="USERNAME", help="default: this laptop's agent")
    payer_list = documents.add_parser(
        "payer-list", parents=[db, output], help="collective list and bill for a payer"
    )
    payer_list.add_argument("payer_id", metavar="PAYER_ID")
    payer_list.add_argument("--month", required=True, metavar="YYYY-MM")
    visit_report = documents.add_parser(
        "visit-report", parents=[db, output], help="report of a village visit"
    )
    visit_report.add_argument("visit_id", metavar="VISIT_ID")
    visit_forms = documents.add_parser(
        "visit-forms", parents=[db, output], help="registration forms of everyone a visit enrolled"
    )
    visit_forms.add_argument("visit_id", metavar="VISIT_ID")

    add_cash_commands(commands, db)
    add_void_command(add_payment_commands(commands, db), db)

    verify = commands.add_parser(
        "verify-receipt", parents=[db], help="check that a receipt is genuine and unaltered"
    )
    verify.add_argument("source", metavar="FILE.pdf|PAYLOAD")
    verify.add_argument("--nik", help="also check the receipt belongs to this NIK")
    verify.add_argument("--json", action="store_true")

    store = argparse.ArgumentParser(add_help=False)
    where = store.add_mutually_exclusive_group()
    where.add_argument("--db", metavar="FILE", help="the server's SQLite file")
    where.add_argument("--database-url", metavar="URL", help="postgresql+psycopg://user@host/db")
    serve = commands.add_parser("serve", parents=[store], help="run the branch sync server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8750)
    serve.add_argument(
        "--reference-dir",
        metavar="DIR",
        help="a folder of reference tables (bpu.json, incentive.json, regions.json) for laptops",
    )
    tls = serve.add_argument_group("HTTPS (laptops refuse plain http:// over the network)")
    tls.add_argument("--certfile", metavar="FILE", help="the server's certificate (PEM)")
    tls.add_argument("--keyfile", metavar="FILE", help="its private key (PEM)")
    tls.add_argument(
        "--self-signed",
        metavar="DIR",
        help="use DIR/branch.crt and DIR/branch.key, made there first if missing",
    )
    serve.add_argument(
        "--forwarded-allow-ips",
        metavar="IPS",
        help="behind a reverse proxy: the proxy addresses whose X-Forwarded-* headers count "
        "(default 127.0.0.1)",
    )
    admin = commands.add_parser("server", help="manage the sync server's accounts")
    admin_commands = admin.add_subparsers(dest="server_command", metavar="ACTION", required=True)
    add_user = admin_commands.add_parser(
        "add-user", parents=[store], help="an account (password from a prompt or stdin)"
    )
    add_user.add_argument("username", metavar="NAME")
    add_user.add_argument("--role", required=True, choices=["agent", "staff"])
    add_user.add_argument("--branch", required=True, metavar="CODE")
    revoke = admin_commands.add_parser(
        "revoke", parents=[store], help="sign a user's devices out (a lost laptop)"
    )
    revoke.add_argument("username", metavar="NAME")
    revoke.add_argument(
        "--device", metavar="DEVICE_ID", help="only this device, and revoke the device too"
    )
    add_account_commands(admin_commands, store)
    make_cert = admin_commands.add_parser(
        "make-cert", help="a self-signed branch certificate and key; prints its fingerprint"
    )
    make_cert.add_argument("folder", metavar="DIR", help="where branch.crt and branch.key go")
    make_cert.add_argument(
        "--name",
        action="append",
        default=[],
        metavar="HOST_OR_IP",
        help="an address laptops use for the server (repeatable)",
    )
    make_cert.add_argument("--replace", action="store_true", help="make a new pair over the old")
    sync = commands.add_parser("sync", parents=[db], help="sync with the branch server")
    sync.add_argument("--server", metavar="URL", help="e.g. https://10.0.0.5:8750")
    sync.add_argument("--user", metavar="NAME", help="sign in (again) as this user")
    sync.add_argument(
        "--fingerprint",
        metavar="SHA256",
        help="the branch certificate's SHA-256 fingerprint, from the branch (signs in again)",
    )
    sync.add_argument(
        "--allow-insecure-http",
        action="store_true",
        help="FOR TESTING ONLY: allow plain http:// to this server over the network",
    )

    bundle = commands.add_parser("bundle", help="sync by file, for places with no signal")
    bundle_commands = bundle.add_subparsers(dest="bundle_command", metavar="ACTION", required=True)
    export = bundle_commands.add_parser(
        "export", parents=[db], help="this laptop's unsent changes to a signed file"
    )
    export.add_argument("file", metavar="FILE")
    answer = bundle_commands.add_parser(
        "import", parents=[db], help="take in the branch's answer file"
    )
    answer.add_argument("file", metavar="FILE")
    server_import = admin_commands.add_parser(
        "import-bundle", parents=[store], help="apply an agent's bundle; write the answer"
    )
    server_import.add_argument("file", metavar="FILE")
    server_import.add_argument("-o", "--answer", required=True, metavar="ANSWER_FILE")

    importing = commands.add_parser("import", help="import records from a spreadsheet")
    import_commands = importing.add_subparsers(dest="import_command", metavar="WHAT", required=True)
    participants = import_commands.add_parser(
        "participants", parents=[db], help="participants from a CSV or XLSX list"
    )
    participants.add_argument("file", metavar="FILE")
    participants.add_argument("--payer", metavar="ID", help="the payer of everyone in the file")
    participants.add_argument(
        "--dry-run", action="store_true", help="check every row, import nothing"
    )
    participants.add_argument(
        "--errors", metavar="FILE", help="where the refused rows go (default: FILE-ditolak)"
    )
    exporting = commands.add_parser(
        "export", parents=[db], help="participants, payments or visits to XLSX or CSV"
    )
    exporting.add_argument("what", choices=["participants", "payments", "visits"])
    exporting.add_argument("file", metavar="FILE", help="FILE.xlsx or FILE.csv")
    exporting.add_argument("--village", metavar="CODE", help="only this village (10 digits)")

    reference = commands.add_parser(
        "reference", help="rate tables, incentive rules and region updates in force"
    )
    reference_commands = reference.add_subparsers(
        dest="reference_command", metavar="ACTION", required=True
    )
    show = reference_commands.add_parser(
        "show", parents=[db], help="the tables in force: dates, legal basis, where from"
    )
    show.add_argument("--json", action="store_true")
    take = reference_commands.add_parser(
        "import", parents=[db], help="take a table from a file (checked before it is kept)"
    )
    take.add_argument("file", metavar="FILE")
    reference_commands.add_parser(
        "update", parents=[db], help="take the tables the branch server publishes"
    )
    protect = commands.add_parser(
        "protect", parents=[db], help="encrypt this laptop's database with a password"
    )
    protect.add_argument("--branch-key", metavar="FILE.pub", help="the branch's recovery key")
    commands.add_parser("password", parents=[db], help="change the database password")
    recovery = commands.add_parser("recovery", help="recover a forgotten password (branch)")
    recovery_commands = recovery.add_subparsers(
        dest="recovery_command", metavar="ACTION", required=True
    )
    branch_key = recovery_commands.add_parser(
        "branch-key", help="branch: make the recovery key pair (once per branch)"
    )
    branch_key.add_argument("--label", required=True, metavar="CODE", help="the branch code")
    branch_key.add_argument("--out", required=True, metavar="FOLDER")
    reset = recovery_commands.add_parser(
        "reset", help="branch: set a temporary password in a laptop's key file"
    )
    reset.add_argument("file", metavar="KEY_FILE")
    reset.add_argument("--branch-key", required=True, metavar="FILE.pem")
    add_key = recovery_commands.add_parser(
        "add-branch-key", parents=[db], help="laptop: install the branch's recovery key"
    )
    add_key.add_argument("file", metavar="FILE.pub")
    request = recovery_commands.add_parser(
        "request", parents=[db], help="laptop: the file to send to the branch"
    )
    request.add_argument("-o", "--output", required=True, metavar="FILE")
    answer_key = recovery_commands.add_parser(
        "answer", parents=[db], help="laptop: take in the branch's answer"
    )
    answer_key.add_argument("file", metavar="FILE")

    demo = commands.add_parser("demo", parents=[db], help="demo and benchmark data")
    demo_commands = demo.add_subparsers(dest="demo_command", metavar="ACTION", required=True)
    generate = demo_commands.add_parser(
        "generate", parents=[db], help="add many synthetic participants (for benchmarks)"
    )
    generate.add_argument("--participants", type=int, required=True, metavar="N")
    generate.add_argument("--seed", type=int, default=7)
    return parser


_TAKES_VALUE = {"--db", "--screenshot", "--page"}


def _names_a_command(argv: Sequence[str]) -> bool:
    """Whether the arguments name a command or ask for help (the full parser is needed)."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in ("-h", "--help"):
            return True
        elif arg in _TAKES_VALUE:
            skip = True
        elif not arg.startswith("-"):
            return True
    return False


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    args = list(sys.argv[1:] if argv is None else argv)
    return build_parser(with_commands=_names_a_command(args)).parse_args(args)
