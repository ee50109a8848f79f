"""The server's edge: what a request may be before anything parses it, and how a refusal is
answered.

Limits, enforced while the request is read, whatever it says about itself:
- the body: 8 MB as sent and 8 MB unpacked (`Content-Encoding: gzip`, as laptops push over
  2G), for every encoding, with a Content-Length or streamed in chunks without one, counted
  as it arrives (a declared length over the limit is refused before a byte of the body is
  read; a lying one changes nothing, the count does);
- the request target (path and query) 8 KB, the headers 16 KB and 100 of them (uvicorn
  itself refuses a request head still incomplete past `MAX_HEAD`).
Unpacking gzip runs on a worker thread, never on the event loop, so one large body does not
stall the other clients.

Every refusal is JSON with a `detail` a user can read (`Refusal`), including FastAPI's own
validation errors, whose default answer would echo the input back (a lone surrogate in it
made that answer itself fail with a 500).
"""

from __future__ import annotations

import zlib
from typing import Any

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from outreach_app.sync.protocol import PROTOCOL_VERSION

MAX_BODY = 8 * 1024 * 1024  # a push batch is far smaller; anything bigger is refused
MAX_TARGET = 8 * 1024  # path and query string
MAX_HEADERS = 16 * 1024  # names and values together
MAX_HEADER_COUNT = 100
MAX_HEAD = MAX_TARGET + MAX_HEADERS + 1024  # uvicorn's limit on an incomplete request head
MAX_ERRORS = 10  # validation errors listed in one answer


class RefusalItem(BaseModel):
    loc: list[str] = Field(description="where in the request: body, query, path, header")
    msg: str


class Refusal(BaseModel):
    """Every 4xx answer."""

    detail: str = Field(description="why the request was refused, for the user to read")
    errors: list[RefusalItem] | None = Field(
        default=None, description="validation errors: where, and what is wrong"
    )


_MEANINGS = {
    400: "Permintaan rusak (bukan JSON, gzip rusak, Content-Length tidak sah)",
    401: "Tanda masuk tidak ada, tidak sah atau dicabut",
    403: "Akun nonaktif, perangkat lain, atau di luar wewenang",
    404: "Tidak ada (pemeriksaan duplikat, cabang akun)",
    409: "Bertentangan dengan keadaan server (sudah diputuskan)",
    413: "Isi permintaan lebih dari 8 MB (terkirim atau setelah dibuka)",
    414: "Alamat permintaan lebih dari 8 KB",
    422: "Isian tidak sesuai skema (jenis, panjang, bentuk id, karakter NUL)",
    426: "Versi protokol tidak didukung: perbarui aplikasi",
    429: "Terlalu banyak percobaan masuk: tunggu sebentar",
    431: "Header permintaan terlalu besar",
}


def refusals(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` for these refusals, each with the `Refusal` model."""
    return {code: {"model": Refusal, "description": _MEANINGS[code]} for code in codes}


def _safe(text: str, limit: int = 200) -> str:
    """Text from the request, fit to echo: no lone surrogate, no NUL, bounded."""
    cleaned = text[: limit * 2].encode("utf-8", "backslashreplace").decode("utf-8")
    return cleaned.replace("\x00", "\\x00")[:limit]


def _invalid(_request: Request, exc: Exception) -> JSONResponse:
    body = getattr(exc, "body", None)
    if isinstance(body, dict) and body.get("protocol", PROTOCOL_VERSION) != PROTOCOL_VERSION:
        # another version's request may have another shape: say so, not what is wrong in it
        return JSONResponse({"detail": _protocol_refusal(body["protocol"])}, status_code=426)
    errors = exc.errors() if isinstance(exc, RequestValidationError) else []
    items = [
        RefusalItem(loc=[_safe(str(part), 64) for part in error.get("loc", ())][:12],
                    msg=_safe(str(error.get("msg", ""))))
        for error in errors[:MAX_ERRORS]
    ]  # fmt: skip
    first = f"{'.'.join(items[0].loc)}: {items[0].msg}" if items else "isian tidak sah"
    body = Refusal(detail=f"Permintaan tidak sah: {first}", errors=items)
    return JSONResponse(body.model_dump(exclude_none=True), status_code=422)


def _protocol_refusal(protocol: object) -> str:
    shown = protocol if type(protocol) is int else _safe(repr(protocol), 40)
    return (f"Versi protokol {shown} tidak didukung server ini (versi {PROTOCOL_VERSION}); "
            "perbarui aplikasi.")  # fmt: skip


def _http_error(_request: Request, exc: Exception) -> JSONResponse:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    detail = {
        400: "Isi permintaan tidak terbaca (bukan JSON yang sah).",
        404: "Alamat ini tidak dikenal server.",
        405: "Metode ini tidak dipakai untuk alamat ini.",
    }.get(status, _safe(str(getattr(exc, "detail", ""))) or "Permintaan ditolak.")
    headers = getattr(exc, "headers", None)
    return JSONResponse({"detail": detail}, status_code=status, headers=headers)


def install_refusals(app: FastAPI) -> None:
    """Validation errors and FastAPI's own HTTP errors answered as `Refusal`s."""
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(HTTPException, _http_error)


class RequestLimits:
    """ASGI middleware: the limits in the module docstring, then the body handed on whole
    (unpacked if it was gzip)."""

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal = self._head_refusal(scope)
        if refusal is not None:
            await _refuse(send, *refusal)
            return
        headers = scope["headers"]
        encoding = b""
        for name, value in headers:
            if name == b"content-encoding":
                encoding = value.strip().lower()
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return  # the client left: no one to answer
            body += message.get("body", b"")
            if len(body) > self.max_body:
                await _refuse(send, 413, "Permintaan terlalu besar (lebih dari 8 MB).")
                return
            if not message.get("more_body"):
                break
        plain = bytes(body)
        if encoding == b"gzip":
            try:
                plain = await anyio.to_thread.run_sync(_inflate, plain, self.max_body)
            except ValueError as exc:
                await _refuse(send, *exc.args)
                return
            scope = dict(scope)
            scope["headers"] = [
                (k, v) for k, v in headers if k not in (b"content-encoding", b"content-length")
            ] + [(b"content-length", str(len(plain)).encode())]
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return await receive()  # waits for the client to leave, as the server would
            sent = True
            return {"type": "http.request", "body": plain, "more_body": False}

        await self.app(scope, replay, send)

    def _head_refusal(self, scope: Scope) -> tuple[int, str] | None:
        target = len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"")
        if target > MAX_TARGET:
            return 414, "Alamat permintaan terlalu panjang (lebih dari 8 KB)."
        headers = scope["headers"]
        if (
            len(headers) > MAX_HEADER_COUNT
            or sum(len(k) + len(v) for k, v in headers) > MAX_HEADERS
        ):
            return 431, "Header permintaan terlalu besar."
        for name, value in headers:
            if name == b"content-encoding" and value.strip().lower() not in (b"", b"identity",
                                                                              b"gzip"):  # fmt: skip
                return 400, "Content-Encoding tidak didukung (hanya gzip)."
            if name == b"content-length":
                if not value.strip().isdigit():
                    return 400, "Content-Length tidak sah."
                if int(value) > self.max_body:
                    return 413, "Permintaan terlalu besar (lebih dari 8 MB)."
        return None


def _inflate(data: bytes, limit: int) -> bytes:
    """A gzip body unpacked, at most `limit` bytes; ValueError(status, reason) otherwise."""
    unpacker = zlib.decompressobj(wbits=31)
    try:
        plain = unpacker.decompress(data, limit + 1)
    except zlib.error as exc:
        raise ValueError(400, "Isi permintaan gzip rusak.") from exc
    if len(plain) > limit:
        raise ValueError(413, "Permintaan terlalu besar setelah dibuka (lebih dari 8 MB).")
    if not unpacker.eof:
        raise ValueError(400, "Isi permintaan gzip terpotong.")
    return plain


async def _refuse(send: Send, status: int, detail: str) -> None:
    body = Refusal(detail=detail).model_dump_json(exclude_none=True).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})  # fmt: skip
    await send({"type": "http.response.body", "body": body})
