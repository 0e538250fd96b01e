-- Replies the communications team has approved in advance (e.g. the invitation to share an
-- experience on Care Opinion); {link} marks where the author puts the service's address.
create table reply_template (
    id              bigint generated always as identity primary key,
    organisation_id bigint      not null references organisation (id),
    name            text        not null,
    text            text        not null,
    created_by_name text        not null,
    created_at      timestamptz not null default now(),
    constraint reply_template_name check (length(btrim(name)) > 0),
    constraint reply_template_text check (length(btrim(text)) > 0 and length(text) <= 1000)
);
create unique index reply_template_name_key on reply_template (organisation_id, lower(btrim(name)));
