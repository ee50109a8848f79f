"""The sync wire protocol, version 1: what a laptop and the branch server say to each other.

Push: the laptop sends its outbox in small batches, each change numbered by the device's own
sequence; the server keeps (device, seq) unique, so a batch sent again after a lost reply
changes nothing. Each change gets its own answer: accepted, already had, or rejected with a
reason (the rest of the batch goes on); for fields where the server already holds a newer
write, the answer carries that write so the laptop ends with the same value.
Pull: the changes the server accepted after the laptop's cursor, within the laptop user's
scope, a page at a time, in the order the server accepted them.

On the wire, changes travel in groups (`ChangeGroup`): those of one table with the same op
and the same changed fields, column by column, the field names once and the numbers as steps
(see packing.py), so a page costs little more than gzip of its fields alone. A group keeps
its changes in order, and the order across groups comes back from their numbers: a push by
`seq`, a pull by `server_seq`. The answer to a push lists plain acceptances as seq ranges and
only the other answers in full.

The same models describe the HTTP API in the server's OpenAPI document.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import Annotated, Any, Literal, Self

from pydantic import BaseModel, Field, PrivateAttr, RootModel, field_validator, model_validator

from outreach_app.domain.change_shape import ChangeLike, PulledLike
from outreach_app.sync.packing import (
    deltas,
    hlc_number,
    hlc_text,
    pack_uuids,
    undelta,
    unpack_uuids,
)
from outreach_app.sync.wire_types import ID_LENGTH as ID_LENGTH  # the server reads it here
from outreach_app.sync.wire_types import (
    DeviceId,
    DeviceName,
    FieldName,
    Hlc,
    LaptopId,
    Password,
    RowId,
    SmallInt,
    TableName,
    Username,
    Version,
    check_column,
    check_columns,
    check_fields,
)

PROTOCOL_VERSION = 1
MAX_PUSH_BATCH = 200
PULL_PAGE = 500
MAX_GROUP = max(MAX_PUSH_BATCH, PULL_PAGE)
MAX_FIELDS = 100
MAX_SEQ = 2**63 - 1  # a database integer

Op = Literal["insert", "update", "delete"]
# 'snapshot': a whole row as the server holds it, for a laptop whose scope just grew (an
# agent assigned a village), with each field's version
PulledOp = Literal["insert", "update", "delete", "snapshot"]
MAX_TAILS = -(-10 * MAX_GROUP * 4 // 3)  # base64 of 10 bytes a row
Protocol = Annotated[int, Field(ge=0, le=MAX_SEQ)]
SeqRange = tuple[int, int]
# (seq, hlc, row id, fields) of one change in a group
Row = tuple[int, str, str, dict[str, Any]]


class Change(BaseModel):
    """One row's change as a device recorded it in its outbox (and as a bundle carries it)."""

    device_id: DeviceId
    seq: int = Field(ge=1, le=MAX_SEQ, description="the device's own sequence number")
    table: TableName
    row_id: RowId
    op: Op
    fields: dict[FieldName, Any] = Field(
        max_length=MAX_FIELDS, description="values are scalars: text, number, boolean or null"
    )
    hlc: Hlc

    @field_validator("fields")
    @classmethod
    def _scalars(cls, fields: dict[str, Any]) -> dict[str, Any]:
        check_fields(fields)
        return fields


class ChangeGroup(BaseModel):
    """Changes of one table with the same op and the same changed fields, in the order they
    were made, column by column."""

    table: TableName
    op: Op
    fields: list[FieldName] = Field(max_length=MAX_FIELDS, description="the changed fields' names")
    seqs: list[SmallInt] = Field(
        min_length=1,
        max_length=MAX_GROUP,
        description="each change's sequence number on its device, delta-encoded: the first "
        "as it is, each next one as the difference from the one before",
    )
    hlcs: list[SmallInt] = Field(
        min_length=1,
        max_length=MAX_GROUP,
        description="each change's hybrid logical clock as one number (milliseconds * 65536 "
        "+ counter), delta-encoded like seqs",
    )
    row_ids: list[RowId] | None = Field(
        None, max_length=MAX_GROUP, description="the rows' ids, unless they travel as UUIDs below"
    )
    uuid_ms: list[SmallInt] | None = Field(
        None,
        max_length=MAX_GROUP,
        description="row ids that are UUIDs: their first 48 bits (a UUIDv7's milliseconds), "
        "delta-encoded",
    )
    uuid_tails: str | None = Field(
        None,
        max_length=MAX_TAILS,
        pattern=r"^[A-Za-z0-9_-]*$",
        description="row ids that are UUIDs: their last 80 bits, 10 bytes a row, base64url",
    )
    columns: list[Annotated[list[Any], Field(max_length=MAX_GROUP)]] = Field(
        max_length=MAX_FIELDS,
        description="one list per name in `fields`, holding that field's value in each change "
        "(scalars: text, number, boolean or null)",
    )

    _rows: list[Row] | None = PrivateAttr(None)

    @model_validator(mode="after")
    def _readable(self) -> Self:
        check_columns(self.fields, self.columns)
        self._rows = self._decode()
        return self

    @classmethod
    def of(cls, table: str, op: str, names: Sequence[str], changes: Sequence[ChangeLike],
           **extra: Any) -> Self:  # fmt: skip
        """`changes` in order, each with exactly the fields `names`."""
        ids = [change.row_id for change in changes]
        packed = pack_uuids(ids)
        return cls.model_construct(
            table=table,
            op=op,
            fields=list(names),
            seqs=deltas(change.seq for change in changes),
            hlcs=deltas(hlc_number(change.hlc) for change in changes),
            row_ids=ids if packed is None else None,
            uuid_ms=None if packed is None else packed[0],
            uuid_tails=None if packed is None else packed[1],
            columns=[[change.fields[name] for change in changes] for name in names],
            **extra,
        )

    def rows(self) -> list[Row]:
        if self._rows is None:
            self._rows = self._decode()
        return self._rows

    def _decode(self) -> list[Row]:
        count = len(self.seqs)
        if len(self.hlcs) != count:
            raise ValueError("hlcs must have one entry for each of seqs")
        if len(set(self.fields)) != len(self.fields):
            raise ValueError("a field name appears twice in fields")
        if len(self.columns) != len(self.fields) or any(len(c) != count for c in self.columns):
            raise ValueError("columns must have one list per field, one value per change")
        if self.row_ids is not None:
            if self.uuid_ms is not None or self.uuid_tails is not None:
                raise ValueError("row ids come either as row_ids or as uuid_ms and uuid_tails")
            ids = self.row_ids
        elif self.uuid_ms is None or self.uuid_tails is None:
            raise ValueError("row ids are missing: give row_ids, or uuid_ms and uuid_tails")
        else:
            ids = unpack_uuids(self.uuid_ms, self.uuid_tails)
        if len(ids) != count:
            raise ValueError("there must be one row id for each change")
        seqs = undelta(self.seqs)
        if any(not 1 <= seq <= MAX_SEQ for seq in seqs):
            raise ValueError(f"sequence numbers run from 1 to {MAX_SEQ}")
        hlcs = [hlc_text(number) for number in undelta(self.hlcs)]
        names = self.fields
        values: Iterable[tuple[Any, ...]] = (
            zip(*self.columns, strict=True) if names else [()] * count
        )
        return [
            (seq, hlc, row_id, dict(zip(names, row, strict=True)))
            for seq, hlc, row_id, row in zip(seqs, hlcs, ids, values, strict=True)
        ]


class PulledGroup(ChangeGroup):
    """A group in a pull: changes of one device, numbered in the order the server took them."""

    device_id: DeviceId
    op: PulledOp  # type: ignore[assignment]  # a pull also carries snapshots
    server_seqs: list[SmallInt] = Field(
        min_length=1, max_length=MAX_GROUP, description="delta-encoded, like seqs"
    )
    versions: list[dict[FieldName, Version]] | None = Field(
        None,
        max_length=MAX_GROUP,
        description="snapshots only: for each row, the version (hlc@device) of each field's "
        "current value",
    )

    @model_validator(mode="after")
    def _numbered(self) -> Self:
        if len(self.server_seqs) != len(self.seqs):
            raise ValueError("server_seqs must have one entry for each of seqs")
        if self.versions is not None and len(self.versions) != len(self.seqs):
            raise ValueError("versions must have one entry for each of seqs")
        return self


class PulledChange(Change):
    """One pulled change spelled out, as an answer bundle carries it."""

    server_seq: int = Field(ge=1, le=MAX_SEQ)
    op: PulledOp  # type: ignore[assignment]
    versions: dict[FieldName, Version] | None = Field(
        default=None, description="snapshots: per field, the version (hlc@device) of its value"
    )


class PulledChanges(RootModel[list[PulledChange]]):
    """The pulled changes of an answer bundle."""


class FieldWrite(BaseModel):
    value: Any = Field(description="a scalar: text, number, boolean or null")
    version: Version

    @field_validator("value")
    @classmethod
    def _scalar(cls, value: Any) -> Any:
        check_column("value", (value,))
        return value


class ChangeResult(BaseModel):
    seq: int
    status: Literal["accepted", "already_had", "rejected", "seq_reused"] = Field(
        description="'seq_reused': the server holds a different change under this device's "
        "seq (the laptop went back in time: a restored backup, a copied database); the "
        "laptop must not count it as sent"
    )
    reason: str | None = None
    newer: dict[str, FieldWrite] = Field(
        default_factory=dict,
        description="fields the server already had a newer write for: the laptop takes these",
    )


class ChangeResults(RootModel[list[ChangeResult]]):
    """The answers to a bundle's changes, one each."""


def _group_key(change: ChangeLike) -> tuple[str, str, tuple[str, ...]]:
    return change.table, change.op, tuple(sorted(change.fields))


class PushRequest(BaseModel):
    protocol: Protocol = PROTOCOL_VERSION
    device_id: LaptopId
    groups: list[ChangeGroup] = Field(default_factory=list, max_length=MAX_PUSH_BATCH)

    @model_validator(mode="after")
    def _small(self) -> Self:
        if sum(len(group.seqs) for group in self.groups) > MAX_PUSH_BATCH:
            raise ValueError(f"at most {MAX_PUSH_BATCH} changes in one push")
        return self

    @classmethod
    def of(cls, device_id: str, changes: Iterable[ChangeLike]) -> Self:
        grouped: dict[tuple[str, str, tuple[str, ...]], list[ChangeLike]] = {}
        for change in sorted(changes, key=lambda c: c.seq):
            grouped.setdefault(_group_key(change), []).append(change)
        groups = [ChangeGroup.of(*key, members) for key, members in grouped.items()]
        return cls.model_construct(protocol=PROTOCOL_VERSION, device_id=device_id, groups=groups)

    def decoded(self) -> list[Change]:
        """The changes one by one, in the order the device made them (by seq)."""
        changes = [
            Change.model_construct(device_id=self.device_id, seq=seq, table=group.table,
                                   row_id=row_id, op=group.op, fields=fields, hlc=hlc)
            for group in self.groups
            for seq, hlc, row_id, fields in group.rows()
        ]  # fmt: skip
        changes.sort(key=lambda change: change.seq)
        return changes


class PushResponse(BaseModel):
    """The answer to every change of a push: most are plain acceptances, sent as ranges."""

    accepted: list[SeqRange] = Field(
        default_factory=list,
        description="[first, last] seq ranges accepted as sent (the server held nothing newer)",
    )
    already_had: list[SeqRange] = Field(
        default_factory=list, description="[first, last] seq ranges the server had already"
    )
    results: list[ChangeResult] = Field(
        default_factory=list,
        description="every other answer in full: rejections with their reason, acceptances "
        "with the newer writes the server holds",
    )
    device_seq: int = Field(
        default=0, description="the highest seq of this device the server holds, after this push"
    )

    @classmethod
    def of(cls, results: Iterable[ChangeResult]) -> PushResponse:
        plain: dict[str, list[int]] = {"accepted": [], "already_had": []}
        others = []
        for result in results:
            if result.status in plain and not result.newer:
                plain[result.status].append(result.seq)
            else:
                others.append(result)
        return cls(accepted=_ranges(plain["accepted"]), already_had=_ranges(plain["already_had"]),
                   results=others)  # fmt: skip

    def results_for(self, seqs: Iterable[int]) -> list[ChangeResult]:
        """The answer to each of these changes, in their order; a change the answer does not
        mention gets none (it stays unsent and goes again next time)."""
        full = {result.seq: result for result in self.results}
        accepted, already_had = sorted(self.accepted), sorted(self.already_had)
        found = []
        for seq in seqs:
            if seq in full:
                found.append(full[seq])
            elif _within(accepted, seq):
                found.append(ChangeResult(seq=seq, status="accepted"))
            elif _within(already_had, seq):
                found.append(ChangeResult(seq=seq, status="already_had"))
        return found


def _ranges(seqs: list[int]) -> list[SeqRange]:
    ranges: list[list[int]] = []
    for seq in sorted(set(seqs)):
        if ranges and ranges[-1][1] == seq - 1:
            ranges[-1][1] = seq
        else:
            ranges.append([seq, seq])
    return [(first, last) for first, last in ranges]


def _within(ordered: list[SeqRange], seq: int) -> bool:
    """Whether `seq` lies in one of these ranges (sorted by their first seq)."""
    at = bisect.bisect_right(ordered, (seq, MAX_SEQ + 1)) - 1
    return at >= 0 and ordered[at][0] <= seq <= ordered[at][1]


class PullResponse(BaseModel):
    groups: list[PulledGroup] = Field(default_factory=list)
    cursor: int = Field(description="pass this back to get the next page")
    more: bool
    device_seq: int = Field(
        default=0, description="the highest seq of the pulling device the server holds"
    )

    @classmethod
    def of(cls, changes: Sequence[PulledLike], cursor: int, more: bool) -> PullResponse:
        grouped: dict[tuple[str, str, str, tuple[str, ...]], list[PulledLike]] = {}
        for change in changes:
            grouped.setdefault((change.device_id, *_group_key(change)), []).append(change)
        groups = [
            PulledGroup.of(table, op, names, members, device_id=device,
                           server_seqs=deltas(c.server_seq for c in members),
                           versions=[getattr(c, "versions", None) or {} for c in members]
                           if op == "snapshot" else None)
            for (device, table, op, names), members in grouped.items()
        ]  # fmt: skip
        return cls.model_construct(groups=groups, cursor=cursor, more=more)

    def decoded(self) -> list[dict[str, Any]]:
        """The changes one by one, in the order the server accepted them."""
        changes: list[dict[str, Any]] = []
        for group in self.groups:
            versions: list[dict[str, str] | None] = list(group.versions or ())
            versions += [None] * (len(group.seqs) - len(versions))
            changes += [
                {"server_seq": server_seq, "device_id": group.device_id, "seq": seq,
                 "table": group.table, "row_id": row_id, "op": group.op, "fields": fields,
                 "hlc": hlc, **({"versions": known} if known is not None else {})}
                for server_seq, (seq, hlc, row_id, fields), known in zip(
                    undelta(group.server_seqs), group.rows(), versions, strict=True)
            ]  # fmt: skip
        changes.sort(key=lambda change: change["server_seq"])
        return changes


class SignInRequest(BaseModel):
    protocol: Protocol = PROTOCOL_VERSION
    username: Username
    password: Password
    device_id: LaptopId = Field(description="the laptop's own id, a UUID")
    device_name: DeviceName


class SignInResponse(BaseModel):
    token: str
    username: str
    role: Literal["agent", "staff"]
    branch_code: str
    server_key: str = Field(description="the public key the server signs answer bundles with")
    device_seq: int = Field(
        default=0, description="the highest seq of the signing-in device the server holds"
    )
    expires_at: str | None = Field(
        default=None,
        description="when the token stops working (ISO 8601, UTC); renew it before, with "
        "POST /v1/token/renew",
    )


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
    keep_row_id: RowId = Field(description="the record to keep; the other is merged into it")


class ResolveResponse(BaseModel):
    review: DuplicateReview
    changes: int = Field(description="changes the server made (laptops receive them on pull)")
