"""Visit planning: agents plan village visits, record what came of them or cancel them, and
branch staff hand visits to the agent who can go.

Who may do what lives here, not in the window, so the command line and a future sync server
apply the same rules: an agent plans and changes only its own visits; staff plan, change and
reassign any visit in their branch's villages. Every write lands with its audit record in one
transaction. Reads go through the store's per-thread read-only view, so the desktop app runs
them on a worker thread.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, replace

from outreach_app.domain.errors import DomainError
from outreach_app.domain.models import (
    Role,
    Segment,
    SyncStamp,
    User,
    Village,
    VisitPlan,
    VisitStatus,
)
from outreach_app.domain.months import add_months
from outreach_app.reference.dates_text import short_date
from outreach_app.reference.regions import RegionDirectory
from outreach_app.storage.errors import NotFound
from outreach_app.storage.store import Store

ENTITY = "visit_plans"
MIN_SEARCH_LENGTH = 2  # one letter matches thousands of villages: no use to anybody
EDITABLE = frozenset({"village_id", "agent_id", "visit_date", "segment", "purpose", "target_count"})


class VisitRefused(DomainError):
    """A visit plan, outcome, cancellation or assignment the rules do not allow."""


@dataclass(frozen=True, slots=True)
class VisitFilter:
    """What the Visits page asks for; None means "any" (an open start or end included)."""

    start: dt.date | None = None
    end: dt.date | None = None
    agent_id: str | None = None
    village_id: str | None = None
    status: VisitStatus | None = None


@dataclass(frozen=True, slots=True)
class VillageChoice:
    """One type-ahead candidate: a village already stored (`village_id` set) or one from the
    Kemendagri list that `ensure_village` will store when the visit is saved."""

    code: str  # Kemendagri, 10 digits
    name: str
    path: str  # "Wowonda, Tanimbar Selatan, Kabupaten Kepulauan Tanimbar, Maluku"
    village_id: str | None

    @property
    def is_new(self) -> bool:
        return self.village_id is None


@dataclass(frozen=True, slots=True)
class VisitNames:
    """Names to show for the ids a visit holds; read together with the list, off the GUI."""

    villages: dict[str, str]
    agents: dict[str, str]


# VisitService.list shadows the builtin in the class body: the list types are named here.
Visits = list[VisitPlan]
Users = list[User]
Choices = list[VillageChoice]


def village_path(village: Village) -> str:
    return f"{village.name}, {village.district}, {village.regency}, {village.province}"


class VisitService:
    def __init__(
        self, store: Store, regions: RegionDirectory, today: Callable[[], dt.date]
    ) -> None:
        self._store = store
        self._regions = regions
        self._today = today

    def today(self) -> dt.date:
        return self._today()

    # Reads: safe on any thread.

    def list(self, filters: VisitFilter) -> Visits:
        """Every visit matching `filters`, by date, whoever it belongs to."""
        return self._matching(filters)

    def visible_to(self, user: User | None, filters: VisitFilter | None = None) -> Visits:
        """`filters` narrowed to what `user` may see: an agent its own visits, staff the visits
        in their branch's villages. None (no one chosen on this laptop yet) sees everything."""
        filters = filters or VisitFilter()
        if user is None:
            return self._matching(filters)
        if user.role is Role.AGENT:
            if filters.agent_id not in (None, user.stamp.id):
                return []
            return self._matching(replace(filters, agent_id=user.stamp.id))
        return self._matching(filters, branch_id=user.branch_id)

    def _matching(self, filters: VisitFilter, branch_id: str | None = None) -> Visits:
        status = filters.status  # a combo box may hand the enum back as its str value
        return self._store.reader().visits.matching(
            filters.start,
            filters.end,
            agent_id=filters.agent_id,
            village_id=filters.village_id,
            status=None if status is None else VisitStatus(status),
            branch_id=branch_id,
        )

    def names(self) -> VisitNames:
        view = self._store.reader()
        return VisitNames(
            villages={v.stamp.id: v.name for v in view.villages.all()},
            agents={u.stamp.id: u.full_name for u in view.users.all()},
        )

    def village_choice(self, village_id: str) -> VillageChoice | None:
        """A stored village as the type-ahead shows it: what an edit form starts from."""
        village = self._store.reader().villages.find(village_id)
        if village is None:
            return None
        return VillageChoice(village.code, village.name, village_path(village), village.stamp.id)

    def agents_for(self, user: User | None) -> Users:
        """Whom `user` can plan visits for: itself if an agent, its branch's agents if staff."""
        if user is not None and user.role is Role.AGENT:
            return [user]
        users = self._store.reader().users
        agents = users.agents(None if user is None else user.branch_id)
        return [agent for agent in agents if agent.active]

    def find_villages(self, text: str, limit: int = 20) -> Choices:
        """Type-ahead: stored villages whose name contains `text` first (the ones the branch
        works in), then Kemendagri villages not stored yet. Takes ~0.1 s: call it off the GUI."""
        wanted = " ".join(text.split()).casefold()
        if len(wanted) < MIN_SEARCH_LENGTH or limit <= 0:
            return []
        stored = self._store.reader().villages.all()
        by_code = {v.code: v for v in stored}
        matches = sorted(
            (v for v in stored if wanted in v.name.casefold()),
            key=lambda v: (not v.name.casefold().startswith(wanted), v.name, v.district),
        )
        choices = [VillageChoice(v.code, v.name, village_path(v), v.stamp.id) for v in matches]
        seen = {choice.code for choice in choices}
        for region in self._regions.search(wanted, limit, level=4):
            if region.code in seen:
                continue
            seen.add(region.code)
            known = by_code.get(region.code)
            if known is not None:  # stored under another spelling: offer the stored one
                choices.append(
                    VillageChoice(known.code, known.name, village_path(known), known.stamp.id)
                )
            else:
                choices.append(VillageChoice(region.code, region.name, region.path, None))
        return choices[:limit]

    # Writes: on the thread that owns the store (the GUI thread in the desktop app).

    def ensure_village(self, code: str, branch_id: str, actor: User | None = None) -> Village:
        """The stored village with this Kemendagri code, or a new one made from the region list
        (no targets yet: the branch sets those), so an agent can plan a visit anywhere."""
        store = self._store
        digits = code.strip().replace(".", "")
        region = self._regions.get(digits) if len(digits) == 10 else None
        if region is None or region.level != 4:
            raise VisitRefused(f"Kode desa {code} tidak ada dalam daftar wilayah Kemendagri.")
        with store.transaction():
            try:
                return store.villages.by_code(digits)
            except NotFound:
                pass
            village = Village(
                stamp=SyncStamp.new(),
                code=digits,
                name=region.name,
                district=self._region_name(digits[:6]),
                regency=self._region_name(digits[:4]),
                province=self._region_name(digits[:2]),
                branch_id=branch_id,
                informal_workers=0,
                target_participants=0,
            )
            village_id = store.villages.add(village)
            who = actor.username if actor else "system"
            store.audit.record(
                store.now(), who, "add", "villages", village_id, f"{digits} {region.path}"
            )
        return store.villages.get(village_id)

    def create(
        self,
        village_id: str,
        agent_id: str | None,
        visit_date: dt.date,
        segment: Segment,
        purpose: str,
        target_count: int,
        actor: User,
    ) -> VisitPlan:
        """Plans a visit. An agent always plans for itself (`agent_id` may be None); staff
        name the agent who goes."""
        store = self._store
        agent_id = self.check_plan(agent_id, visit_date, target_count, actor)
        with store.transaction():
            agent = self._agent(agent_id)
            if actor.role is Role.STAFF and agent.branch_id != actor.branch_id:
                raise VisitRefused(f"{agent.full_name} bukan agen cabang Anda.")
            village = self._village(village_id)
            self._check_branch(village, actor)
            visit = VisitPlan(
                stamp=SyncStamp.new(),
                village_id=village.stamp.id,
                agent_id=agent.stamp.id,
                visit_date=visit_date,
                segment=Segment(segment),
                purpose=purpose.strip(),
                target_count=target_count,
            )
            visit_id = store.visits.add(visit)
            detail = f"{visit_date.isoformat()} {village.code} {village.name} ({agent.username})"
            self._audit(actor, "create", visit_id, detail)
        return store.visits.get(visit_id)

    def check_plan(
        self, agent_id: str | None, visit_date: dt.date, target_count: int, actor: User
    ) -> str:
        """The checks `create` makes before touching the database; returns the agent's id.
        The form calls it first so a refused plan does not leave a new village behind."""
        if actor.role is Role.AGENT:
            if agent_id not in (None, actor.stamp.id):
                raise VisitRefused("Agen hanya dapat merencanakan kunjungan untuk dirinya sendiri.")
            agent_id = actor.stamp.id
        elif agent_id is None:
            raise VisitRefused("Pilih agen yang akan melakukan kunjungan.")
        self._check_target(target_count)
        self._check_date(visit_date)
        return agent_id

    def update(self, visit_id: str, actor: User, **changes: object) -> VisitPlan:
        """Changes a planned visit (village, date, segment, purpose, target; the agent too, by
        the assignment rules). Outcome and status have their own methods."""
        unknown = set(changes) - EDITABLE
        if unknown:
            raise TypeError(f"not editable through update(): {', '.join(sorted(unknown))}")
        if "segment" in changes:
            changes["segment"] = Segment(changes["segment"])  # type: ignore[arg-type]
        if isinstance(changes.get("purpose"), str):
            changes["purpose"] = str(changes["purpose"]).strip()
        store = self._store
        with store.transaction():
            visit = self._visit_in_scope(visit_id, actor)
            if visit.status is VisitStatus.CANCELLED:
                raise VisitRefused("Kunjungan yang sudah dibatalkan tidak dapat diubah.")
            new = replace(visit, **changes)  # type: ignore[arg-type]
            if new.visit_date != visit.visit_date:
                if visit.status is VisitStatus.DONE:
                    raise VisitRefused(
                        "Tanggal kunjungan yang sudah selesai tidak dapat diubah: "
                        "hasilnya tercatat pada tanggal itu."
                    )
                self._check_date(new.visit_date)
            self._check_target(new.target_count)
            if new.village_id != visit.village_id:
                self._check_branch(self._village(new.village_id), actor)
            if new.agent_id != visit.agent_id:
                self._check_assignment(visit, new.agent_id, actor)
            changed = {
                name: value
                for name in sorted(changes)
                if (value := getattr(new, name)) != getattr(visit, name)
            }
            if not changed:
                return visit
            store.visits.update(visit_id, **changed)
            self._audit(actor, "update", visit_id, _describe(changed))
        return store.visits.get(visit_id)

    def record_outcome(
        self, visit_id: str, enrolled_count: int, notes: str, actor: User
    ) -> VisitPlan:
        """Marks the visit done with how many people enrolled; again to correct the numbers."""
        if enrolled_count < 0:
            raise VisitRefused("Jumlah peserta terdaftar tidak boleh negatif.")
        store = self._store
        with store.transaction():
            visit = self._visit_in_scope(visit_id, actor)
            if visit.status is VisitStatus.CANCELLED:
                raise VisitRefused("Kunjungan yang sudah dibatalkan tidak dapat dicatat hasilnya.")
            if visit.visit_date > self._today():
                raise VisitRefused(
                    f"Kunjungan tanggal {short_date(visit.visit_date)} belum terjadi: "
                    "hasilnya dicatat pada hari kunjungan atau sesudahnya."
                )
            store.visits.update(
                visit_id,
                status=VisitStatus.DONE,
                enrolled_count=enrolled_count,
                outcome_notes=notes.strip(),
            )
            self._audit(actor, "outcome", visit_id, f"{enrolled_count} terdaftar")
        return store.visits.get(visit_id)

    def cancel(self, visit_id: str, reason: str, actor: User) -> VisitPlan:
        """Cancels a planned visit; the reason is kept as its outcome notes."""
        if not reason.strip():
            raise VisitRefused("Tuliskan alasan pembatalan kunjungan.")
        store = self._store
        with store.transaction():
            visit = self._visit_in_scope(visit_id, actor)
            if visit.status is VisitStatus.CANCELLED:
                raise VisitRefused("Kunjungan ini sudah dibatalkan sebelumnya.")
            if visit.status is VisitStatus.DONE:
                raise VisitRefused("Kunjungan yang sudah selesai tidak dapat dibatalkan.")
            store.visits.update(
                visit_id, status=VisitStatus.CANCELLED, outcome_notes=reason.strip()
            )
            self._audit(actor, "cancel", visit_id, reason.strip())
        return store.visits.get(visit_id)

    def assign(self, visit_id: str, agent_id: str, actor: User) -> VisitPlan:
        """Hands a planned visit to another agent of the branch (staff only)."""
        return self.update(visit_id, actor, agent_id=agent_id)

    # Rules.

    def _check_date(self, visit_date: dt.date) -> None:
        today = self._today()
        earliest, latest = _same_day(today, -12), _same_day(today, 12)
        if not earliest <= visit_date <= latest:
            raise VisitRefused(
                f"Tanggal kunjungan {short_date(visit_date)} terlalu jauh: paling jauh satu "
                f"tahun dari hari ini ({short_date(earliest)} s.d. {short_date(latest)})."
            )

    @staticmethod
    def _check_target(target_count: int) -> None:
        if target_count < 0:
            raise VisitRefused("Target peserta tidak boleh negatif.")

    def _check_assignment(self, visit: VisitPlan, agent_id: str, actor: User) -> None:
        if actor.role is not Role.STAFF:
            raise VisitRefused("Hanya staf cabang yang dapat menugaskan kunjungan ke agen lain.")
        if visit.status is not VisitStatus.PLANNED:
            raise VisitRefused("Hanya kunjungan yang masih direncanakan yang dapat ditugaskan.")
        agent = self._agent(agent_id)
        if agent.branch_id != actor.branch_id:
            raise VisitRefused(f"{agent.full_name} bukan agen cabang Anda.")

    def _agent(self, agent_id: str) -> User:
        agent = self._store.users.find(agent_id)
        if agent is None:
            raise VisitRefused("Agen yang dipilih tidak ditemukan.")
        if agent.role is not Role.AGENT:
            raise VisitRefused(f"{agent.full_name} bukan agen lapangan.")
        if not agent.active:
            raise VisitRefused(f"{agent.full_name} sudah tidak aktif sebagai agen.")
        return agent

    def _village(self, village_id: str) -> Village:
        village = self._store.villages.find(village_id)
        if village is None:
            raise VisitRefused("Desa tidak ditemukan: pilih desa dari daftar.")
        return village

    @staticmethod
    def _check_branch(village: Village, actor: User) -> None:
        if actor.role is Role.STAFF and village.branch_id != actor.branch_id:
            raise VisitRefused(f"Desa {village.name} bukan wilayah cabang Anda.")

    def _visit_in_scope(self, visit_id: str, actor: User) -> VisitPlan:
        visit = self._store.visits.find(visit_id)
        if visit is None:
            raise VisitRefused("Kunjungan tidak ditemukan (mungkin sudah dihapus).")
        if actor.role is Role.AGENT and visit.agent_id != actor.stamp.id:
            raise VisitRefused("Kunjungan ini milik agen lain.")
        if actor.role is Role.STAFF:
            self._check_branch(self._village(visit.village_id), actor)
        return visit

    def _audit(self, actor: User, action: str, visit_id: str, detail: str) -> None:
        """Called inside the write's transaction: the record and the change land together."""
        store = self._store
        store.audit.record(store.now(), actor.username, action, ENTITY, visit_id, detail)

    def _region_name(self, code: str) -> str:
        region = self._regions.get(code)
        return region.name if region else ""


def _same_day(day: dt.date, months: int) -> dt.date:
    """The same day `months` away, or the month's last day (29 Feb -> 28 Feb)."""
    first = add_months(day.replace(day=1), months)
    last = add_months(first, 1) - dt.timedelta(days=1)
    return first.replace(day=min(day.day, last.day))


def _describe(changed: dict[str, object]) -> str:
    """The audit detail of an edit: the new values, as JSON text."""
    return json.dumps(
        {k: v.isoformat() if isinstance(v, dt.date) else str(v) for k, v in changed.items()},
        ensure_ascii=False,
        sort_keys=True,
    )
