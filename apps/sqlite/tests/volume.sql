-- SPDX-License-Identifier: Apache-2.0
-- volume.sql: writes a database file (the default VFS, its record locks)
-- that the host's own sqlite3 reads afterwards.
PRAGMA journal_mode;
CREATE TABLE kv(k TEXT PRIMARY KEY, v BLOB, n INTEGER);
BEGIN;
WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 20000)
INSERT INTO kv SELECT 'key' || x, randomblob(x % 100), x FROM c;
COMMIT;
BEGIN EXCLUSIVE;
UPDATE kv SET n = n * 3 WHERE n % 2 = 0;
COMMIT;
BEGIN IMMEDIATE;
DELETE FROM kv WHERE n % 5 = 0;
ROLLBACK;
CREATE INDEX kv_n ON kv(n);
VACUUM;
SELECT count(*), sum(n) FROM kv;
PRAGMA integrity_check;
.connection 1
.open @DB@
SELECT count(*) FROM kv;
.connection 0
BEGIN EXCLUSIVE;
INSERT INTO kv VALUES('held', NULL, -1);
.connection 1
INSERT INTO kv VALUES('blocked', NULL, -2);
SELECT count(*) FROM kv;
.connection 0
COMMIT;
.connection 1
INSERT INTO kv VALUES('after', NULL, -3);
SELECT count(*), sum(n) FROM kv;
