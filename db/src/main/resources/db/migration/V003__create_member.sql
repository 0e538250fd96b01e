create table member (
    id              bigint generated always as identity primary key,
    organisation_id bigint      not null references organisation (id),
    department_id   bigint,
    display_name    text        not null,
    email           text,
    -- identity-provider subject (live mode: OpenID Connect issuer + sub)
    idp_issuer      text,
    idp_subject     text,
    -- demo mode sign-in name; null for members who sign in through the identity provider
    username        text,
    active          boolean     not null default true,
    created_at      timestamptz not null default now(),
    last_sign_in_at timestamptz,
    version         integer     not null default 0,
    constraint member_department_fk foreign key (organisation_id, department_id)
        references department (organisation_id, id),
    constraint member_name_not_blank check (length(btrim(display_name)) > 0),
    constraint member_idp_both check ((idp_issuer is null) = (idp_subject is null))
);
create unique index member_idp_key on member (idp_issuer, idp_subject) where idp_issuer is not null;
create unique index member_username_key on member (lower(username)) where username is not null;
create unique index member_email_key on member (organisation_id, lower(email)) where email is not null;
create unique index member_org_id_key on member (organisation_id, id);
create index member_department_idx on member (department_id);

create table role_grant (
    id              bigint generated always as identity primary key,
    organisation_id bigint      not null references organisation (id),
    member_id       bigint      not null,
    role            text        not null,
    -- null: the role applies across the whole organisation
    department_id   bigint,
    granted_by      bigint,
    granted_at      timestamptz not null default now(),
    constraint role_grant_member_fk foreign key (organisation_id, member_id)
        references member (organisation_id, id) on delete cascade,
    constraint role_grant_department_fk foreign key (organisation_id, department_id)
        references department (organisation_id, id),
    constraint role_grant_role_check
        check (role in ('STAFF', 'APPROVER', 'ACCOUNT_ADMIN', 'CURATOR', 'AUDITOR', 'ORG_ADMIN'))
);
create unique index role_grant_key on role_grant (member_id, role, coalesce(department_id, 0));
