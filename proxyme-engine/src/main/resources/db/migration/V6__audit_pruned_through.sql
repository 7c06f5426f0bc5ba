-- How far retention has pruned each organisation's chain. The pruning sets it in the transaction that deletes, under
-- the head's row lock; an audit log that sees it change forgets the meeting ends it remembered (some were pruned).
ALTER TABLE audit_heads ADD COLUMN pruned_through BIGINT DEFAULT 0 NOT NULL;
