CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT UNIQUE);
INSERT INTO t(v) VALUES ('a'), ('b');
SELECT count(*) FROM t;
INSERT INTO t(v) VALUES ('a');
SELECT 'after the constraint error';
SELECT * FROM missing_table;
SELECT 'not reached with -bail';
