"""The dashboard's statements (app.services.dashboard): each a COUNT or SUM whose answer is
a handful of rows whatever the size of the office.

Written as SQL text, not built with the ORM, because how SQLite runs each one is the point
(bench/dashboard.py, docs/benchmarks.md). At a million participants a figure costs what it
reads, so:

- the two figures over the largest tables are read from tallies that triggers keep in the
  same transaction as each change (migration 0015): participants by office, status and
  first choice; attendance marks by cohort and mark. Counting the rows themselves, even
  from a narrow index, walks a million of them;
- the others walk an index that holds every column they need (0015 adds those the money
  figures lacked) and read a table row only for the few rows that matter;
- where the groups are known in advance (results) they are summed in one pass instead of
  GROUP BY, which would sort every row first; indexes are named (INDEXED BY) where SQLite,
  without statistics, could pick one that reads the table, and CROSS JOIN fixes the order
  of a join where it would walk the larger table first.

Parameters: `office` (this PC's office code), dates as ISO text (how Date columns are
stored).
"""

from __future__ import annotations

from sqlalchemy import TextClause, text

# Payments undone: a payment with a reversal counts as reversed once, however many
# counters reversed it (app.services.stipend_records.reversed_ids).
_LIVE_PAYMENT = "p.id NOT IN (SELECT payment_id FROM payment_reversal)"
# Who is followed up (app.services.followups.followed_people): graduates and people who
# withdrew, of this office's finished cohorts, not tombstoned. A tombstoned person is found
# among the few tombstones (their own partial index) rather than by reading the row of
# every followed person in the million-row table.
_FOLLOWED = """
    c.office_code = :office AND c.status = 'selesai' AND c.deleted_at IS NULL
    AND e.deleted_at IS NULL
    AND ((e.status = 'enrolled' AND e.result = 'lulus') OR e.status = 'withdrawn')
    AND e.participant_id NOT IN (SELECT id FROM participant WHERE deleted_at IS NOT NULL)
"""

# Live participants by office, status and first training choice ('' for none), from the
# tally (0015): a row per group, however many people.
PEOPLE: TextClause = text(
    """
    SELECT office_code, status, training_choice_1, n FROM participant_tally WHERE n <> 0
    """
)

# Places held (enrolments `enrolled`, not the waiting list nor those who withdrew) in the
# cohorts of each module that are not cancelled; every cohort this PC holds.
PLACES: TextClause = text(
    """
    SELECT c.module_code, count(*) FROM cohort c
    CROSS JOIN enrollment e ON e.cohort_id = c.id AND e.status = 'enrolled'
    WHERE c.status <> 'dibatalkan' AND c.deleted_at IS NULL AND e.deleted_at IS NULL
    GROUP BY c.module_code
    """
)

COHORTS: TextClause = text(
    """
    SELECT status, count(*) FROM cohort
    WHERE office_code = :office AND deleted_at IS NULL
    GROUP BY status
    """
)

# Marks of this office's running and finished cohorts, from the tally (0015).
MARKS: TextClause = text(
    """
    SELECT t.mark, sum(t.n) FROM cohort c
    JOIN attendance_tally t ON t.cohort_id = c.id
    WHERE c.office_code = :office AND c.status IN ('berjalan', 'selesai')
      AND c.deleted_at IS NULL
    GROUP BY t.mark
    """
)

# Places in this office's finished cohorts: still enrolled (the completion's base), of
# them passed and failed, and those who withdrew.
RESULTS: TextClause = text(
    """
    SELECT coalesce(sum(e.status = 'enrolled'), 0),
           coalesce(sum(e.status = 'enrolled' AND e.result = 'lulus'), 0),
           coalesce(sum(e.status = 'enrolled' AND e.result = 'tidak_lulus'), 0),
           coalesce(sum(e.status = 'withdrawn'), 0)
    FROM cohort c JOIN enrollment e ON e.cohort_id = c.id
    WHERE c.office_code = :office AND c.status = 'selesai'
      AND c.deleted_at IS NULL AND e.deleted_at IS NULL
    """
)

# Paid in the month (the counter's day, both ends included), reversed payments left out:
# only the month's payments are read, from the (office, day) index (0015).
PAID: TextClause = text(
    f"""
    SELECT e.kind, count(*), coalesce(sum(p.amount), 0)
    FROM payment p INDEXED BY ix_payment_office_day
    JOIN entitlement e ON e.id = p.entitlement_id
    WHERE p.office_code = :office AND p.paid_on BETWEEN :first AND :last AND {_LIVE_PAYMENT}
    GROUP BY e.kind
    """
)

# People followed, by their cohort's last day (the schedule is computed per end date).
FOLLOWED: TextClause = text(
    f"""
    SELECT c.end_date, count(*) FROM cohort c
    JOIN enrollment e ON e.cohort_id = c.id
    WHERE {_FOLLOWED}
    GROUP BY c.end_date
    """
)

# Follow-up records of the followed, by end date, milestone and outcome (None: open).
CALLS: TextClause = text(
    f"""
    SELECT c.end_date, f.milestone, f.outcome, count(*) FROM cohort c
    JOIN enrollment e ON e.cohort_id = c.id
    JOIN follow_up f ON f.enrollment_id = e.id
    WHERE {_FOLLOWED} AND f.deleted_at IS NULL
    GROUP BY c.end_date, f.milestone, f.outcome
    """
)

# Providers (every office's: a provider elsewhere may train this office's people) whose
# licence or accreditation ends between today and the warning horizon.
EXPIRING: TextClause = text(
    """
    SELECT id, name, licence_expires_on, accreditation_expires_on FROM training_provider
    WHERE deleted_at IS NULL
      AND (licence_expires_on BETWEEN :today AND :until
           OR accreditation_expires_on BETWEEN :today AND :until)
    """
)

# Entitlements a supervisor's approval would sign (app.services.entitlements._waiting):
# not approved at their current amount, and owed more than their live payments. Only those
# are read, from their own partial index (0015): the approved are most of them.
TO_APPROVE: TextClause = text(
    f"""
    SELECT e.cohort_id, c.code, count(*), sum(e.amount)
    FROM entitlement e INDEXED BY ix_entitlement_unapproved
    JOIN cohort c ON c.id = e.cohort_id
    WHERE e.office_code = :office AND e.deleted_at IS NULL
      AND e.approved_amount IS NOT e.amount
      AND e.amount > coalesce(
          (SELECT sum(p.amount) FROM payment p WHERE p.entitlement_id = e.id AND {_LIVE_PAYMENT}),
          0)
    GROUP BY e.cohort_id
    """
)

# Past training days of this office's running and finished cohorts not approved yet
# (today's day is still being marked; a planned cohort has no marks to approve).
TO_LOCK: TextClause = text(
    """
    SELECT c.id, c.code, count(*) FROM cohort c
    JOIN cohort_session s ON s.cohort_id = c.id
    WHERE c.office_code = :office AND c.status IN ('berjalan', 'selesai')
      AND c.deleted_at IS NULL AND s.deleted_at IS NULL AND NOT s.cancelled
      AND s.locked_at IS NULL AND s.day < :today
    GROUP BY c.id
    """
)

# Double payments and overpayments (app.services.payments.recoveries): entitlements of this
# office whose live payments exceed what they are worth. First every payment summed per
# entitlement and set against its amount, both read from covering indexes (0015) in
# entitlement order, reversals not yet taken out: what was paid in all can only be more
# than what is live. Then, for those few, the live payments, their number and what was
# settled of an overpayment (app.domain.stipends.Balance decides).
PAID_TOO_MUCH: TextClause = text(
    f"""
    WITH over AS (
        SELECT e.id AS id, e.amount AS amount
        FROM payment p INDEXED BY ix_payment_entitlement_amount
        JOIN entitlement e INDEXED BY ix_entitlement_live_amount ON e.id = p.entitlement_id
        WHERE p.office_code = :office AND e.deleted_at IS NULL
        GROUP BY p.entitlement_id
        HAVING sum(p.amount) > e.amount
    )
    SELECT o.amount, x.approved_amount,
           (SELECT coalesce(sum(p.amount), 0) FROM payment p
            WHERE p.entitlement_id = o.id AND {_LIVE_PAYMENT}),
           (SELECT count(*) FROM payment p WHERE p.entitlement_id = o.id AND {_LIVE_PAYMENT}),
           (SELECT coalesce(sum(r.amount), 0) FROM recovery_settlement r
            WHERE r.entitlement_id = o.id)
    FROM over o JOIN entitlement x ON x.id = o.id
    """
)
