"""Demo data: real places and reported figures from seeds/demo.json, synthetic people.

Every synthetic NIK is consistent with its holder: issued in the district of their village,
with their birth date (day + 40 for women) and a serial that is never 0000. The same seed
gives the same people, so screenshots and tests are repeatable. `generate_participants` makes
large sets (200k) through the same storage path, for benchmarks.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Any

from outreach_app.domain.models import (
    Branch,
    CashDeposit,
    Heir,
    MembershipType,
    Participant,
    ParticipantStatus,
    Payer,
    PayerType,
    Role,
    Sector,
    Segment,
    Sex,
    SyncStamp,
    User,
    Village,
    VisitPlan,
    VisitStatus,
)
from outreach_app.domain.months import add_months, month_start
from outreach_app.domain.nik import build_nik
from outreach_app.domain.rates import RateSchedule
from outreach_app.services.payments import PaymentService
from outreach_app.settings import CURRENT_USER_KEY, DEMO_MARK_KEY
from outreach_app.storage.participant_list import ParticipantFilter
from outreach_app.storage.store import Store

DEMO_SEED = 2024
LOCAL = dt.datetime.now().astimezone().tzinfo  # receipts carry the laptop's offset
DEMO_DEVICE_NAME = "Laptop demo"
DEMO_RECEIPT_PREFIX = "DEMO"
DEMO_AGENT = "agen.saumlaki"  # the demo laptop belongs to the agent of Kepulauan Tanimbar
INCOMES = (1_000_000, 1_000_000, 1_000_000, 1_250_000, 1_500_000, 2_000_000, 2_500_000)

Progress = Callable[[int, int], None]


def load_seed() -> dict[str, Any]:
    text = resources.files("outreach_app.seeds").joinpath("demo.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@dataclass(frozen=True, slots=True)
class SeedSummary:
    branches: int
    villages: int
    participants: int
    payments: int
    visits: int
    already_seeded: bool = False


class PeopleFactory:
    """Makes plausible, NIK-consistent people for a village; unique NIKs within one factory."""

    def __init__(
        self, seed: dict[str, Any], rng: random.Random, today: dt.date, schedule: RateSchedule
    ) -> None:
        self._seed = seed
        self._rng = rng
        self._today = today
        self._base_rule = schedule.contribution_for(today)
        self._used_niks: set[str] = set()

    def person(
        self, village: Village, agent_id: str | None, payer: Payer | None = None
    ) -> Participant:
        rng = self._rng
        region = village.code[:4]
        names = self._seed["names"].get(village.code[0], self._seed["names"]["8"])
        segments = self._seed["segments_by_regency"].get(
            region, [["lainnya", None, "Pekerja mandiri", 1]]
        )
        segment, _, occupation, _ = rng.choices(segments, weights=[s[3] for s in segments])[0]
        sex = rng.choice((Sex.MALE, Sex.FEMALE))
        full_name = f"{rng.choice(names[sex.value])} {rng.choice(names['family'])}"
        birth_date = self._today - dt.timedelta(days=rng.randint(18 * 365, 63 * 365))
        nik = self._unique_nik(village.code[:6], birth_date, sex)
        return Participant(
            stamp=SyncStamp.new(),
            nik=nik,
            full_name=full_name,
            birth_place=village.regency.replace("Kabupaten ", "").replace("Kota ", ""),
            birth_date=birth_date,
            sex=sex,
            address=f"RT {rng.randint(1, 9):03d}/RW {rng.randint(1, 5):03d}, Desa {village.name}",
            village_id=village.stamp.id,
            postal_code="",
            phone=f"08{rng.randint(11, 59)}{rng.randint(10_000_000, 99_999_999)}",
            email="",
            occupation=occupation,
            sector=(
                Sector.TRANSPORT
                if occupation in self._seed["transport_occupations"]
                else Sector.OTHER
            ),
            work_location=village.name,
            declared_income=(income := rng.choice(INCOMES)),
            base_income=self._base_rule.base_income(income),
            include_jht=rng.random() < 0.2,
            payment_months=rng.choice((1, 1, 3, 6, 12)),
            payer_id=payer.stamp.id if payer else None,
            segment=Segment(segment),
            membership=MembershipType.BPU,
            status=ParticipantStatus.REGISTERED,
            agent_id=agent_id,
            registered_on=self._today - dt.timedelta(days=rng.randint(0, 540)),
        )

    def reserve(self, niks: Iterable[str]) -> None:
        self._used_niks.update(niks)

    def _unique_nik(self, district: str, birth_date: dt.date, sex: Sex) -> str:
        while True:
            nik = build_nik(district, birth_date, sex, self._rng.randint(1, 9999))
            if nik not in self._used_niks:
                self._used_niks.add(nik)
                return nik


def seed_demo(
    store: Store, schedule: RateSchedule, today: dt.date, seed_value: int = DEMO_SEED
) -> SeedSummary:
    """Fills an empty database with the demo data; on a seeded one it changes nothing."""
    if store.branches.count():
        return SeedSummary(0, 0, 0, 0, 0, already_seeded=True)
    seed = load_seed()
    rng = random.Random(seed_value)
    store.set_device(DEMO_DEVICE_NAME, DEMO_RECEIPT_PREFIX)
    with store.transaction():
        branches = {b["code"]: _branch(b) for b in seed["branches"]}
        store.branches.add_many(branches.values())
        users = {u["username"]: _user(u, branches) for u in seed["users"]}
        store.users.add_many(users.values())
        villages = [_village(v, branches) for v in seed["villages"]]
        store.villages.add_many(villages)
        payers = {p["key"]: _payer(p, branches) for p in seed["payers"]}
        store.payers.add_many(payers.values())
        agent_of = _agents_by_regency(seed, users)
        people = PeopleFactory(seed, rng, today, schedule)
        participants, heirs = [], []
        for village in villages:
            agent = agent_of.get(village.code[:4])
            # Coverage today is low (Tanimbar: 20% of informal workers): 12-35% of the target.
            count = max(4, int(village.target_participants * rng.uniform(0.12, 0.35)))
            for _ in range(count):
                payer = _payer_for(seed, payers, village, rng)
                person = people.person(village, agent.stamp.id if agent else None, payer)
                participants.append(person)
                heirs += _heirs(seed, rng, person)
        store.participants.add_many(participants)
        store.heirs.add_many(heirs)
        visits = _visits(seed, rng, villages, agent_of, today)
        store.visits.add_many(visits)
    payments = _payment_history(store, schedule, rng, participants, agent_of, villages, today)
    store.set_local_setting(CURRENT_USER_KEY, DEMO_AGENT)
    store.set_local_setting(DEMO_MARK_KEY, "1")  # every printed page will say DEMO
    return SeedSummary(
        branches=len(branches),
        villages=len(villages),
        participants=len(participants),
        payments=payments,
        visits=len(visits),
    )


def _branch(item: dict[str, Any]) -> Branch:
    return Branch(SyncStamp.new(), item["code"], item["name"], item["regency_code"])


def _user(item: dict[str, Any], branches: dict[str, Branch]) -> User:
    return User(
        SyncStamp.new(),
        item["username"],
        item["full_name"],
        Role(item["role"]),
        branches[item["branch"]].stamp.id,
    )


def _village(item: dict[str, Any], branches: dict[str, Branch]) -> Village:
    return Village(
        stamp=SyncStamp.new(),
        code=item["code"],
        name=item["name"],
        district=item["district"],
        regency=item["regency"],
        province=item["province"],
        branch_id=branches[item["branch"]].stamp.id,
        informal_workers=item["informal_workers"],
        target_participants=item["informal_workers"] * item["target_percent"] // 100,
    )


def _payer(item: dict[str, Any], branches: dict[str, Branch]) -> Payer:
    return Payer(
        SyncStamp.new(),
        PayerType(item["payer_type"]),
        item["name"],
        branches[item["branch"]].stamp.id,
    )


def _agents_by_regency(seed: dict[str, Any], users: dict[str, User]) -> dict[str, User]:
    return {
        regency: users[item["username"]] for item in seed["users"] for regency in item["regencies"]
    }


def _payer_for(
    seed: dict[str, Any], payers: dict[str, Payer], village: Village, rng: random.Random
) -> Payer | None:
    """Collective payers cover their segment's share of a regency's people."""
    keys = [s[1] for s in seed["segments_by_regency"].get(village.code[:4], []) if s[1]]
    if keys and rng.random() < 0.4:
        return payers[rng.choice(keys)]
    return None


def _heirs(seed: dict[str, Any], rng: random.Random, person: Participant) -> list[Heir]:
    return [
        Heir(
            stamp=SyncStamp.new(),
            participant_id=person.stamp.id,
            full_name=f"{rng.choice(['Yuliana', 'Markus', 'Siti', 'Ahmad', 'Maria'])} "
            f"{person.full_name.split()[-1]}",
            relationship=rng.choice(seed["heir_relationships"]),
        )
        for _ in range(rng.randint(1, 2))
    ]


def _visits(
    seed: dict[str, Any],
    rng: random.Random,
    villages: list[Village],
    agent_of: dict[str, User],
    today: dt.date,
) -> list[VisitPlan]:
    visits = []
    for index, village in enumerate(villages):
        agent = agent_of.get(village.code[:4])
        if agent is None:
            continue
        segments = seed["segments_by_regency"][village.code[:4]]
        for offset in (-14 + index % 7, index % 9):  # one visit done, one planned (some today)
            segment, _, label, _ = rng.choice(segments)
            day = today + dt.timedelta(days=offset)
            past = day < today or (day == today and index % 2 == 0)
            target = rng.randint(5, 20)
            visits.append(
                VisitPlan(
                    stamp=SyncStamp.new(),
                    village_id=village.stamp.id,
                    agent_id=agent.stamp.id,
                    visit_date=day,
                    segment=Segment(segment),
                    purpose=f"Sosialisasi dan pendaftaran {label.lower()}",
                    target_count=target,
                    status=VisitStatus.DONE if past else VisitStatus.PLANNED,
                    enrolled_count=rng.randint(0, target) if past else 0,
                    outcome_notes="Warga antusias; sebagian minta datang lagi." if past else "",
                )
            )
    return visits


def _payment_history(
    store: Store,
    schedule: RateSchedule,
    rng: random.Random,
    participants: list[Participant],
    agent_of: dict[str, User],
    villages: list[Village],
    today: dt.date,
) -> int:
    """Pays most people up to somewhere between three months ago and next quarter, so the
    demo shows active, grace and lapsed participants side by side."""
    service = PaymentService(store, schedule)
    code_of = {v.stamp.id: v.code for v in villages}
    with store.transaction():
        count = _pay_all(service, rng, participants, agent_of, code_of, today)
        count += _collect_today(store, service, rng, store.users.by_username(DEMO_AGENT), today)
        _deposit_past_months(store, today)
    return count


def _pay_all(
    service: PaymentService,
    rng: random.Random,
    participants: list[Participant],
    agent_of: dict[str, User],
    code_of: dict[str, str],
    today: dt.date,
) -> int:
    count = 0
    for person in participants:
        agent = agent_of.get(code_of[person.village_id or ""][:4])
        if agent is None or person.registered_on is None or rng.random() < 0.1:
            continue
        month = month_start(person.registered_on)
        stop = add_months(month_start(today), rng.choice((-6, -3, -2, 0, 0, 1, 2)))
        while month <= stop:
            # paid at the start of the period, or before today when paying in advance
            day = min(max(month, person.registered_on), today - dt.timedelta(days=1))
            paid_at = dt.datetime.combine(day, dt.time(9 + rng.randint(0, 7), 0), LOCAL)
            service.record(
                person.stamp.id, person.payment_months, agent, first_month=month, paid_at=paid_at
            )
            count += 1
            month = add_months(month, person.payment_months)
    return count


def _collect_today(
    store: Store, service: PaymentService, rng: random.Random, agent: User, today: dt.date
) -> int:
    """The demo agent has already been round a village this morning: a few people in grace
    paid their arrears, so the Payments page shows today's receipts and cash in hand."""
    grace = store.participant_list.page(  # the writer connection: sees this transaction
        ParticipantFilter(status=ParticipantStatus.GRACE, agent_id=agent.stamp.id), today, 6
    )
    for minute, listing in enumerate(grace):
        paid_at = dt.datetime.combine(today, dt.time(9, 5 + 7 * minute), LOCAL)
        service.record(listing.participant.stamp.id, 1, agent, paid_at=paid_at)
    return len(grace)


def _deposit_past_months(store: Store, today: dt.date) -> None:
    """Each agent handed in each past month's cash at the start of the next month; this
    month's cash is still in hand."""
    this_month = month_start(today).isoformat()
    deposits = []
    for agent in store.users.agents():
        monthly: dict[str, int] = {}
        for payment in store.payments.cash_before(agent.stamp.id, this_month):
            key = payment.paid_at.strftime("%Y-%m")
            monthly[key] = monthly.get(key, 0) + payment.total
        for key, amount in sorted(monthly.items()):
            first = add_months(dt.date.fromisoformat(f"{key}-01"), 1)
            deposits.append(
                CashDeposit(
                    stamp=SyncStamp.new(),
                    agent_id=agent.stamp.id,
                    amount=amount,
                    deposited_at=dt.datetime.combine(first, dt.time(10, 0), LOCAL),
                    reference=f"SLIP-{agent.username.split('.')[-1].upper()}-{key}",
                    note="Setoran bulanan ke kantor cabang",
                )
            )
    store.deposits.add_many(deposits)


def generate_participants(
    store: Store,
    schedule: RateSchedule,
    count: int,
    seed_value: int,
    today: dt.date,
    progress: Progress | None = None,
) -> int:
    """Adds `count` synthetic participants to the demo villages, in chunks of one transaction."""
    seed = load_seed()
    villages = store.villages.all()
    if not villages:
        raise ValueError("Tidak ada desa di basis data: jalankan 'outreach init --demo' dahulu.")
    agents = store.users.agents()
    people = PeopleFactory(seed, random.Random(seed_value), today, schedule)
    people.reserve(store.participants.niks())  # never collide with participants stored
    done = 0
    chunk = 10_000
    while done < count:
        size = min(chunk, count - done)
        batch = list(_people(people, villages, agents, size))
        store.participants.add_many(batch)
        done += size
        if progress:
            progress(done, count)
    return done


def _people(
    people: PeopleFactory, villages: list[Village], agents: list[User], size: int
) -> Iterator[Participant]:
    for index in range(size):
        village = villages[index % len(villages)]
        agent = agents[index % len(agents)] if agents else None
        yield people.person(village, agent.stamp.id if agent else None)
