CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT NOT NULL, city TEXT);
CREATE TABLE orders(id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id), item TEXT, qty INTEGER, price REAL);
CREATE INDEX orders_by_customer ON orders(customer_id);
BEGIN;
INSERT INTO customers(name, city) VALUES ('Ada', 'London'), ('Linus', 'Helsinki'), ('Grace', 'New York'), ('Ken', NULL);
INSERT INTO orders(customer_id, item, qty, price) VALUES
  (1, 'lamp', 2, 19.99), (1, 'desk', 1, 149.5), (2, 'penguin', 3, 7.25),
  (3, 'compiler', 1, 999.0), (3, 'lamp', 1, 19.99), (2, 'kernel', 1, 0.0);
COMMIT;
.headers on
.mode column
SELECT c.name, count(o.id) AS orders, printf('%8.2f', coalesce(sum(o.qty * o.price), 0)) AS total
  FROM customers c LEFT JOIN orders o ON o.customer_id = c.id
  GROUP BY c.id ORDER BY sum(o.qty * o.price) DESC NULLS LAST;
.mode list
.separator " | "
SELECT item, sum(qty), printf('%.3e', avg(price)), printf('%-8s|%5d|%x', item, qty * 1000, qty * 255) FROM orders GROUP BY item HAVING sum(qty) > 1 ORDER BY item;
.headers off
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10)
  SELECT group_concat(i * i, ','), total(i) / 3.0, 7 / 2, 7 % 3, -7 / 2.0 FROM n;
SELECT name, rank() OVER (ORDER BY length(name) DESC, name) FROM customers;
SELECT json_object('name', name, 'city', city) FROM customers WHERE city IS NOT NULL ORDER BY id;
SELECT upper(substr(name, 1, 2)) || lower(substr(name, 3)), instr(name, 'a'), replace(city, ' ', '_'), hex(name), quote(city) FROM customers;
UPDATE orders SET qty = qty + 1 WHERE item = 'lamp';
DELETE FROM orders WHERE price = 0;
SELECT count(*), sum(qty) FROM orders;
PRAGMA integrity_check;
.mode box
SELECT * FROM customers ORDER BY id DESC LIMIT 2;
