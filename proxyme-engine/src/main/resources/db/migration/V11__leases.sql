-- Leases that let several instances sharing this database run a job on one of them at a time (Leases port).
-- expires_at is epoch milliseconds of the holder's clock: instances keep their clocks in step (NTP); a lease's
-- time-to-live is much longer than any skew between them.
CREATE TABLE leases (
    name       VARCHAR(64) NOT NULL PRIMARY KEY,
    holder     VARCHAR(64) NOT NULL,
    expires_at BIGINT      NOT NULL
);
