-- Realistic rows for the schema after 0004_staff: an owner, a manager and a cashier (PIN hashes as the app makes
-- them: PBKDF2-HMAC-SHA-256, 150,000 iterations, PINs 4821, 7302 and 1593; the cashier once locked out), and one approval in the audit log.
INSERT INTO staff (id, name, role, pin_salt, pin_iterations, pin_hash, failures, locked_until, active, created_at) VALUES
  (1, 'Maya Okafor', 'owner', '5d0c9a7e21b44f3c8e6a1b2c3d4e5f60', 150000,
   '7ab060d1bd3ca08c6c0d245acd83a6105f582cce9d4c1ad86c50e651844621b9', 0, NULL, 1, 1764580800000),
  (2, 'Tom Reyes', 'manager', 'a1b2c3d4e5f60718293a4b5c6d7e8f90', 150000,
   'c0bfc762a45a1541c11f93a225bf9e6690c941955276b786325347d8ca30c5ae', 0, NULL, 1, 1764581000000),
  (3, 'Lena Park', 'cashier', '0f1e2d3c4b5a69788796a5b4c3d2e1f0', 150000,
   '81ccd7346190a4fc630920166556c6808fb998e379a4c9849ed3201c50499dff', 5, 1764582030000, 1, 1764581200000);
INSERT INTO audit_log (id, at, action, approver_id, approver_name, approver_role, for_name, detail) VALUES
  (1, 1764583200000, 'backup.restore', 2, 'Tom Reyes', 'manager', 'Lena Park', 'backup-2026-12-01T09-00-00Z.sqlite3');
