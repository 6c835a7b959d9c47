#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# mcclient.py HOST PORT: drives a memcached server through its text, meta
# and binary protocols (storage commands, counters, CAS, large values up
# to the 1 MiB item size, pipelining, MC_CONNS concurrent connections,
# default 200) and prints one line per check, the same for two servers
# that behave the same (apps/memcached/tests/serve.sh compares them).
import socket, struct, sys, threading, os

host, port = sys.argv[1], int(sys.argv[2])
nconns = int(os.environ.get("MC_CONNS", "200"))

def conn():
    s = socket.create_connection((host, port), timeout=30)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return s

class Text:
    def __init__(self):
        self.s = conn()
        self.buf = b""
    def send(self, data):
        self.s.sendall(data)
    def line(self):
        while b"\r\n" not in self.buf:
            d = self.s.recv(65536)
            if not d:
                raise EOFError("closed")
            self.buf += d
        l, self.buf = self.buf.split(b"\r\n", 1)
        return l
    def exact(self, n):
        while len(self.buf) < n:
            d = self.s.recv(1 << 20)
            if not d:
                raise EOFError("closed")
            self.buf += d
        r, self.buf = self.buf[:n], self.buf[n:]
        return r
    def cmd(self, c):
        self.send(c + b"\r\n")
        return self.line()
    def store(self, verb, key, val, flags=0, exp=0, extra=b""):
        self.send(b"%s %s %d %d %d%s\r\n" % (verb, key, flags, exp, len(val), extra) + val + b"\r\n")
        return self.line()
    def get(self, cmd):
        self.send(cmd + b"\r\n")
        out = []
        while True:
            l = self.line()
            if l == b"END":
                return out
            if not l.startswith(b"VALUE "):
                return out + [l]
            parts = l.split()
            n = int(parts[3])
            v = self.exact(n + 2)[:-2]
            out.append((parts[1], int(parts[2]), v, parts[4] if len(parts) > 4 else None))
    def close(self):
        self.s.close()

def show(name, v):
    print("%s: %s" % (name, v))

t = Text()
show("version", t.cmd(b"version").startswith(b"VERSION 1.6.18"))
show("set", t.store(b"set", b"a", b"hello", flags=42))
r = t.get(b"get a")
show("get", [(k, f, v) for k, f, v, _ in r])
show("get missing", t.get(b"get nope"))
show("add existing", t.store(b"add", b"a", b"x"))
show("add new", t.store(b"add", b"b", b"bee"))
show("replace", t.store(b"replace", b"b", b"BEE"))
show("replace missing", t.store(b"replace", b"zz", b"x"))
show("append", t.store(b"append", b"a", b" world"))
show("prepend", t.store(b"prepend", b"a", b">> "))
show("multi get", [(k, v) for k, f, v, _ in t.get(b"get a b nope")])
r = t.get(b"gets a")
cas = int(r[0][3])
show("cas ok", t.store(b"cas", b"a", b"casval", extra=b" %d" % cas))
show("cas stale", t.store(b"cas", b"a", b"casval2", extra=b" %d" % cas))
show("get after cas", [v for k, f, v, _ in t.get(b"get a")])
show("set counter", t.store(b"set", b"n", b"10"))
show("incr", t.cmd(b"incr n 5"))
show("decr", t.cmd(b"decr n 100"))
show("incr big", t.cmd(b"incr n 18446744073709551615"))
show("incr non-numeric", t.cmd(b"incr a 1"))
show("incr missing", t.cmd(b"incr nope 1"))
show("delete", t.cmd(b"delete b"))
show("delete again", t.cmd(b"delete b"))
show("touch", t.cmd(b"touch a 1000"))
show("gat", [(k, v) for k, f, v, _ in t.get(b"gat 0 a")])
t.send(b"set q 0 0 5 noreply\r\nquiet\r\n")
show("after noreply", [v for k, f, v, _ in t.get(b"get q")])
show("bad command", t.cmd(b"bogus"))
show("key too long", t.cmd(b"get " + b"k" * 251))
# large values, up to the default 1 MiB item size
for size in (1000, 100000, 500000, 1000000, 1048000):
    val = bytes((i * 7 + size) % 251 for i in range(size))
    r1 = t.store(b"set", b"big%d" % size, val)
    r2 = t.get(b"get big%d" % size)
    show("large %d" % size, (r1, len(r2) == 1 and r2[0][2] == val))
show("too large", t.store(b"set", b"huge", b"x" * (2 * 1024 * 1024)))
# pipelined: 1000 sets in one send, then 1000 gets
t.send(b"".join(b"set p%d 0 0 %d\r\n%d\r\n" % (i, len(b"%d" % i), i) for i in range(1000)))
ok = all(t.line() == b"STORED" for i in range(1000))
show("pipelined sets", ok)
r = t.get(b"get " + b" ".join(b"p%d" % i for i in range(0, 1000, 10)))
show("pipelined get", len(r) == 100 and all(v == k[1:] for k, f, v, _ in r))
# meta protocol
t.send(b"ms m1 7 T0 F5\r\nmetaval\r\n")
show("ms", t.line())
show("mg", (t.send(b"mg m1 v f\r\n"), t.line(), t.line())[1:])
show("mg miss", t.cmd(b"mg nothere v"))
show("ma", (t.send(b"ma n v\r\n"), t.line(), t.line())[1:])
show("md", t.cmd(b"md m1"))
show("mn", t.cmd(b"mn"))
# concurrent connections
errors = []
res = [None] * nconns
def worker(i):
    try:
        c = Text()
        k = b"c%d" % i
        v = b"v%d-" % i * 50
        a = c.store(b"set", k, v)
        b = c.get(b"get " + k)
        c.cmd(b"incr n 1")
        res[i] = a == b"STORED" and len(b) == 1 and b[0][2] == v
        c.close()
    except Exception as e:
        errors.append(repr(e))
ths = [threading.Thread(target=worker, args=(i,)) for i in range(nconns)]
for th in ths:
    th.start()
for th in ths:
    th.join()
show("concurrent %d" % nconns, (all(res), errors[:3]))
show("counter after concurrent", [v for k, f, v, _ in t.get(b"get n")])
# many connections held open at once
held = [Text() for i in range(nconns)]
for i, c in enumerate(held):
    c.send(b"get c%d\r\n" % i)
ok = all(len(c.get(b"get c%d" % i)) == 1 for i, c in enumerate(held))
show("held open %d" % nconns, ok)
for c in held:
    c.close()
t.send(b"stats\r\n")
stats = {}
while True:
    l = t.line()
    if l == b"END":
        break
    p = l.split()
    stats[p[1].decode()] = p[2].decode()
show("stats curr_connections>=1", int(stats.get("curr_connections", "0")) >= 1)
show("stats threads", stats.get("threads"))
show("stats total_items>=1000", int(stats.get("total_items", "0")) >= 1000)
show("flush_all", t.cmd(b"flush_all"))
show("get after flush", t.get(b"get a"))
t.close()

# binary protocol
def bin_req(op, key=b"", val=b"", extras=b"", cas=0, opaque=0):
    hdr = struct.pack(">BBHBBHIIQ", 0x80, op, len(key), len(extras), 0, 0,
                      len(key) + len(extras) + len(val), opaque, cas)
    return hdr + extras + key + val
def bin_resp(s):
    def rd(n):
        b = b""
        while len(b) < n:
            d = s.recv(n - len(b))
            if not d:
                raise EOFError
            b += d
        return b
    h = rd(24)
    magic, op, kl, el, dt, status, bl, opaque, cas = struct.unpack(">BBHBBHIIQ", h)
    body = rd(bl)
    return op, status, body[el:el + kl], body[el + kl:], body[:el]
b = conn()
b.sendall(bin_req(0x01, b"bk", b"binval", struct.pack(">II", 7, 0)))
op, st, k, v, ex = bin_resp(b)
show("bin set", (op, st))
b.sendall(bin_req(0x00, b"bk"))
op, st, k, v, ex = bin_resp(b)
show("bin get", (op, st, v, struct.unpack(">I", ex)[0]))
b.sendall(bin_req(0x00, b"nokey"))
op, st, k, v, ex = bin_resp(b)
show("bin get miss", (op, st))
b.sendall(bin_req(0x05, b"bn", b"", struct.pack(">QQI", 3, 100, 0)))
op, st, k, v, ex = bin_resp(b)
show("bin incr (initial)", (op, st, struct.unpack(">Q", v)[0]))
b.sendall(bin_req(0x05, b"bn", b"", struct.pack(">QQI", 3, 100, 0)))
op, st, k, v, ex = bin_resp(b)
show("bin incr", (op, st, struct.unpack(">Q", v)[0]))
b.sendall(bin_req(0x04, b"bk"))
op, st, k, v, ex = bin_resp(b)
show("bin delete", (op, st))
b.sendall(bin_req(0x0b))
op, st, k, v, ex = bin_resp(b)
show("bin version", (op, st, v))
b.close()
print("mcclient: done")
