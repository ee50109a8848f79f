"""Use cases (enrol, take a payment, plan a visit, seed demo data) over storage and the rules."""
