-- X's rate-limit windows, per X user and endpoint, as X last reported them in its
-- x-rate-limit-limit / -remaining / -reset headers. Every portal instance reads and writes the
-- same rows, so together they stop calling an endpoint whose window is used up instead of
-- each learning it from a 429. The endpoint is X's path template with the method, for example
-- 'POST /2/tweets' or 'GET /2/users/:id/mentions', because X counts per endpoint, not per URL.
create table x_rate_limit (
    x_user_id     text        not null,
    endpoint      text        not null,
    -- "limit" is reserved in SQL; X's x-rate-limit-limit
    request_limit integer     not null,
    remaining     integer     not null,
    reset_at      timestamptz not null,
    updated_at    timestamptz not null,
    primary key (x_user_id, endpoint),
    constraint x_rate_limit_remaining_check check (remaining >= 0 and request_limit >= 0)
);
