"""The dashboard (Dasbor): coverage against the villages' targets, new participants per week,
payers' shares, renewals per village, and each agent's month against the incentive rules.

Everything is read through the calling thread's read-only view, so the page runs it on the
worker thread: a handful of grouped queries (storage/dashboard.py), summed and judged here
and in the domain. An agent sees only their own performance; branch staff see every agent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from outreach_app.domain.dashboard import (
    AreaCoverage,
    Level,
    PayerShare,
    StatusCounts,
    payer_shares,
    roll_up,
    village_totals,
    weekly_counts,
)
from outreach_app.domain.incentives import (
    CollectedPremium,
    IncentiveEstimate,
    IncentiveSchedule,
    estimate_incentive,
    months_since_acquisition,
)
from outreach_app.domain.models import (
    Participant,
    ParticipantStatus,
    PayerType,
    Role,
    User,
    Village,
)
from outreach_app.domain.months import add_months, month_end, month_start
from outreach_app.reference.holidays import days_off, next_due_date
from outreach_app.services.print_output import write_atomically
from outreach_app.storage.participant_list import ParticipantListing
from outreach_app.storage.store import ReadView, Store
from outreach_app.tabular.sheets import SheetContent, render_xlsx

TREND_WEEKS = 26
RENEWAL_LIST_LIMIT = 1_000  # people per status on screen; the printed list reads them all


@dataclass(frozen=True, slots=True)
class AgentPerformance:
    agent: User
    estimate: IncentiveEstimate
    receipts: int


@dataclass(frozen=True, slots=True)
class VillageRenewals:
    """A village's people to see about their premium, counted."""

    village: Village
    due: int
    grace: int
    lapsed: int


@dataclass(frozen=True, slots=True)
class DashboardData:
    """What the page shows, read in one go on the worker thread."""

    day: dt.date
    due_date: dt.date  # the 15th (or next working day) by which the next premium is due
    month: dt.date  # the first day of the month of the agents' figures
    villages: tuple[Village, ...]
    branch_names: Mapping[str, str]
    counts: tuple[StatusCounts, ...]
    payer_types: Mapping[str, PayerType]
    weeks: tuple[tuple[dt.date, int], ...]  # (Monday, new participants)
    agents: tuple[AgentPerformance, ...]
    incentive_basis: str

    def coverage(self, level: Level) -> list[AreaCoverage]:
        return roll_up(self.villages, self.counts, level, self.branch_names)

    def payer_shares(self) -> list[PayerShare]:
        return payer_shares(self.counts, self.payer_types)

    def renewals(self) -> list[VillageRenewals]:
        """Villages with anyone due, in grace or lapsed, by name."""
        totals = village_totals(self.counts)
        rows = []
        for village in sorted(self.villages, key=lambda v: (v.name, v.district)):
            counts = totals.get(village.stamp.id)
            if counts is not None and counts.due + counts.grace + counts.lapsed:
                rows.append(VillageRenewals(village, counts.due, counts.grace, counts.lapsed))
        return rows


@dataclass(frozen=True, slots=True)
class RenewalList:
    """One village's people to visit: due this month, in grace, lapsed (name order)."""

    village: Village
    day: dt.date
    due_date: dt.date
    due: tuple[ParticipantListing, ...]
    grace: tuple[ParticipantListing, ...]
    lapsed: tuple[ParticipantListing, ...]


class DashboardService:
    def __init__(
        self, store: Store, incentives: IncentiveSchedule, today: Callable[[], dt.date]
    ) -> None:
        self._store = store
        self._incentives = incentives
        self._today = today

    def today(self) -> dt.date:
        return self._today()

    def overview(self, viewer: User | None, month: dt.date | None = None) -> DashboardData:
        """All the page's figures on today's date; the agents' for `month` (this month)."""
        view = self._store.reader()
        day = self._today()
        due_date = next_due_date(day)  # the 15th or the working day after
        first = month_start(month or day)
        rule = self._incentives.rule_for(first)
        return DashboardData(
            day=day,
            due_date=due_date,
            month=first,
            villages=tuple(view.villages.all()),
            branch_names={b.stamp.id: b.name for b in view.branches.all()},
            counts=tuple(view.dashboard.status_counts(day, month_end(due_date), days_off(day))),
            payer_types={payer.stamp.id: payer.payer_type for payer in view.payers.all()},
            weeks=tuple(self.weeks(view, day)),
            agents=self.performance(view, viewer, first),
            incentive_basis=rule.legal_basis,
        )

    @staticmethod
    def weeks(view: ReadView, day: dt.date) -> list[tuple[dt.date, int]]:
        since = day - dt.timedelta(weeks=TREND_WEEKS)
        return weekly_counts(view.dashboard.registrations_by_day(since), day, TREND_WEEKS)

    def performance(
        self, view: ReadView, viewer: User | None, month: dt.date
    ) -> tuple[AgentPerformance, ...]:
        """Each agent's new NIKs, premiums and estimated incentive for `month`; an agent
        looking sees only themself."""
        first, following = month_start(month), add_months(month_start(month), 1)
        rule = self._incentives.rule_for(first)
        if viewer is not None and viewer.role is Role.AGENT:
            agents = [viewer]
        else:
            agents = view.users.agents()
        new = {row.agent_id: row for row in view.dashboard.new_participants(first, following)}
        premiums: dict[str, list[CollectedPremium]] = {}
        receipts: dict[str, int] = {}
        for group in view.dashboard.collections(first):
            # acquired: the month the agent registered the participant
            acquired = group.registered_month or group.period_start
            premiums.setdefault(group.agent_id, []).append(
                CollectedPremium(
                    group.amount,
                    months_since_acquisition(acquired, group.period_start),
                    group.months,
                )
            )
            receipts[group.agent_id] = receipts.get(group.agent_id, 0) + group.receipts
        rows = []
        for agent in agents:
            counts = new.get(agent.stamp.id)
            estimate = estimate_incentive(
                rule,
                counts.three_programmes if counts else 0,
                counts.two_programmes if counts else 0,
                premiums.get(agent.stamp.id, []),
            )
            rows.append(AgentPerformance(agent, estimate, receipts.get(agent.stamp.id, 0)))
        return tuple(rows)

    def renewal_list(self, village_id: str, limit: int = RENEWAL_LIST_LIMIT) -> RenewalList:
        """The village's people to see on the next visit (read-only view: worker-safe)."""
        view = self._store.reader()
        day = self._today()
        due_date = next_due_date(day)
        village = view.villages.get(village_id)
        found = view.dashboard.renewal_list(
            village_id, day, month_end(due_date), limit, days_off(day)
        )
        return RenewalList(
            village=village,
            day=day,
            due_date=due_date,
            due=tuple(found[ParticipantStatus.ACTIVE]),
            grace=tuple(found[ParticipantStatus.GRACE]),
            lapsed=tuple(found[ParticipantStatus.LAPSED]),
        )

    def participant(self, participant_id: str) -> Participant:
        """Fresh from the GUI thread's connection, for the payment dialog."""
        return self._store.participants.get(participant_id)

    def export_xlsx(self, content: SheetContent, target: Path) -> Path:
        """Writes a table as an XLSX workbook, atomically (a failed write leaves no half file)."""
        return write_atomically(render_xlsx(content), target)
