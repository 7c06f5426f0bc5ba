-- Conditional relationships (OpenFGA conditions): the name of the model's condition a tuple is written with, and the
-- part of its context stored with the tuple (a JSON object). Both NULL for an unconditional tuple.
ALTER TABLE fga_tuples ADD COLUMN fga_condition VARCHAR(256);
ALTER TABLE fga_tuples ADD COLUMN fga_condition_context VARCHAR(4000);
