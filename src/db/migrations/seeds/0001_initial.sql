-- Realistic rows for the schema as it stands after 0001_initial (see docs/migrations.md, "Seed data").
-- The historical-versions test builds a database at this version with these rows, migrates it to the latest,
-- and checks that no row is lost. schema_migrations belongs to the runner and is never seeded.
INSERT INTO app_meta (key, value) VALUES ('created_at', '2026-01-05T08:00:00.000Z'), ('shop_name', 'Corner Café');
INSERT INTO tally (id, note, tab, created_at) VALUES
  ('0194a1b2-0000-7000-8000-000000000001', 'opening float counted', 'tab-a1b2', '2026-01-05T08:01:00.000Z'),
  ('0194a1b2-0000-7000-8000-000000000002', 'first sale of the day', 'tab-a1b2', '2026-01-05T08:15:30.250Z'),
  ('0194a1b2-0000-7000-8000-000000000003', 'Crème brûlée ×2 — note with accents', 'tab-c3d4', '2026-01-05T12:40:00.000Z'),
  ('0194a1b2-0000-7000-8000-000000000004', '', 'tab-c3d4', '2026-01-05T17:59:59.999Z');
INSERT INTO applied_requests (request_id, handler, result, applied_at) VALUES
  ('0194a1b2-0000-7000-8000-0000000000a1', 'tally.add', '{"total":1}', '2026-01-05T08:01:00.000Z'),
  ('0194a1b2-0000-7000-8000-0000000000a2', 'tally.add', '{"total":2}', '2026-01-05T08:15:30.250Z'),
  ('0194a1b2-0000-7000-8000-0000000000a3', 'tally.add', '{"total":3}', '2026-01-05T12:40:00.000Z');
