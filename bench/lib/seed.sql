-- Bulk seed for bench/run (psql variables: from, to, alice, alice_ws). Adds projects number
-- :from+1 .. :to spread over eight owners (alice first), 30 % of them organization-scoped, each with
-- its owner's membership row, and alice as a viewer on every 50th project of the other owners (the
-- "shared" visibility path). Names and descriptions read like real ones and stay unique.
-- The eight owners: alice (made through the API) and seven made here, each with a default workspace.
INSERT INTO users (id, email, name, organization, is_admin, created_at)
SELECT 'bench-owner-' || i, 'bench-owner-' || i || '@example.com', 'Bench Owner ' || i, 'acme', false, now()
FROM generate_series(1, 7) i
ON CONFLICT DO NOTHING;
INSERT INTO workspaces (id, name, description, metadata, owner_id, organization, scope, is_default, created_at, updated_at)
SELECT 'bench-ws-' || i, 'Default workspace', NULL, '{}', 'bench-owner-' || i, 'acme', 'USER', true, now(), now()
FROM generate_series(1, 7) i
ON CONFLICT DO NOTHING;

CREATE TEMP TABLE bench_owner (idx int PRIMARY KEY, owner_id varchar(64) COLLATE "C", workspace_id varchar(64) COLLATE "C");
INSERT INTO bench_owner VALUES (0, :'alice', :'alice_ws');
INSERT INTO bench_owner SELECT i, 'bench-owner-' || i, 'bench-ws-' || i FROM generate_series(1, 7) i;

INSERT INTO projects (id, workspace_id, name, description, metadata, type, status, scope, owner_id, organization,
                      rapid, studio, pipeline, consensus_attempts, dataset_id, pinned, dataset_count,
                      created_at, updated_at, version)
SELECT 'bench-p-' || lpad(g::text, 8, '0'),
       o.workspace_id,
       w.adj || ' ' || w.noun || ' ' || g,
       'Project for ' || lower(w.adj) || ' ' || lower(w.noun) || ' of the ' || w.dept
           || ' team: quarterly review, dataset batch ' || g || ', owner ' || o.idx || '.',
       '{"department": "' || w.dept || '", "priority": "' || (ARRAY['low', 'medium', 'high'])[1 + g % 3] || '"}',
       'classification',
       CASE WHEN g % 20 = 0 THEN 'ARCHIVED' ELSE 'ACTIVE' END,
       CASE WHEN g % 10 < 3 THEN 'ORGANIZATION' ELSE 'USER' END,
       o.owner_id, 'acme',
       NULL, NULL, NULL, NULL, NULL, false, g % 7,
       now() - (g * interval '61 seconds'),
       now() - (g * interval '61 seconds') + ((g % 997) * interval '1 minute'),
       0
FROM generate_series(:from + 1, :to) g
JOIN bench_owner o ON o.idx = g % 8
CROSS JOIN LATERAL (SELECT
       (ARRAY['Financial', 'Customer', 'Churn', 'Fraud', 'Supply Chain', 'Retail', 'Clinical', 'Energy',
              'Marketing', 'Credit', 'Sensor', 'Sales', 'Logistics'])[1 + (g * 7) % 13] AS adj,
       (ARRAY['Risk Analysis', 'Segmentation', 'Prediction', 'Demand Forecast', 'Anomaly Detection', 'Dashboard',
              'Classifier', 'Pipeline', 'Survey', 'Benchmark', 'Sentiment Model'])[1 + (g * 5) % 11] AS noun,
       (ARRAY['risk_management', 'finance', 'marketing', 'operations', 'research'])[1 + g % 5] AS dept) w;

INSERT INTO project_members (project_id, user_id, role, created_at, shared)
SELECT 'bench-p-' || lpad(g::text, 8, '0'), o.owner_id, 'OWNER', now(), FALSE
FROM generate_series(:from + 1, :to) g
JOIN bench_owner o ON o.idx = g % 8;

-- a shared membership carries copies of the project's sort keys and text (as the server writes them)
INSERT INTO project_members (project_id, user_id, role, created_at, project_name, project_description,
                             project_created_at, project_updated_at, project_dataset_count)
SELECT p.id, :'alice', 'VIEWER', now(), p.name, p.description, p.created_at, p.updated_at, p.dataset_count
FROM generate_series(:from + 1, :to) g
JOIN projects p ON p.id = 'bench-p-' || lpad(g::text, 8, '0')
WHERE g % 8 <> 0 AND g % 50 = 1;
