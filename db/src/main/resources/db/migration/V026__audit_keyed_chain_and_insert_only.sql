-- The audit trail cannot be rewritten quietly (issue 20).
--
-- 1. Events are chained with HMAC-SHA256 under a key kept outside the database (configured, or a file
--    in the data directory). Each event says how it was hashed and with which key, so keys can be
--    rotated and the events written before this migration (plain SHA-256) still verify.
alter table audit_event add column hash_alg text not null default 'sha256';
alter table audit_event add column key_id text;
alter table audit_event add constraint audit_event_hash_alg check (hash_alg in ('sha256', 'hmac-sha256'));
alter table audit_event add constraint audit_event_key_id check ((hash_alg = 'sha256') = (key_id is null));

-- How far each organisation's chain was unkeyed when keyed hashing began: past this sequence number
-- an unkeyed event is a downgrade (someone recomputed hashes without the key), not a legacy event.
-- An organisation without a row has no legacy events.
create table audit_legacy_boundary (
    organisation_id  bigint primary key references organisation (id),
    last_unkeyed_seq bigint not null
);
insert into audit_legacy_boundary (organisation_id, last_unkeyed_seq)
select organisation_id, last_seq from audit_chain_head where last_seq > 0;

-- What each integrity check found besides intact / broken: how many events were unkeyed (legacy) and
-- which exported checkpoint the chain was held against.
alter table audit_integrity_check add column unkeyed_events bigint not null default 0;
alter table audit_integrity_check add column checkpoint text;

-- 2. Insert-only. The portal never changes or deletes an audit record; these triggers refuse it for
--    everyone (superusers included) unless the trigger itself is disabled or dropped, which needs the
--    table's owner: run the portal under a role that is not the owner to close that door too (README).
create function audit_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is insert-only: % refused', tg_table_name, tg_op
        using errcode = 'insufficient_privilege',
              hint = 'Audit records are never changed or deleted; a correction is a new event.';
end
$$;

create trigger audit_event_insert_only before update or delete on audit_event
    for each row execute function audit_refuse_change();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_refuse_change();

create trigger audit_legacy_boundary_insert_only before update or delete on audit_legacy_boundary
    for each row execute function audit_refuse_change();
create trigger audit_legacy_boundary_no_truncate before truncate on audit_legacy_boundary
    for each statement execute function audit_refuse_change();

create trigger audit_integrity_check_insert_only before update or delete on audit_integrity_check
    for each row execute function audit_refuse_change();
create trigger audit_integrity_check_no_truncate before truncate on audit_integrity_check
    for each statement execute function audit_refuse_change();

-- The chain head moves forward only: appending raises its sequence number (and changes its hash);
-- the upsert that locks it rewrites it unchanged. Moving it back (to hide deleted events) or
-- deleting it is refused.
create function audit_chain_head_forward_only() returns trigger language plpgsql as $$
begin
    if tg_op <> 'UPDATE' then
        raise exception 'audit_chain_head: % refused', tg_op using errcode = 'insufficient_privilege';
    end if;
    if new.organisation_id <> old.organisation_id
            or new.last_seq < old.last_seq
            or (new.last_seq = old.last_seq and new.last_hash <> old.last_hash) then
        raise exception 'audit_chain_head only moves forward: % #% refused after #%',
            old.organisation_id, new.last_seq, old.last_seq using errcode = 'insufficient_privilege';
    end if;
    return new;
end
$$;

create trigger audit_chain_head_forward_only before update or delete on audit_chain_head
    for each row execute function audit_chain_head_forward_only();
create trigger audit_chain_head_no_truncate before truncate on audit_chain_head
    for each statement execute function audit_refuse_change();

-- 3. Views and downloads of PUBLIC follow lists: counted per list per day (one row, not one event
--    per view); the first of each day also writes one audit event.
create table follow_list_public_access (
    organisation_id bigint not null references organisation (id),
    list_id         bigint not null references follow_list (id) on delete cascade,
    day             date   not null,
    views           bigint not null default 0,
    downloads       bigint not null default 0,
    primary key (list_id, day)
);
create index follow_list_public_access_org_idx on follow_list_public_access (organisation_id, day desc);

-- 4. Failed sign-ins that name nobody the portal knows belong to no organisation's trail: they are
--    counted here, per day, name tried and source address, for the installation's operators.
create table unattributed_sign_in_failure (
    day            date        not null,
    username       text        not null,
    source_address text        not null,
    attempts       bigint      not null,
    last_at        timestamptz not null,
    primary key (day, username, source_address)
);
