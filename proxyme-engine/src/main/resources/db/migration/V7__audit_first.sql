-- Audit first (issue 11). Plain SQL for H2 2.x and PostgreSQL 15.

-- A decider claims a pending approval before it audits its decision (ApprovalDesk): the claim is invisible to
-- readers (the approval stays PENDING) and may be taken over once it is stale (ApprovalDesk.CLAIM_TTL).
ALTER TABLE suggestions ADD COLUMN claimed_by VARCHAR(40);
ALTER TABLE suggestions ADD COLUMN claimed_at BIGINT;
