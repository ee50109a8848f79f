"""Child process for the crash test: writes until killed, announcing each commit on stdout.

Mode "single": one participant (with heir and audit record) per transaction, printing its id
after the commit returns. Mode "bulk": prints "BULK" and then sits inside one big transaction
that is never committed, so a kill lands in the middle of a write.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

from outreach_app.reference.rate_tables import load_schedule
from outreach_app.services.demo import PeopleFactory, load_seed
from outreach_app.storage.store import Store


def main(path: str, mode: str) -> None:
    today = dt.date(2026, 11, 21)
    with Store(Path(path)) as store:
        villages = store.villages.all()
        factory = PeopleFactory(load_seed(), random.Random(mode), today, load_schedule())
        factory.reserve(store.participants.niks())
        if mode == "bulk":
            with store.transaction():
                people = [factory.person(villages[i % len(villages)], None) for i in range(5000)]
                store.participants.add_many(people)
                print("BULK", flush=True)
                while True:  # keep the transaction open until the parent kills us
                    store.participants.add(factory.person(villages[0], None))
        index = 0
        while True:
            person = factory.person(villages[index % len(villages)], None)
            with store.transaction():
                store.participants.add(person)
                store.audit.record(store.now(), "crash-test", "register", "participants",
                                   person.stamp.id)  # fmt: skip
            print(person.stamp.id, flush=True)
            index += 1


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
