-- SPDX-License-Identifier: Apache-2.0
-- errors.lua: errors, pcall/xpcall, error objects, tracebacks; ends with
-- an uncaught error (exit status 1, message on stderr).
print(pcall(error, "plain message"))
print(pcall(error, "no position", 0))
local okt, et = pcall(error, { code = 7 }); print(okt, type(et), et.code)
print(select(2, pcall(error, setmetatable({}, { __tostring = function() return "custom" end }))))
local function lvl2() error("deep", 2) end
local function lvl1() lvl2() end
print(pcall(lvl1))
print(pcall(function() local x = nil; return x.field end))
print(pcall(function() return 1 + {} end))
print(pcall(function() return #5 end))
print(pcall(function() return ("x"):bad() end))
print(pcall(string.rep))
print(pcall(string.format, "%d", "x"))
print(pcall(setmetatable, 1, {}))
print(xpcall(function() error("handled") end, function(m) return "handler: " .. m end))
print(xpcall(function(a, b) return a + b end, print, 2, 3))
local tb = select(2, xpcall(function() error("tb") end, debug.traceback))
print((tb:match("^[^\n]*")), tb:find("stack traceback:", 1, true) ~= nil)
print(pcall(pcall))
print(select("#", pcall(function() return 1, 2, 3 end)))
local ok, e = pcall(function() local t <close> = setmetatable({}, { __close = function(_, err) print("closing with", err) end }); error("in scope") end)
print(ok, e)
print(pcall(load, "return +"))
print(load("syntax error here"))
print(load("return ...", "chunk", "t", {})(4, 5))
local env = { print = print }
print(pcall(load("x = 1; return y", "sandbox", "t", env)), env.x)
print(string.format("%q", 1/3), math.ult(1, -1))
-- Lua calls nest in the heap; C calls (here string.gsub calling back into
-- Lua) on the C stack, which Lua bounds at 200 levels (LUAI_MAXCCALLS):
-- the main stack must be as deep as Lua expects of Linux.
local depth = 0
local function cso() depth = depth + 1; return (string.gsub("x", "x", cso)) end
local okso, so = pcall(cso)
print(okso, (so:gsub("^.-:%d+: ", "")), depth)
print(pcall(assert, false, "assertion text"), pcall(assert, nil))
print(assert(1, "unused"), tostring(nil), rawequal("a", "a"))
error("uncaught at the end")
