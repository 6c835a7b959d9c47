-- SPDX-License-Identifier: Apache-2.0
-- io_os.lua: io and os on a directory (arg[1]: a volume in the image).
local dir = assert(arg[1], "usage: io_os.lua DIR")
local path = dir .. "/data.txt"
local f = assert(io.open(path, "w"))
for i = 1, 1000 do f:write(string.format("line %d %s\n", i, ("x"):rep(i % 50))) end
f:write("no newline at end")
print(f:seek("cur"), f:seek("set", 5), f:seek("end"))
f:close()
print(io.type(f), io.type(io.stdout), io.type(42))
local n, bytes = 0, 0
for l in io.lines(path) do n = n + 1; bytes = bytes + #l end
print("lines", n, "bytes", bytes)
f = assert(io.open(path, "r"))
print(f:read("l"), f:read(4), f:read("n"), f:read("L"))
f:seek("set", 0)
local all = f:read("a"); print(#all, f:read("a") == "", f:read("l"))
f:close()
f = assert(io.open(path, "a+")); f:write("\nappended"); f:seek("set", 0)
local last; for l in f:lines() do last = l end; print(last); f:close()
local nums = dir .. "/nums.txt"
f = assert(io.open(nums, "w")); f:write("1 2.5 0x10 -7 1e3\n"); f:close()
f = assert(io.open(nums)); print(f:read("n", "n", "n", "n", "n")); f:close()
print(os.rename(path, dir .. "/moved.txt"), io.open(path) == nil)
print(select(2, io.open(dir .. "/missing/none")) ~= nil)
local r, e, code = os.remove(dir .. "/nothing-here")
print(r, e and e:gsub("^.*: ", "") or e, code)
print(os.remove(dir .. "/moved.txt"), os.remove(nums))
f = assert(io.open(dir .. "/bin.dat", "wb"))
local blob = {}
for i = 0, 255 do blob[#blob + 1] = string.char(i) end
f:write(table.concat(blob):rep(64)); f:close()
f = assert(io.open(dir .. "/bin.dat", "rb")); local d = f:read("a"); f:close()
print(#d, d:byte(1), d:byte(256), d:byte(-1))
f = io.open(dir .. "/bin.dat", "r+b"); f:seek("set", 10); f:write("XYZ"); f:seek("set", 8)
print(f:read(7):byte(1, -1)); f:close()
print(os.remove(dir .. "/bin.dat"))
local tmp = os.tmpname(); print(type(tmp), os.remove(tmp) or "gone")
print(os.getenv("LUA_TEST_VAR"), os.getenv("NO_SUCH_VARIABLE_X"))
print(type(os.time()), os.time({ year = 2020, month = 2, day = 29, hour = 12 }) - os.time({ year = 2020, month = 2, day = 28, hour = 12 }))
print(os.date("!%Y-%m-%d %H:%M:%S", 86400 * 365), os.date("!*t", 0).year, os.difftime(10, 4))
print(type(os.clock()), os.clock() >= 0)
io.write("written", " by ", "io.write", "\n")
io.stderr:write("")
local h = io.popen and pcall(io.popen, "true")
print("popen called:", h)
