"""`outreach protect`, `outreach password` and `outreach recovery ...`: the laptop's password
and the branch's side of a recovery.

On the laptop: protect a database that has no password yet, change the password, install the
branch's recovery key, write the file to send to the branch, take the branch's answer. At the
branch: make the recovery key pair once, and answer a laptop's file with a temporary
password. Secrets come from a prompt or standard input (cli/arguments.py), never arguments.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from outreach_app.cli.arguments import database_key, existing_database, read_password
from outreach_app.cli.context import CliContext
from outreach_app.domain.errors import DomainError
from outreach_app.services.keys import (
    BranchPublicKey,
    load_branch_private_key,
    new_branch_key,
)
from outreach_app.services.protection import (
    Protection,
    ProtectionStatus,
    reset_password_at_branch,
)

PRIVATE_NAME = "kunci-pemulihan-cabang.pem"
PUBLIC_NAME = "kunci-pemulihan-cabang.pub"


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DomainError(f"Berkas {path} tidak dapat dibaca.") from exc


def _branch_public_key(path: str | None) -> BranchPublicKey | None:
    return None if path is None else BranchPublicKey.from_file_text(_read_text(Path(path)))


def protect(args: argparse.Namespace, context: CliContext) -> int:
    """Encrypts the laptop's database with a new password (a new database: made encrypted)."""
    path = context.db_path(args)
    protection = Protection(path)
    status = protection.status()
    if status is ProtectionStatus.PROTECTED:
        raise DomainError(f"Basis data {path} sudah dilindungi kata sandi.")
    if status is ProtectionStatus.KEY_FILE_MISSING:
        raise DomainError(protection.missing_key_file_advice())
    branch = _branch_public_key(args.branch_key)
    password = read_password("Kata sandi baru: ", True, context)
    if status is ProtectionStatus.NEW:
        protection.protect_new(password, password, branch)
        print(f"Kunci dibuat untuk basis data baru {path}; dibuat terenkripsi saat pertama "
              "dibuka.", file=context.out)  # fmt: skip
        return 0
    protected = protection.protect_existing(password, password, branch)
    print(
        f"Basis data {path} kini terenkripsi. Cadangan terenkripsi: {protected.backup} "
        f"(dengan berkas kuncinya). Berkas kunci: {protection.keyring_path}",
        file=context.out,
    )
    if branch is None:
        print(
            "Belum ada kunci pemulihan cabang: kata sandi yang terlupa tidak dapat "
            "dipulihkan (pasang dengan `outreach recovery add-branch-key`).",
            file=context.err,
        )
    return 0


def _protected(args: argparse.Namespace, context: CliContext) -> Protection:
    path = existing_database(args, context)
    protection = Protection(path)
    if protection.status() is not ProtectionStatus.PROTECTED:
        raise DomainError(f"Basis data {path} tidak dilindungi kata sandi.")
    return protection


def password(args: argparse.Namespace, context: CliContext) -> int:
    protection = _protected(args, context)
    key = database_key(protection.db_path, context)
    assert key is not None
    new = read_password("Kata sandi baru: ", True, context)
    protection.change_password(key, new, new)
    print("Kata sandi diganti.", file=context.out)
    return 0


def recovery(args: argparse.Namespace, context: CliContext) -> int:
    command = args.recovery_command
    if command == "branch-key":
        return _new_branch_key(args, context)
    if command == "reset":
        return _reset(args, context)
    protection = _protected(args, context)
    if command == "add-branch-key":
        branch = _branch_public_key(args.file)
        assert branch is not None
        key = database_key(protection.db_path, context)
        assert key is not None
        protection.set_branch_key(key, branch)
        print(f"Kunci pemulihan cabang {branch.label} dipasang; sidik jari {branch.fingerprint} "
              "(cocokkan dengan kantor cabang).", file=context.out)  # fmt: skip
        return 0
    if command == "request":
        written = protection.recovery_request(Path(args.output))
        print(f"Tersimpan: {written}. Kirim berkas ini ke kantor cabang; isinya bukan data "
              "peserta.", file=context.out)  # fmt: skip
        return 0
    protection.take_recovery_answer(Path(args.file))
    print("Jawaban cabang dipasang. Masuk dengan kata sandi sementara, lalu buat kata sandi "
          "baru.", file=context.out)  # fmt: skip
    return 0


def _new_branch_key(args: argparse.Namespace, context: CliContext) -> int:
    folder = Path(args.out)
    private, public = folder / PRIVATE_NAME, folder / PUBLIC_NAME
    if private.exists() or public.exists():
        raise DomainError(f"Sudah ada kunci pemulihan di {folder}; tidak ditimpa.")
    passphrase = read_password("Frasa sandi kunci cabang (min. 12 karakter): ", True, context)
    if len(passphrase) < 12:
        raise DomainError("Frasa sandi kunci cabang minimal 12 karakter.")
    pem, branch = new_branch_key(args.label.strip().upper(), passphrase)
    folder.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(private, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(pem)
    public.write_text(branch.to_file_text(), encoding="utf-8")
    print(f"Kunci privat: {private} (simpan di kantor cabang saja, dengan frasa sandinya)\n"
          f"Kunci publik: {public} (pasang di setiap laptop)\n"
          f"Sidik jari: {branch.fingerprint}", file=context.out)  # fmt: skip
    return 0


def _reset(args: argparse.Namespace, context: CliContext) -> int:
    pem = Path(args.branch_key).read_bytes() if Path(args.branch_key).is_file() else b""
    if not pem:
        raise DomainError(f"Kunci privat cabang tidak ditemukan: {args.branch_key}")
    passphrase = read_password("Frasa sandi kunci cabang: ", False, context)
    private = load_branch_private_key(pem, passphrase)
    temporary = read_password("Kata sandi sementara untuk laptop: ", True, context)
    reset_password_at_branch(Path(args.file), private, temporary, temporary)
    print(f"{args.file} kini dibuka dengan kata sandi sementara. Kirim kembali ke laptop "
          "(Lupa kata sandi → Muat jawaban dari cabang); pengguna wajib membuat kata sandi "
          "baru saat masuk.", file=context.out)  # fmt: skip
    return 0
