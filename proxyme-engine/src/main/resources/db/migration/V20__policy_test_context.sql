-- Conditional permissions (issue 17): a policy file's test case may carry the meeting values it is decided with
-- (tests[].context, a JSON object; NULL: none).
ALTER TABLE policy_tests ADD COLUMN context_json VARCHAR(4000);
