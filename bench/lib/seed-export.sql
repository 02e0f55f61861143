-- The 10,000-project workspace of the export/import measurement (psql variables: alice, count):
-- a non-default workspace of alice's, each project with its owner membership and one parameter
-- version, like projects made through the API.
INSERT INTO workspaces (id, name, description, metadata, owner_id, organization, scope, is_default, created_at, updated_at)
VALUES ('bench-export-ws', 'Export benchmark', 'Projects of the export/import benchmark', '{"department": "finance"}',
        :'alice', 'acme', 'USER', false, now(), now()),
       ('bench-import-ws', 'Import benchmark', 'Target of the import benchmark', '{}',
        :'alice', 'acme', 'USER', false, now(), now());
INSERT INTO projects (id, workspace_id, name, description, metadata, type, status, scope, owner_id, organization,
                      rapid, studio, pipeline, consensus_attempts, dataset_id, pinned, dataset_count,
                      created_at, updated_at, version)
SELECT 'bench-e-' || lpad(g::text, 6, '0'), 'bench-export-ws', 'Exported Credit Risk Model ' || g,
       'Project for credit risk scoring of the finance team, export batch ' || g || '.',
       '{"department": "finance", "priority": "high", "tags": ["credit", "risk", "scoring"]}',
       'classification', 'ACTIVE', 'USER', :'alice', 'acme', NULL, NULL, NULL, NULL, NULL, false, 0,
       now() - g * interval '1 minute', now() - g * interval '1 minute', 0
FROM generate_series(1, :count) g;
INSERT INTO project_members (project_id, user_id, role, created_at, shared)
SELECT 'bench-e-' || lpad(g::text, 6, '0'), :'alice', 'OWNER', now(), FALSE FROM generate_series(1, :count) g;
INSERT INTO project_params (project_id, version, params, instruction, created_at)
SELECT 'bench-e-' || lpad(g::text, 6, '0'), 0,
       '{"learning_rate": 0.01, "epochs": ' || (g % 50) || ', "features": ["income", "debt_ratio", "age"]}',
       'initial parameters', now()
FROM generate_series(1, :count) g;
