"""The dashboard's aggregates (storage/dashboard.py, domain/dashboard.py, services/dashboard.py)
on a small database whose every figure is worked out by hand below.

On 21 November 2026 (after the 15th): paid through 30 November or later is active, through
31 August..29 November is grace, before 31 August lapsed; the next premium falls due on
15 December, so active people paid only through November are "due".

    village (district, regency)          person  payer    paid through   status
    Wowonda (Tanimbar Sel., Kep. Tan.)   p1      self     30-11-2026     active, due
                                         p2      APBDes   31-05-2027     active
                                         p3      self     31-08-2026     grace
    Olilit (Tanimbar Sel., Kep. Tan.)    p4      self     31-05-2026     lapsed
                                         p5      self     -              registered, unpaid
    Hative Besar (Teluk Ambon, Ambon)    p6      self     -              draft: not counted
                                         p7      APBDes   31-01-2027     active
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import pytest

from outreach_app.domain.dashboard import Level, week_start, weekly_counts
from outreach_app.domain.models import (
    Branch,
    ParticipantStatus,
    Payer,
    PayerType,
    Payment,
    Role,
    SyncStamp,
    User,
    Village,
)
from outreach_app.reference.rate_tables import load_incentive_schedule
from outreach_app.services.dashboard import DashboardService
from outreach_app.storage.store import Store
from tests.factories import make_participant

TODAY = dt.date(2026, 11, 21)


@dataclass
class World:
    store: Store
    service: DashboardService
    villages: dict[str, Village]
    people: dict[str, str]
    agent_a: User
    agent_b: User
    staff: User


def village(code: str, name: str, district: str, regency: str, branch: str, workers: int,
            target: int) -> Village:  # fmt: skip
    return Village(SyncStamp.new(), code, name, district, regency, "Maluku", branch, workers,
                   target)  # fmt: skip


def paid(person: str, number: int, start: dt.date, months: int, total: int, when: dt.datetime,
         agent: User, voided: bool = False) -> Payment:  # fmt: skip
    return Payment(
        stamp=SyncStamp.new(), receipt_no=f"T-{number:04d}", participant_id=person,
        payer_id=None, period_start=start, months=months, jkk=total, jkm=0, jht=0, discount=0,
        total=total, paid_at=when, collected_by=agent.stamp.id, voided=voided,
        void_reason="Salah bulan" if voided else "",
    )  # fmt: skip


def at(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day}T09:00:00+09:00")


@pytest.fixture
def world(store: Store) -> World:
    branch = Branch(SyncStamp.new(), "TST", "Kantor Cabang Uji", "8103")
    store.branches.add(branch)
    b = branch.stamp.id
    villages = {
        "wowonda": village("8103012002", "Wowonda", "Tanimbar Selatan",
                           "Kabupaten Kepulauan Tanimbar", b, 100, 50),
        "olilit": village("8103012003", "Olilit", "Tanimbar Selatan",
                          "Kabupaten Kepulauan Tanimbar", b, 60, 30),
        "hative": village("8171021001", "Hative Besar", "Teluk Ambon", "Kota Ambon", b, 80, 40),
    }  # fmt: skip
    store.villages.add_many(villages.values())
    apbdes = Payer(SyncStamp.new(), PayerType.APBDES, "Dana Desa Uji", b)
    store.payers.add(apbdes)
    agent_a = User(SyncStamp.new(), "agen.a", "Agen A", Role.AGENT, b)
    agent_b = User(SyncStamp.new(), "agen.b", "Agen B", Role.AGENT, b)
    staff = User(SyncStamp.new(), "staf", "Staf Cabang", Role.STAFF, b)
    store.users.add_many([agent_a, agent_b, staff])

    def person(key: str, where: str, nik_serial: int, registered: str, agent: User,
               **changes: object) -> str:  # fmt: skip
        return store.participants.add(
            make_participant(
                villages[where].stamp.id,
                nik=f"81030115089500{nik_serial:02d}",
                full_name=f"Peserta {key}",
                registered_on=dt.date.fromisoformat(registered),
                agent_id=agent.stamp.id,
                **changes,
            )
        )

    people = {
        "p1": person("p1", "wowonda", 1, "2026-11-03", agent_a),
        "p2": person("p2", "wowonda", 2, "2026-06-02", agent_a, payer_id=apbdes.stamp.id),
        "p3": person("p3", "wowonda", 3, "2026-08-03", agent_b),
        "p4": person("p4", "olilit", 4, "2026-05-04", agent_b),
        "p5": person("p5", "olilit", 5, "2026-11-20", agent_a),
        "p6": person("p6", "hative", 6, "2026-11-12", agent_a, status=ParticipantStatus.DRAFT),
        "p7": person("p7", "hative", 7, "2026-11-10", agent_a, payer_id=apbdes.stamp.id,
                     include_jht=True),
    }  # fmt: skip
    store.payments.add_many([
        paid(people["p1"], 1, dt.date(2026, 9, 1), 3, 50_400, at("2026-11-03"), agent_a),
        paid(people["p2"], 2, dt.date(2026, 6, 1), 12, 201_600, at("2026-06-05"), agent_a),
        paid(people["p3"], 3, dt.date(2026, 8, 1), 1, 16_800, at("2026-08-03"), agent_b),
        paid(people["p4"], 4, dt.date(2026, 5, 1), 1, 16_800, at("2026-05-04"), agent_b),
        paid(people["p7"], 5, dt.date(2026, 11, 1), 3, 133_600, at("2026-11-10"), agent_a),
        # voided: counts for nothing
        paid(people["p1"], 6, dt.date(2026, 12, 1), 1, 16_800, at("2026-11-12"), agent_a, True),
    ])  # fmt: skip
    service = DashboardService(store, load_incentive_schedule(), lambda: TODAY)
    return World(store, service, villages, people, agent_a, agent_b, staff)


def figures(rows, *fields):
    return {row.name: tuple(getattr(row, f) for f in fields) for row in rows}


def test_coverage_per_village_matches_the_hand_count(world: World) -> None:
    data = world.service.overview(world.staff)
    rows = figures(data.coverage(Level.VILLAGE), "registered", "active", "due", "grace",
                   "lapsed", "target", "informal_workers")  # fmt: skip
    assert rows == {
        "Wowonda": (3, 2, 1, 1, 0, 50, 100),
        "Olilit": (2, 0, 0, 0, 1, 30, 60),
        "Hative Besar": (1, 1, 0, 0, 0, 40, 80),  # the draft p6 is not counted
    }
    wowonda = next(r for r in data.coverage(Level.VILLAGE) if r.name == "Wowonda")
    assert wowonda.percent_of_target == 4.0  # 2 active of a target of 50
    assert wowonda.percent_of_workers == 2.0  # of 100 informal workers
    assert wowonda.context == "Tanimbar Selatan"


def test_coverage_rolls_up_to_district_regency_and_branch(world: World) -> None:
    data = world.service.overview(world.staff)
    fields = ("villages", "registered", "active", "target", "informal_workers")
    assert figures(data.coverage(Level.DISTRICT), *fields) == {
        "Tanimbar Selatan": (2, 5, 2, 80, 160),
        "Teluk Ambon": (1, 1, 1, 40, 80),
    }
    assert figures(data.coverage(Level.REGENCY), *fields) == {
        "Kabupaten Kepulauan Tanimbar": (2, 5, 2, 80, 160),
        "Kota Ambon": (1, 1, 1, 40, 80),
    }
    assert figures(data.coverage(Level.BRANCH), *fields) == {
        "Kantor Cabang Uji": (3, 6, 3, 120, 240)
    }
    # largest target first
    assert [r.name for r in data.coverage(Level.VILLAGE)] == ["Wowonda", "Hative Besar", "Olilit"]


def test_payers_share_counts_no_payer_as_self(world: World) -> None:
    shares = {s.payer_type: (s.registered, s.active) for s in world.service.overview(None)
              .payer_shares()}  # fmt: skip
    assert shares == {
        PayerType.SELF: (4, 1),
        PayerType.APBD: (0, 0),
        PayerType.APBDES: (2, 2),
        PayerType.SPONSOR: (0, 0),
    }  # APBN only when someone has it


def test_new_participants_per_week(world: World) -> None:
    weeks = dict(world.service.overview(None).weeks)
    assert len(weeks) == 26
    assert min(weeks) == dt.date(2026, 5, 25) and max(weeks) == dt.date(2026, 11, 16)
    assert weeks[dt.date(2026, 11, 2)] == 1  # p1 (Tuesday 3rd)
    assert weeks[dt.date(2026, 11, 9)] == 1  # p7; p6 is a draft
    assert weeks[dt.date(2026, 11, 16)] == 1  # p5
    assert weeks[dt.date(2026, 6, 1)] == 1 and weeks[dt.date(2026, 8, 3)] == 1
    assert sum(weeks.values()) == 5  # p4 (4 May) is older than 26 weeks


def test_renewals_per_village_and_the_list_to_visit(world: World) -> None:
    data = world.service.overview(None)
    assert [(r.village.name, r.due, r.grace, r.lapsed) for r in data.renewals()] == [
        ("Olilit", 0, 0, 1),
        ("Wowonda", 1, 1, 0),
    ]  # Hative Besar: nobody to see
    listing = world.service.renewal_list(world.villages["wowonda"].stamp.id)
    assert [p.participant.full_name for p in listing.due] == ["Peserta p1"]
    assert [p.participant.full_name for p in listing.grace] == ["Peserta p3"]
    assert listing.grace[0].coverage.unpaid_months == 3  # Sep, Oct, Nov due and not paid
    assert listing.lapsed == () and listing.due_date == dt.date(2026, 12, 15)


def test_agent_performance_for_the_month(world: World) -> None:
    data = world.service.overview(world.staff)
    rows = {row.agent.username: row for row in data.agents}
    a = rows["agen.a"].estimate
    # p1 and p5 without JHT, p7 with; the draft p6 is no new NIK
    assert (a.new_three_programmes, a.new_two_programmes) == (1, 2)
    assert a.acquisition == 0 and a.niks_short == 22  # 3 of the 25 needed
    # November receipts by A: p1's (Sep-Nov, membership months -1..1) and p7's (months 1-3);
    # the voided one counts for nothing
    assert a.collected == 50_400 + 133_600 and rows["agen.a"].receipts == 2
    assert a.bands[0].premiums == 184_000 and a.bands[1].premiums == 0
    assert a.collection == 27_600  # 15% of 184.000
    b = rows["agen.b"]
    assert (b.estimate.new_niks, b.estimate.collected, b.receipts) == (0, 0, 0)
    assert "13/PERDIR.02/042022" in data.incentive_basis
    assert a.kantor_perisai == 2_760  # the Kantor Perisai: 10% on top


def test_an_agent_sees_only_their_own_row(world: World) -> None:
    rows = world.service.overview(world.agent_b).agents
    assert [row.agent.username for row in rows] == ["agen.b"]


def test_an_earlier_month_can_be_asked_for(world: World) -> None:
    rows = {r.agent.username: r for r in world.service.overview(None, dt.date(2026, 6, 15)).agents}
    june = rows["agen.a"].estimate
    assert june.new_niks == 1 and june.collected == 201_600
    assert june.bands[0].premiums == 201_600  # June 2026 - May 2027: membership months 1-12


def test_the_run_follows_its_participant_to_another_village_and_out(world: World) -> None:
    """The runs carry village, payer and liveness (migration 0011), kept by a trigger."""
    store, villages, people = world.store, world.villages, world.people
    store.participants.update(people["p3"], village_id=villages["olilit"].stamp.id)
    store.participants.delete(people["p1"])
    rows = figures(world.service.overview(None).coverage(Level.VILLAGE), "registered", "active",
                   "grace")  # fmt: skip
    assert rows["Wowonda"] == (1, 1, 0)  # p2 only
    assert rows["Olilit"] == (3, 0, 1)  # p3 moved here, still in grace
    store.participants.update(people["p2"], payer_id=None)
    shares = {s.payer_type: s.registered for s in world.service.overview(None).payer_shares()}
    assert shares[PayerType.APBDES] == 1 and shares[PayerType.SELF] == 4


def test_a_payment_fills_the_runs_area_columns(world: World) -> None:
    store = world.store
    store.payments.add(
        paid(
            world.people["p5"],
            9,
            dt.date(2026, 11, 1),
            1,
            16_800,
            at("2026-11-21"),
            world.agent_a,
        )
    )
    row = store.db.execute(
        "SELECT village_id, payer_id, live FROM participant_coverage WHERE participant_id = ?",
        [world.people["p5"]],
    ).fetchone()
    assert row == (world.villages["olilit"].stamp.id, None, 1)


def test_weekly_counts_start_on_monday_and_fill_gaps() -> None:
    assert week_start(dt.date(2026, 11, 22)) == dt.date(2026, 11, 16)  # a Sunday
    weeks = weekly_counts([(dt.date(2026, 11, 22), 2), (dt.date(2026, 11, 9), 1),
                           (dt.date(2026, 10, 1), 5)], dt.date(2026, 11, 22), 2)  # fmt: skip
    assert weeks == [(dt.date(2026, 11, 9), 1), (dt.date(2026, 11, 16), 2)]


def test_a_village_without_any_participant_still_shows_its_target(store: Store) -> None:
    branch = Branch(SyncStamp.new(), "TST", "Cabang", "8103")
    store.branches.add(branch)
    store.villages.add(village("8103012002", "Wowonda", "Tanimbar Selatan", "Kep. Tanimbar",
                               branch.stamp.id, 10, 5))  # fmt: skip
    data = DashboardService(store, load_incentive_schedule(), lambda: TODAY).overview(None)
    [row] = data.coverage(Level.VILLAGE)
    assert (row.registered, row.active, row.target, row.percent_of_target) == (0, 0, 5, 0.0)
    assert data.renewals() == [] and data.agents == ()
    assert replace(row, target=0).percent_of_target == 0.0


def test_reminder_list_prices_what_each_person_owes(world: World, schedule) -> None:
    """Income Rp1.500.000 without JHT: JKK 15.000 + JKM 6.800 = 21.800 a month, halved by the
    PP 50/2025 relief (April-December 2026, sector "other") to 10.900."""
    from outreach_app.documents.reminder_list import render_reminder_list
    from outreach_app.services.print_output import NothingToPrint
    from outreach_app.services.reminder_printing import ReminderListPrinter
    from tests.pdf_tools import pdf_pages_text

    printer = ReminderListPrinter(world.store, schedule, lambda: TODAY)
    content = printer.content(world.villages["wowonda"].stamp.id)
    [due] = content.due
    assert (due.name, due.months_owed, due.amount) == ("Peserta p1", 1, 10_900)  # December
    [grace] = content.grace
    assert (grace.name, grace.months_owed, grace.amount) == ("Peserta p3", 4, 43_600)  # Sep-Dec
    assert content.lapsed == () and content.total == 54_500
    text = "\n".join(pdf_pages_text(render_reminder_list(content, demo=True)))
    assert "DAFTAR PENGINGAT IURAN" in text and "Peserta p3" in text and "Rp54.500" in text
    assert "8103011508950001" not in text  # the NIK prints masked
    olilit = printer.content(world.villages["olilit"].stamp.id)
    assert [r.name for r in olilit.lapsed] == ["Peserta p4"] and olilit.lapsed[0].amount is None
    with pytest.raises(NothingToPrint, match="Hative Besar"):
        printer.content(world.villages["hative"].stamp.id)
    with pytest.raises(NothingToPrint, match="tidak ada di basis data"):
        printer.content("no-such-village")
