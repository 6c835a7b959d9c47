-- SPDX-License-Identifier: Apache-2.0
-- coroutines.lua: coroutines as generators, pipelines and state machines.
local function gen(n)
  return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end)
end
local acc = {}
for v in gen(5) do acc[#acc + 1] = v end
print(table.concat(acc, " "))
local co = coroutine.create(function(a, b)
  print("start", a, b)
  local c = coroutine.yield(a + b)
  print("got", c)
  local d, e = coroutine.yield(c * 2)
  print("got", d, e)
  return "done", a + b + c + d + e
end)
print(coroutine.resume(co, 1, 2))
print(coroutine.status(co), coroutine.resume(co, 10))
print(coroutine.resume(co, 3, 4))
print(coroutine.status(co), coroutine.resume(co))
local bad = coroutine.create(function() error("inside") end)
local ok, msg = coroutine.resume(bad); print(ok, (msg:gsub("^.-:%d+: ", "")), coroutine.status(bad))
print(coroutine.isyieldable(), select(2, coroutine.running()))
local function producer()
  return coroutine.create(function()
    for _, w in ipairs({ "alpha", "beta", "gamma" }) do coroutine.yield(w) end
  end)
end
local function filter(p)
  return coroutine.create(function()
    while true do
      local _, w = coroutine.resume(p)
      if not w then return end
      coroutine.yield(w:upper())
    end
  end)
end
local f = filter(producer())
while true do
  local _, w = coroutine.resume(f)
  if not w then break end
  io.write(w, " ")
end
print()
-- many coroutines alive at once, resumed round-robin
local cos = {}
for i = 1, 1000 do
  cos[i] = coroutine.create(function() local s = 0; for k = 1, 10 do s = s + k * i; coroutine.yield() end; return s end)
end
local total = 0
for round = 1, 11 do
  for i = 1, #cos do
    local okr, r = coroutine.resume(cos[i])
    if r then total = total + r end
  end
end
print("total", total)
local closeme = coroutine.create(function() local _ <close> = setmetatable({}, { __close = function() print("closed by coroutine.close") end }); coroutine.yield() end)
coroutine.resume(closeme); print(coroutine.close(closeme), coroutine.status(closeme))
