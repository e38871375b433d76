"""The monthly report's statements (app.services.monthly_report).

Each is a grouped COUNT or SUM over one month or up to one day, read from this database as
it is: an office PC's own database, or the server's records copied into a database of the
same shape (app.cli.server_report), so both reports run these same lines.

Parameters: `office` is an office code or NULL for every office; days are ISO text (how
Date columns are stored); `first`/`last` the month, `as_of` the report's day. The
definitions follow the dashboard's (app.services.dashboard_sql) and the lists' so the three
agree: a reversed payment is not paid, an erased or merged person is not counted, a
cancelled or deleted cohort holds nobody.

The marks are read cohort by cohort, day by day (CROSS JOIN fixes that order): left to
itself, SQLite scanned every mark of the database for `(:office IS NULL OR ...)`, which no
index serves — 250-450 ms each at 20,000 participants (bench/report.py).
"""

from __future__ import annotations

from sqlalchemy import TextClause, text

_OFFICE = "(:office IS NULL OR {t}.office_code = :office)"
_LIVE_PERSON = "deleted_at IS NULL AND status NOT IN ('erased', 'merged')"
_LIVE_PAYMENT = "p.id NOT IN (SELECT payment_id FROM payment_reversal)"

# People registered in a window of UTC times around the month (a day wider on each side:
# the office's local day decides, app.services.monthly_report), with their eligibility.
REGISTERED_NEAR: TextClause = text(
    f"""
    SELECT office_code, registered_at, eligibility_status FROM participant
    WHERE {_LIVE_PERSON} AND {_OFFICE.format(t="participant")}
      AND registered_at >= :lo AND registered_at < :hi
    """
)

# People registered before that window, by office.
REGISTERED_BEFORE: TextClause = text(
    f"""
    SELECT office_code, count(*) FROM participant
    WHERE {_LIVE_PERSON} AND {_OFFICE.format(t="participant")} AND registered_at < :lo
    GROUP BY office_code
    """
)

# Cohorts that started in the month, by module, with their places.
STARTED: TextClause = text(
    f"""
    SELECT c.module_code, count(DISTINCT c.id),
           coalesce(sum(e.status = 'enrolled'), 0),
           coalesce(sum(e.status = 'withdrawn'), 0),
           coalesce(sum(e.status = 'waiting'), 0)
    FROM cohort c LEFT JOIN enrollment e ON e.cohort_id = c.id AND e.deleted_at IS NULL
    WHERE {_OFFICE.format(t="c")} AND c.deleted_at IS NULL AND c.status <> 'dibatalkan'
      AND c.start_date BETWEEN :first AND :last
    GROUP BY c.module_code
    """
)

# Marks given on the month's training days, by cohort (running and finished cohorts, as
# the dashboard counts attendance).
MARKS: TextClause = text(
    f"""
    SELECT c.code, c.module_code, a.mark, count(*)
    FROM cohort c
    CROSS JOIN cohort_session s ON s.cohort_id = c.id
    CROSS JOIN attendance a ON a.session_id = s.id
    WHERE {_OFFICE.format(t="c")} AND c.deleted_at IS NULL
      AND c.status IN ('berjalan', 'selesai')
      AND s.deleted_at IS NULL AND s.day BETWEEN :first AND :last
      AND a.deleted_at IS NULL AND a.mark IS NOT NULL
    GROUP BY c.code, c.module_code, a.mark
    """
)

# Cohorts closed whose last day is in the month, with their results.
FINISHED: TextClause = text(
    f"""
    SELECT c.code, c.module_code, c.provider_id, c.end_date,
           coalesce(sum(e.status = 'enrolled'), 0),
           coalesce(sum(e.status = 'enrolled' AND e.result = 'lulus'), 0),
           coalesce(sum(e.status = 'enrolled' AND e.result = 'tidak_lulus'), 0),
           coalesce(sum(e.status = 'withdrawn'), 0)
    FROM cohort c LEFT JOIN enrollment e ON e.cohort_id = c.id AND e.deleted_at IS NULL
    WHERE {_OFFICE.format(t="c")} AND c.deleted_at IS NULL AND c.status = 'selesai'
      AND c.end_date BETWEEN :first AND :last
    GROUP BY c.id
    """
)

# Certificates dated in the month, and revocations dated in the month, by module.
ISSUED: TextClause = text(
    f"""
    SELECT c.module_code, count(*) FROM certificate x JOIN cohort c ON c.id = x.cohort_id
    WHERE {_OFFICE.format(t="c")} AND x.deleted_at IS NULL
      AND x.issued_on BETWEEN :first AND :last
    GROUP BY c.module_code
    """
)
REVOKED: TextClause = text(
    f"""
    SELECT c.module_code, count(*) FROM certificate_revocation r
    JOIN certificate x ON x.id = r.certificate_id
    JOIN cohort c ON c.id = x.cohort_id
    WHERE {_OFFICE.format(t="c")} AND r.deleted_at IS NULL
      AND r.revoked_on BETWEEN :first AND :last
    GROUP BY c.module_code
    """
)

# Paid in the month by kind and method (the counter's day), reversed payments left out.
PAID: TextClause = text(
    f"""
    SELECT e.kind, p.method, count(*), coalesce(sum(p.amount), 0)
    FROM payment p JOIN entitlement e ON e.id = p.entitlement_id
    WHERE {_OFFICE.format(t="p")} AND p.paid_on BETWEEN :first AND :last AND {_LIVE_PAYMENT}
    GROUP BY e.kind, p.method
    """
)

# Payments reversed in the month (one per payment, however many counters reversed it).
REVERSED: TextClause = text(
    f"""
    SELECT count(*), coalesce(sum(p.amount), 0) FROM payment p
    WHERE {_OFFICE.format(t="p")} AND p.id IN (
        SELECT payment_id FROM payment_reversal
        GROUP BY payment_id HAVING min(reversed_on) BETWEEN :first AND :last)
    """
)

# Who is followed up (app.services.followups.followed_people): graduates and people who
# withdrew from finished cohorts, not tombstoned.
_FOLLOWED = f"""
    {_OFFICE.format(t="c")} AND c.status = 'selesai' AND c.deleted_at IS NULL
    AND e.deleted_at IS NULL
    AND ((e.status = 'enrolled' AND e.result = 'lulus') OR e.status = 'withdrawn')
    AND e.participant_id NOT IN (SELECT id FROM participant WHERE deleted_at IS NOT NULL)
"""

FOLLOWED: TextClause = text(
    f"""
    SELECT c.end_date, c.module_code, c.provider_id, count(*) FROM cohort c
    JOIN enrollment e ON e.cohort_id = c.id
    WHERE {_FOLLOWED}
    GROUP BY c.end_date, c.module_code, c.provider_id
    """
)

CALLS: TextClause = text(
    f"""
    SELECT c.end_date, c.module_code, c.provider_id, f.milestone, f.outcome, count(*)
    FROM cohort c
    JOIN enrollment e ON e.cohort_id = c.id
    JOIN follow_up f ON f.enrollment_id = e.id
    WHERE {_FOLLOWED} AND f.deleted_at IS NULL AND f.outcome IS NOT NULL
    GROUP BY c.end_date, c.module_code, c.provider_id, f.milestone, f.outcome
    """
)

# Per provider up to the report's day: finished cohorts and their results …
PROVIDER_RESULTS: TextClause = text(
    f"""
    SELECT c.provider_id, count(DISTINCT c.id),
           coalesce(sum(e.status = 'enrolled'), 0),
           coalesce(sum(e.status = 'enrolled' AND e.result = 'lulus'), 0),
           coalesce(sum(e.status = 'withdrawn'), 0)
    FROM cohort c LEFT JOIN enrollment e ON e.cohort_id = c.id AND e.deleted_at IS NULL
    WHERE {_OFFICE.format(t="c")} AND c.deleted_at IS NULL AND c.status = 'selesai'
      AND c.end_date <= :as_of
    GROUP BY c.provider_id
    """
)

# … and the marks of its running and finished cohorts given up to that day.
PROVIDER_MARKS: TextClause = text(
    f"""
    SELECT c.provider_id, coalesce(sum(a.mark = 'H'), 0), count(*)
    FROM cohort c
    CROSS JOIN cohort_session s ON s.cohort_id = c.id
    CROSS JOIN attendance a ON a.session_id = s.id
    WHERE {_OFFICE.format(t="c")} AND c.deleted_at IS NULL
      AND c.status IN ('berjalan', 'selesai')
      AND s.deleted_at IS NULL AND s.day <= :as_of
      AND a.deleted_at IS NULL AND a.mark IS NOT NULL
    GROUP BY c.provider_id
    """
)
