-- The instance that accepted each open chunk, so that another instance can tell whether it is still being decided
-- (its instance renews the lease 'alive.<instance>') before it decides that member's later chunks (lane order across
-- a reconnect to another instance), and can record it as chunk_abandoned as soon as that instance has stopped.
-- NULL: accepted before this column existed (its instance is unknown, so taken as stopped).
ALTER TABLE open_chunks ADD COLUMN instance VARCHAR(64);
