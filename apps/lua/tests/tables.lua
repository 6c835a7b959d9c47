-- SPDX-License-Identifier: Apache-2.0
-- tables.lua: tables, metatables, sorting, the table library, GC.
local t = { 5, 3, 8, 1, 9, 2, x = "ex", [10] = "ten" }
print(#t, t.x, t[10], rawlen(t), next({}))
table.sort(t)
print(table.concat(t, " "))
table.sort(t, function(a, b) return a > b end)
print(table.concat(t, " "))
table.insert(t, 1, 100); table.insert(t, 0); print(table.remove(t), table.remove(t, 1), #t)
print(table.unpack(table.move({ 1, 2, 3, 4, 5 }, 2, 4, 1)))
print(select("#", table.unpack({ 1, nil, 3 }, 1, 3)), table.pack(1, nil, 3).n)
local keys = {}
for k in pairs({ a = 1, b = 2, c = 3, d = 4 }) do keys[#keys + 1] = k end
table.sort(keys); print(table.concat(keys, ","))
local Vec = {}
Vec.__index = Vec
Vec.__add = function(a, b) return setmetatable({ x = a.x + b.x, y = a.y + b.y }, Vec) end
Vec.__eq = function(a, b) return a.x == b.x and a.y == b.y end
Vec.__tostring = function(v) return "(" .. v.x .. "," .. v.y .. ")" end
Vec.__len = function() return 2 end
Vec.__call = function(v, k) return v.x * k end
Vec.__lt = function(a, b) return a.x < b.x end
Vec.__concat = function(a, b) return tostring(a) .. tostring(b) end
function Vec.new(x, y) return setmetatable({ x = x, y = y }, Vec) end
function Vec:norm1() return math.abs(self.x) + math.abs(self.y) end
local a, b = Vec.new(1, 2), Vec.new(3, -4)
print(tostring(a + b), a == Vec.new(1, 2), #a, a(10), a < b, a .. b, b:norm1())
local log = {}
local proxy = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = "get " .. k; return k .. "!" end,
  __newindex = function(t, k, v) log[#log + 1] = "set " .. k; rawset(t, k, v * 2) end,
})
proxy.a = 21; print(proxy.a, proxy.zz, table.concat(log, ";"))
local weak = setmetatable({}, { __mode = "k" })
do weak[{}] = 1; weak[{}] = 2 end
collectgarbage(); collectgarbage()
local n = 0; for _ in pairs(weak) do n = n + 1 end
print("weak entries after GC", n)
local closed = {}
do
  local _ <close> = setmetatable({}, { __close = function() closed[1] = "closed" end })
end
print(closed[1])
local big = {}
for i = 1, 200000 do big[i] = i * i end
local sum = 0
for i = 1, #big, 1000 do sum = sum + big[i] end
print(#big, sum)
local m = {}
for i = 1, 50000 do m["k" .. i] = i end
local cnt = 0; for _, v in pairs(m) do cnt = cnt + v end
print(cnt, collectgarbage("count") > 0)
local fib = setmetatable({ [0] = 0, 1 }, { __index = function(t, k) local v = t[k - 1] + t[k - 2]; t[k] = v; return v end })
print(fib[80])
