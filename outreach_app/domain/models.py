"""The records the app keeps, as frozen dataclasses; states are enums and money is int rupiah.

Storage turns rows into these and back, so nothing above storage ever sees a dict or a row.
Every syncable record carries a `SyncStamp`: its client-made UUID, the hybrid logical clock of
its last change, the device that made that change and a deleted flag (deletes are tombstones).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from outreach_app.domain.ids import uuid7
from outreach_app.domain.months import add_months
from outreach_app.domain.voids import VoidRequestStatus


class Sex(StrEnum):
    MALE = "M"
    FEMALE = "F"


class Role(StrEnum):
    AGENT = "agent"
    STAFF = "staff"


class PayerType(StrEnum):
    """Who pays the premium; the PP 50/2025 relief excludes state-budget payers."""

    SELF = "self"
    APBN = "apbn"
    APBD = "apbd"
    APBDES = "apbdes"
    SPONSOR = "sponsor"


class Sector(StrEnum):
    """Only the distinction the relief rules make: transport workers get a longer relief.

    Transport as PP 50/2025 describes it: ojek online and ojek pangkalan, drivers, parcel and
    logistics couriers; not fishers (domain/sectors.py has the words shown to people)."""

    TRANSPORT = "transport"
    OTHER = "other"


class Program(StrEnum):
    JKK = "jkk"
    JKM = "jkm"
    JHT = "jht"


class Segment(StrEnum):
    """The outreach segments agents plan visits for."""

    APARATUR_DESA = "aparatur_desa"
    NELAYAN = "nelayan"
    PETANI = "petani"
    PEKERJA_RENTAN = "pekerja_rentan"
    PEDAGANG = "pedagang"
    LAINNYA = "lainnya"


class MembershipType(StrEnum):
    """BPU for informal workers; village heads on a fixed stipend are often PU instead."""

    BPU = "bpu"
    PU = "pu"


class ParticipantStatus(StrEnum):
    DRAFT = "draft"
    REGISTERED = "registered"
    ACTIVE = "active"
    GRACE = "grace"
    LAPSED = "lapsed"


class VisitStatus(StrEnum):
    PLANNED = "planned"
    DONE = "done"
    CANCELLED = "cancelled"


class PaymentMethod(StrEnum):
    CASH = "cash"
    TRANSFER = "transfer"


@dataclass(frozen=True, slots=True)
class SyncStamp:
    """What every syncable row carries so two databases can be merged field by field."""

    id: str
    updated_hlc: str
    device_id: str
    deleted: bool = False

    @classmethod
    def new(cls) -> SyncStamp:
        """A stamp for a record not stored yet: storage fills in the clock and the device."""
        return cls(id=uuid7(), updated_hlc="", device_id="")


@dataclass(frozen=True, slots=True)
class Branch:
    stamp: SyncStamp
    code: str
    name: str
    regency_code: str


@dataclass(frozen=True, slots=True)
class User:
    stamp: SyncStamp
    username: str
    full_name: str
    role: Role
    branch_id: str
    active: bool = True


@dataclass(frozen=True, slots=True)
class Village:
    """A desa/kelurahan with the number of informal workers the branch aims to cover there."""

    stamp: SyncStamp
    code: str  # Kemendagri, 10 digits without dots
    name: str
    district: str
    regency: str
    province: str
    branch_id: str
    informal_workers: int
    target_participants: int


@dataclass(frozen=True, slots=True)
class VisitPlan:
    stamp: SyncStamp
    village_id: str
    agent_id: str
    visit_date: dt.date
    segment: Segment
    purpose: str
    target_count: int
    status: VisitStatus = VisitStatus.PLANNED
    enrolled_count: int = 0
    outcome_notes: str = ""


@dataclass(frozen=True, slots=True)
class Payer:
    stamp: SyncStamp
    payer_type: PayerType
    name: str
    branch_id: str
    contact: str = ""


@dataclass(frozen=True, slots=True)
class Heir:
    stamp: SyncStamp
    participant_id: str
    full_name: str
    relationship: str
    birth_date: dt.date | None = None
    nik: str | None = None


@dataclass(frozen=True, slots=True)
class Participant:
    """The F1 BPU registration data. A draft may be incomplete; registering needs it all."""

    stamp: SyncStamp
    nik: str | None
    full_name: str
    birth_place: str
    birth_date: dt.date | None
    sex: Sex | None
    address: str
    village_id: str | None
    postal_code: str
    phone: str
    email: str
    occupation: str
    sector: Sector
    work_location: str
    declared_income: int
    base_income: int
    include_jht: bool
    payment_months: int
    payer_id: str | None
    segment: Segment
    membership: MembershipType = MembershipType.BPU
    mothers_maiden_name: str = ""
    kpj: str = ""
    status: ParticipantStatus = ParticipantStatus.DRAFT
    agent_id: str | None = None
    registered_on: dt.date | None = None
    nik_typed: str = ""  # a draft's NIK as typed, when it is not yet a valid 16-digit NIK
    # Set by the branch's duplicate review on the record it retired (then deleted): the id of
    # the participant kept. The retired record's receipts stay as issued and count for the
    # kept one.
    merged_into: str | None = None
    heirs: tuple[Heir, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class Payment:
    """A receipt. Never edited: a mistake is voided with a reason and a new receipt issued."""

    stamp: SyncStamp
    receipt_no: str
    participant_id: str
    payer_id: str | None
    period_start: dt.date  # first day of the first month paid
    months: int
    jkk: int
    jkm: int
    jht: int
    discount: int
    total: int
    paid_at: dt.datetime
    collected_by: str
    method: PaymentMethod = PaymentMethod.CASH
    rules: str = ""  # legal bases of the rules applied, as printed on the receipt
    voided: bool = False
    void_reason: str = ""

    @property
    def period_end(self) -> dt.date:
        """Last day of the last month this payment covers."""
        return add_months(self.period_start, self.months) - dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class VoidRequest:
    """A void the rules would not do at once (domain/voids.py): filed with its reason by
    whoever asked, decided once by branch staff. Approval voids the receipt."""

    stamp: SyncStamp
    payment_id: str
    receipt_no: str
    requested_by: str  # user id
    requested_at: dt.datetime
    reason: str
    status: VoidRequestStatus = VoidRequestStatus.PENDING
    decided_by: str | None = None  # user id of the staff member
    decided_at: dt.datetime | None = None
    decision_reason: str = ""


@dataclass(frozen=True, slots=True)
class CashDeposit:
    """Cash an agent handed over to the branch or the bank: the ledger's other side.

    A close-out (services/cash_closeout.py) is a deposit that names the receipts it covers:
    `amount` is the cash counted, `expected` the sum of those receipts, and a difference
    carries its reason. `reference` is then the slip number and `slip_payload` the signed QR
    text printed on the slip; the branch fills `received_by`/`received_at` when the cash
    arrives. A deposit with no receipts listed is one made before close-outs existed: it
    covers every cash receipt its agent was paid before it (storage/payments.py)."""

    stamp: SyncStamp
    agent_id: str
    amount: int
    deposited_at: dt.datetime
    reference: str
    note: str = ""
    expected: int = 0
    receipt_ids: str = ""  # the payments' ids, separated by spaces
    difference_reason: str = ""
    slip_payload: str = ""
    received_by: str | None = None  # the staff user who confirmed the cash arrived
    received_at: dt.datetime | None = None

    @property
    def is_closeout(self) -> bool:
        return bool(self.receipt_ids)

    @property
    def receipts(self) -> frozenset[str]:
        return frozenset(self.receipt_ids.split())

    @property
    def difference(self) -> int:
        """Counted minus expected: negative when cash is short."""
        return self.amount - self.expected if self.is_closeout else 0
