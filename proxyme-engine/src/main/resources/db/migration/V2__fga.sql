-- The FGA model (fga/proxyme.fga) ties roles and topics to their organisation, and makes the holders of an
-- organisation's roles its members (topic#can_... requires "member from organization"). Databases seeded before
-- get those tuples here; new policy writes derive them from the document (PolicyTuples).
INSERT INTO fga_tuples (fga_object, fga_relation, fga_user)
SELECT 'role:' || r.org || '/' || r.role_name, 'organization', 'organization:' || r.org
FROM roles r
WHERE NOT EXISTS (SELECT 1 FROM fga_tuples t WHERE t.fga_object = 'role:' || r.org || '/' || r.role_name
                  AND t.fga_relation = 'organization' AND t.fga_user = 'organization:' || r.org);

INSERT INTO fga_tuples (fga_object, fga_relation, fga_user)
SELECT 'organization:' || r.org, 'member', 'role:' || r.org || '/' || r.role_name || '#assignee'
FROM roles r
WHERE NOT EXISTS (SELECT 1 FROM fga_tuples t WHERE t.fga_object = 'organization:' || r.org
                  AND t.fga_relation = 'member' AND t.fga_user = 'role:' || r.org || '/' || r.role_name || '#assignee');

INSERT INTO fga_tuples (fga_object, fga_relation, fga_user)
SELECT 'topic:' || p.org || '/' || p.topic_id, 'organization', 'organization:' || p.org
FROM topics p
WHERE NOT EXISTS (SELECT 1 FROM fga_tuples t WHERE t.fga_object = 'topic:' || p.org || '/' || p.topic_id
                  AND t.fga_relation = 'organization' AND t.fga_user = 'organization:' || p.org);
