-- SPDX-License-Identifier: Apache-2.0
-- workload.sql: schema, 100,000 rows in one transaction, indexes, joins,
-- aggregates, window functions, JSON; run by the sqlite3 shell of the image
-- and of the native build, outputs compared.
.headers on
.mode list
CREATE TABLE customer(id INTEGER PRIMARY KEY, name TEXT NOT NULL, city TEXT);
CREATE TABLE product(id INTEGER PRIMARY KEY, title TEXT, price REAL);
CREATE TABLE orders(id INTEGER PRIMARY KEY, customer INTEGER REFERENCES customer,
                    product INTEGER REFERENCES product, qty INTEGER, day TEXT, note TEXT);
BEGIN;
WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000)
INSERT INTO customer SELECT x, 'customer-' || x, 'city-' || (x * 7 % 37) FROM c;
WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 200)
INSERT INTO product SELECT x, printf('product %03d', x), round((x * 37 % 1000) / 10.0 + 0.99, 2) FROM c;
WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000)
INSERT INTO orders SELECT x, (x * 7919) % 1000 + 1, (x * 104729) % 200 + 1, x % 9 + 1,
  date('2020-01-01', '+' || (x % 1096) || ' days'), hex(zeroblob(x % 17)) FROM c;
COMMIT;
SELECT count(*), sum(qty), min(day), max(day), total(length(note)) FROM orders;
CREATE INDEX orders_customer ON orders(customer);
CREATE INDEX orders_day ON orders(day, product);
CREATE UNIQUE INDEX product_title ON product(title);
ANALYZE;
SELECT c.city, count(*) AS n, sum(o.qty * p.price) AS revenue
  FROM orders o JOIN customer c ON c.id = o.customer JOIN product p ON p.id = o.product
  GROUP BY c.city ORDER BY revenue DESC LIMIT 8;
SELECT strftime('%Y', day) AS year, count(*), round(avg(qty), 4), max(qty)
  FROM orders GROUP BY year ORDER BY year;
SELECT p.title, sum(o.qty) AS sold FROM product p LEFT JOIN orders o ON o.product = p.id
  WHERE p.price > 50 GROUP BY p.id HAVING sold > 2400 ORDER BY sold DESC, p.title LIMIT 5;
SELECT name, (SELECT count(*) FROM orders WHERE customer = customer.id) AS cnt
  FROM customer WHERE id IN (1, 500, 1000) ORDER BY id;
SELECT customer, day, qty, sum(qty) OVER (PARTITION BY customer ORDER BY day, id
  ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running
  FROM orders WHERE customer = 42 ORDER BY day, id LIMIT 6;
SELECT count(DISTINCT customer), count(DISTINCT product), group_concat(DISTINCT qty) FROM orders;
UPDATE orders SET qty = qty * 2 WHERE day BETWEEN '2021-03-01' AND '2021-03-31';
DELETE FROM orders WHERE id % 10 = 0;
SELECT changes(), total_changes() > 0, count(*) FROM orders;
SELECT json_object('orders', count(*), 'max', max(qty)) FROM orders WHERE customer < 10;
EXPLAIN QUERY PLAN SELECT * FROM orders WHERE customer = 5 AND day > '2021';
PRAGMA integrity_check;
SELECT typeof(1), typeof(1.5), typeof('x'), typeof(x'00'), typeof(NULL), 1e300 * 1e10, -0.0, 7 / 2, 7 % 3, printf('%.3f|%5s|%-5d|', 2.0 / 3, 'ab', 42);
SELECT abs(-9223372036854775807), round(2.5), upper('ÿ'), length('héllo'), substr('abcdef', -3, 2), instr('hello', 'll'), replace('aaa', 'a', 'bb'), trim('  x  ');
