"""The agent's day: visits today and this week, who is due or in grace, what waits to sync,
and how the agent's villages stand against their targets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from outreach_app.domain.models import ParticipantStatus, User, Village, VisitPlan
from outreach_app.domain.months import month_end
from outreach_app.reference.holidays import days_off, next_due_date
from outreach_app.services.participants import ParticipantFilter, ParticipantListing
from outreach_app.services.setup import current_user
from outreach_app.storage.store import ReadView, Store


@dataclass(frozen=True, slots=True)
class VillageCoverage:
    village: Village
    registered: int

    @property
    def percent_of_target(self) -> int:
        target = self.village.target_participants
        return 0 if target == 0 else self.registered * 100 // target


@dataclass(frozen=True, slots=True)
class TodaySummary:
    """Everything the Today page shows, read in one go (on a worker thread)."""

    day: dt.date
    agent: User | None
    visits_today: tuple[VisitPlan, ...]
    visits_this_week: tuple[VisitPlan, ...]  # today and the six days after
    to_collect: tuple[ParticipantListing, ...]  # due this month, then in grace
    due_date: dt.date  # the next 15th, or the working day after it (reference/holidays.py)
    due_count: int  # active, but the month due next is not paid yet
    in_grace_count: int
    lapsed_count: int
    pending_changes: int
    coverage: tuple[VillageCoverage, ...]
    village_names: dict[str, str]


class TodayService:
    GRACE_LIST_LIMIT = 200

    def __init__(self, store: Store, today: Callable[[], dt.date]) -> None:
        self._store = store
        self._today = today

    def current_agent(self) -> User | None:
        return current_user(self._store)

    def today(self) -> dt.date:
        return self._today()

    def pending_changes(self) -> int:
        return self._store.pending_changes()

    def summary(self, agent: User | None) -> TodaySummary:
        """Reads through the calling thread's read-only view: safe on a worker thread."""
        view = self._store.reader()
        day = self._today()
        week_end = day + dt.timedelta(days=6)  # the coming seven days, whatever the weekday
        if agent is None:
            visits = view.visits.between(day, week_end)
        else:
            visits = view.visits.for_agent(agent.stamp.id, day, week_end)
        agent_id = agent.stamp.id if agent else None
        grace = ParticipantFilter(status=ParticipantStatus.GRACE, agent_id=agent_id)
        off = days_off(day)  # weekends and holidays move a due date (one rule everywhere)
        due_date = next_due_date(day)
        due = ParticipantFilter(  # active, but not paid for the month due next
            status=ParticipantStatus.ACTIVE, agent_id=agent_id, paid_before=month_end(due_date)
        )
        lapsed = ParticipantFilter(status=ParticipantStatus.LAPSED, agent_id=agent_id)
        people = view.participant_list
        all_villages = view.villages.all()
        return TodaySummary(
            day=day,
            agent=agent,
            visits_today=tuple(v for v in visits if v.visit_date == day),
            visits_this_week=tuple(visits),
            to_collect=tuple(
                people.page(due, day, self.GRACE_LIST_LIMIT, days_off=off)
                + people.page(grace, day, self.GRACE_LIST_LIMIT, days_off=off)
            ),
            due_date=due_date,
            due_count=people.count(due, day, days_off=off),
            in_grace_count=people.count(grace, day, days_off=off),
            lapsed_count=people.count(lapsed, day, days_off=off),
            pending_changes=view.pending_changes(),
            coverage=tuple(self._coverage(view, agent, all_villages)),
            village_names={v.stamp.id: v.name for v in all_villages},
        )

    @staticmethod
    def _coverage(
        view: ReadView, agent: User | None, villages: list[Village]
    ) -> list[VillageCoverage]:
        """The agent's villages (those it visits or enrols in), or all for branch staff."""
        chosen = villages
        if agent is not None:
            mine = view.visits.villages_of_agent(agent.stamp.id)
            chosen = [v for v in villages if v.stamp.id in mine] or villages
        # only the villages shown are counted: an agent's few cost a third of all of them
        only = None if chosen is villages else [v.stamp.id for v in chosen]
        counts = view.participant_list.registered_by_village(only)
        return [VillageCoverage(v, counts.get(v.stamp.id, 0)) for v in chosen]
