"""The sync wire protocol, version 1: what a laptop and the branch server say to each other.

Push: the laptop sends its outbox in small batches, each change numbered by the device's own
sequence; the server keeps (device, seq) unique, so a batch sent again after a lost reply
changes nothing. Each change gets its own answer: accepted, already had, or rejected with a
reason (the rest of the batch goes on); for fields where the server already holds a newer
write, the answer carries that write so the laptop ends with the same value.
Pull: the changes the server accepted after the laptop's cursor, within the laptop user's
scope, a page at a time, in the order the server accepted them.

The same models describe the HTTP API in the server's OpenAPI document.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field, RootModel

PROTOCOL_VERSION = 1
MAX_PUSH_BATCH = 200
PULL_PAGE = 500

Op = Literal["insert", "update", "delete"]
ID_LENGTH = 64  # row and device ids (UUIDs are 36): what the server's columns hold


class Change(BaseModel):
    """One row's change as a device recorded it in its outbox."""

    device_id: str = Field(max_length=ID_LENGTH)
    seq: int = Field(ge=1, description="the device's own sequence number of this change")
    table: str = Field(max_length=32)
    row_id: str = Field(max_length=ID_LENGTH)
    op: Op
    fields: dict[str, Any]
    hlc: str = Field(pattern=r"^\d{13}-[0-9a-f]{4}$")


class FieldWrite(BaseModel):
    value: Any
    version: str


class ChangeResult(BaseModel):
    seq: int
    status: Literal["accepted", "already_had", "rejected"]
    reason: str | None = None
    newer: dict[str, FieldWrite] = Field(
        default_factory=dict,
        description="fields the server already had a newer write for: the laptop takes these",
    )


class PushRequest(BaseModel):
    protocol: int = PROTOCOL_VERSION
    device_id: str
    changes: list[Change] = Field(max_length=MAX_PUSH_BATCH)


class PushResponse(BaseModel):
    results: list[ChangeResult]


class PulledChange(Change):
    server_seq: int
    op: Literal["insert", "update", "delete", "snapshot"] = Field(  # type: ignore[assignment]
        description="'snapshot': a whole row as the server holds it, for a laptop whose scope "
        "just grew (an agent assigned a village); `versions` then gives each field's version"
    )
    versions: dict[str, str] | None = Field(
        default=None, description="per field, the version (hlc@device) of its current value"
    )


class PullResponse(BaseModel):
    changes: list[PulledChange]
    cursor: int = Field(description="pass this back to get the next page")
    more: bool


class SignInRequest(BaseModel):
    protocol: int = PROTOCOL_VERSION
    username: str
    password: str
    device_id: str
    device_name: str


class SignInResponse(BaseModel):
    token: str
    username: str
    role: Literal["agent", "staff"]
    branch_code: str
    server_key: str = Field(description="the public key the server signs answer bundles with")


class ServerInfo(BaseModel):
    name: str = "Perisai Outreach sync server"
    protocols: list[int] = [PROTOCOL_VERSION]


class ReviewedRecord(BaseModel):
    """One of the two records of a duplicate review, as the branch compares them."""

    row_id: str
    fields: dict[str, Any] = Field(description="the participant's data as the server holds it")
    village: str | None = Field(default=None, description="the village's name")
    agent: str | None = Field(default=None, description="the agent who enrolled it")
    receipts: int = Field(default=0, description="standing (not voided) receipts")
    paid_total: int = Field(default=0, description="rupiah on those receipts")
    heirs: int = 0
    retired: bool = Field(default=False, description="already merged into another record")


class DuplicateReview(BaseModel):
    id: int
    nik: str
    first_row_id: str
    second_row_id: str
    status: Literal["open", "resolved"]
    kept_row_id: str | None = None
    created_at: str | None = None
    resolved_at: str | None = None
    records: list[ReviewedRecord] = Field(default_factory=list)


class ReviewList(RootModel[list[DuplicateReview]]):
    """The answer of GET /v1/duplicate-reviews."""


class ResolveRequest(BaseModel):
    keep_row_id: str = Field(description="the record to keep; the other is merged into it")


class ResolveResponse(BaseModel):
    review: DuplicateReview
    changes: int = Field(description="changes the server made (laptops receive them on pull)")
