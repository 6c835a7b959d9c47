# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# ingot-gdb.py: gdb commands for Ingot images: guest threads and TLS.
#
# Load it with `gdb -x <libdir>/gdb/ingot-gdb.py IMAGE ...` (ingot run
# --gdb prints the line).  It reads the library OS's own structures, so
# it needs an image built with ingot-cc -g:
#
#   ingot threads          the scheduler's threads: id, state, where
#   ingot bt ID            a frame-pointer backtrace of thread ID
#   $ingot_tls("NAME")     thread-local variable NAME of the thread that
#   $ingot_tls("NAME", ID) runs (its %fs base), or of thread ID
#
# gdb itself sees one CPU (kvm: QEMU's vCPU) or one host thread (pico);
# the scheduler's threads are green threads inside it.  A core file
# written by `ingot run --core` has every one of them as a real thread.
import re
import struct

import gdb

STATES = {0: "running", 1: "ready", 2: "blocked", 3: "dead"}
# ig_arch_switch's frame (libos/sched/switch.S): the return address is
# the 8th word above the saved stack pointer, rbp the 7th.
SW_RBP, SW_RET = 6, 7


def _ulong(expr):
    return int(gdb.parse_and_eval(expr).cast(
        gdb.lookup_type("unsigned long")))


def _threads():
    """(id, struct ig_thread value, running?) for every live thread."""
    try:
        by_id = gdb.parse_and_eval("'sched.c'::by_id")
        current = int(gdb.parse_and_eval("'sched.c'::current"))
    except gdb.error as e:
        raise gdb.GdbError("ingot: no scheduler symbols (build the image "
                           "with ingot-cc -g): %s" % e)
    lo, hi = by_id.type.range()
    for i in range(lo, hi + 1):
        p = int(by_id[i])
        if p == 0:
            continue
        t = by_id[i].dereference()
        if int(t["state"]) == 3:
            continue
        yield i, t, p == current


def _tls_block():
    """The TLS block's size below the thread pointer: PT_TLS's memsz
    rounded up to its alignment, as the linker's offsets count (tls.c)."""
    path = gdb.current_progspace().filename
    if not path:
        raise gdb.GdbError("ingot_tls: no image loaded")
    with open(path, "rb") as f:
        eh = f.read(64)
        if eh[:4] != b"\x7fELF" or eh[4] != 2:
            raise gdb.GdbError("ingot_tls: %s is not ELF64" % path)
        phoff, = struct.unpack_from("<Q", eh, 0x20)
        phentsize, phnum = struct.unpack_from("<HH", eh, 0x36)
        f.seek(phoff)
        ph = f.read(phentsize * phnum)
    for i in range(phnum):
        p_type, = struct.unpack_from("<I", ph, i * phentsize)
        if p_type == 7:  # PT_TLS
            memsz, align = struct.unpack_from("<QQ", ph, i * phentsize + 0x28)
            align = max(align, 1)
            return (memsz + align - 1) & ~(align - 1)
    raise gdb.GdbError("ingot_tls: the image has no TLS segment")


def _where(pc):
    line = gdb.find_pc_line(pc)
    block = gdb.block_for_pc(pc)
    fn = block.function if block is not None else None
    name = fn.name if fn is not None else "??"
    if fn is None:
        ms = gdb.execute("info symbol %#x" % pc, to_string=True).split()
        name = ms[0] if ms and ms[0] != "No" else "??"
    if line.symtab is not None:
        return "%#x in %s at %s:%d" % (pc, name, line.symtab.filename,
                                        line.line)
    return "%#x in %s" % (pc, name)


def _read_words(addr, n):
    inf = gdb.selected_inferior()
    mem = inf.read_memory(addr, 8 * n).tobytes()
    return [int.from_bytes(mem[8 * i:8 * i + 8], "little") for i in range(n)]


class IngotPrefix(gdb.Command):
    """Ingot guest commands: ingot threads, ingot bt ID."""

    def __init__(self):
        super().__init__("ingot", gdb.COMMAND_USER, prefix=True)


class IngotThreads(gdb.Command):
    """List the library OS's threads: id, state and where each is."""

    def __init__(self):
        super().__init__("ingot threads", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        for i, t, running in _threads():
            if running:
                pc = _ulong("$pc")
            else:
                pc = _read_words(int(t["rsp"]), SW_RET + 1)[SW_RET]
            mark = "*" if running else " "
            state = STATES.get(int(t["state"]), "?")
            gdb.write("%s %-4d %-8s %s\n" % (mark, i, state, _where(pc)))


class IngotBt(gdb.Command):
    """Backtrace of library-OS thread ID, by its frame pointers."""

    def __init__(self):
        super().__init__("ingot bt", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        try:
            want = int(arg, 0)
        except ValueError:
            raise gdb.GdbError("usage: ingot bt ID (see ingot threads)")
        for i, t, running in _threads():
            if i != want:
                continue
            if running:
                gdb.execute("bt")
                return
            words = _read_words(int(t["rsp"]), SW_RET + 1)
            pc, rbp = words[SW_RET], words[SW_RBP]
            lo, hi = int(t["stack_lo"]), int(t["stack_hi"])
            n = 0
            while pc and n < 64:
                gdb.write("#%-2d %s\n" % (n, _where(pc)))
                n += 1
                if rbp < lo or rbp + 16 > hi or rbp & 7:
                    break
                nxt, pc = _read_words(rbp, 2)
                if nxt <= rbp:
                    break
                rbp = nxt
            return
        raise gdb.GdbError("ingot: no thread %d (see ingot threads)" % want)


class IngotTls(gdb.Function):
    """$ingot_tls("NAME"[, ID]): thread-local variable NAME of the running
thread, or of library-OS thread ID.  The TLS block ends at the thread
pointer (x86-64 variant II, libos/sched/tls.c)."""

    def __init__(self):
        super().__init__("ingot_tls")

    def invoke(self, name, tid=None):
        name = name.string()
        sym = gdb.lookup_global_symbol(name) or gdb.lookup_static_symbol(name)
        if sym is None:
            raise gdb.GdbError("ingot_tls: no symbol %s" % name)
        info = gdb.execute("info address %s" % name, to_string=True)
        m = re.search(r"thread-local variable at offset (0x[0-9a-f]+)", info)
        if not m:
            raise gdb.GdbError("ingot_tls: %s is not thread-local" % name)
        offset = int(m.group(1), 16)
        block = _tls_block()
        if tid is None:
            tp = _ulong("$fs_base")
        else:
            tp = None
            for i, t, running in _threads():
                if i == int(tid):
                    tp = int(t["tp"])
            if tp is None:
                raise gdb.GdbError("ingot_tls: no thread %d" % int(tid))
        addr = tp - block + offset
        return gdb.Value(addr).cast(sym.type.pointer()).dereference()


IngotPrefix()
IngotThreads()
IngotBt()
IngotTls()
