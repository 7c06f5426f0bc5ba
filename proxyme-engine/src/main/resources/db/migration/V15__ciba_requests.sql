-- Out-of-band approval requests (Auth0 CIBA pushes), one per approval: the poller's state, so that a restart or
-- another instance resumes polling (StepUpRequests port). status: POLLING, NOT_SENT (overlay only; reason says why)
-- or DONE. Times are epoch milliseconds; poll_interval_ms grows on slow_down. outcome: an outcome seen whose
-- settlement (audit first) has yet to succeed.
CREATE TABLE ciba_requests (
    approval_id      VARCHAR(40)   NOT NULL PRIMARY KEY,
    org              VARCHAR(40)   NOT NULL,
    member           VARCHAR(320)  NOT NULL,
    status           VARCHAR(10)   NOT NULL,
    auth_req_id      VARCHAR(200),
    poll_interval_ms BIGINT        NOT NULL,
    next_poll_at     BIGINT,
    expires_at       BIGINT,
    created_at       BIGINT        NOT NULL,
    outcome          VARCHAR(10),
    reason           VARCHAR(1000)
);
CREATE INDEX ciba_requests_due ON ciba_requests (status, next_poll_at);
CREATE INDEX ciba_requests_by_member ON ciba_requests (org, member, created_at);
