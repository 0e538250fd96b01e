-- The auditor's workspace: named pre-election periods, the record of integrity checks, and the
-- indexes that keep searching millions of audit events and year-long compliance reports fast.

-- Pre-election periods named by the organisation (managed by organisation admins): a post naming a
-- political stakeholder published inside one is listed in the compliance report.
create table pre_election_period (
    id              bigint generated always as identity primary key,
    organisation_id bigint      not null references organisation (id),
    name            text        not null,
    starts_on       date        not null,
    ends_on         date        not null,
    created_by_name text        not null,
    created_at      timestamptz not null default now(),
    constraint pre_election_period_dates check (ends_on >= starts_on),
    constraint pre_election_period_name_length check (length(name) between 1 and 200)
);
create index pre_election_period_org_idx on pre_election_period (organisation_id, starts_on);

-- Every verification of an organisation's hash chain: on demand by an auditor, or the daily job.
create table audit_integrity_check (
    id              bigint generated always as identity primary key,
    organisation_id bigint      not null references organisation (id),
    checked_at      timestamptz not null,
    intact          boolean     not null,
    events_checked  bigint      not null,
    broken_at_seq   bigint,
    problem         text,
    trigger         text        not null,
    checked_by_name text        not null,
    constraint audit_integrity_check_trigger check (trigger in ('SCHEDULED', 'ON_DEMAND'))
);
create index audit_integrity_check_org_idx on audit_integrity_check (organisation_id, checked_at desc);

-- Searching the trail by action or by actor, newest first, reads only the matching events.
create index audit_event_action_seq_idx on audit_event (organisation_id, action, seq desc);
create index audit_event_actor_seq_idx on audit_event (organisation_id, actor_member_id, seq desc);
-- newest first within a date range (and, walked backwards, newest first overall): the trail's order
create index audit_event_time_seq_idx on audit_event (organisation_id, occurred_at desc, seq desc);

-- Compliance reports: an account's published posts in a period, and the decisions of a period.
create index post_published_idx on post (organisation_id, account_id, published_at) where published_at is not null;
create index post_decision_org_time_idx on post_decision (organisation_id, created_at);
