-- SPDX-License-Identifier: Apache-2.0
-- strings.lua: the string library: formatting, patterns, packing, utf8.
print(string.format("%d %5.2f %-6s| %x %q %g %e", 42, math.pi, "ab", 255,
  'say "hi"\n', 1e20, 12345.678))
print(("hello world"):upper(), ("Hello"):lower(), ("abc"):rep(3, "-"))
print(("  trim me  "):match("^%s*(.-)%s*$") .. "|")
for k, v in string.gmatch("a=1, b=22, c=333", "(%w+)=(%w+)") do
  io.write(k, "->", v, " ")
end
print()
print(string.gsub("hello world from lua", "(%w+)", "<%1>"))
print(string.gsub("abc", "%w", { a = "1", b = false }))
print(string.gsub("x = $x, y = $y", "%$(%w+)", function(n) return n:upper() end))
print(string.find("the quick brown fox", "qu(i)ck"), string.find("a.b", ".", 1, true))
print(("%bxy"):len(), string.match("f(a(b)c)d", "%b()"), string.match("THE (quick) fox", "%f[%a]%a+"))
print(string.byte("ABC", 1, -1), string.char(72, 105), ("xyz"):reverse(), #"\0ab")
local packed = string.pack("<i4 d z s1", -7, 2.5, "zero", "len")
print(#packed, string.unpack("<i4 d z s1", packed))
print(utf8.char(72, 228, 8364, 128512), utf8.len("häl€"), utf8.codepoint("€"))
for p, c in utf8.codes("aé€") do io.write(p, ":", c, " ") end
print()
print(tostring(1/0), tostring(-1/0), tostring(0/0) == tostring(0/0), math.maxinteger, math.mininteger)
print(string.format("%.14g", 0.1 + 0.2), 7 // 2, 7 % -3, -7 // 2, 2^10, 10 / 4, 3 | 5, 6 & 3, 1 << 62)
print(tonumber("0x1p4"), tonumber("  12  "), tonumber("z", 36), tonumber("1e2"), tonumber("abc"))
print(math.floor(-3.5), math.ceil(-3.5), math.fmod(7, 3), math.abs(-0.0), math.tointeger(3.0), math.type(1), math.type(1.0))
local t = {}
for i = 1, 2000 do t[#t + 1] = string.format("%04d", i) end
local s = table.concat(t, ",")
print(#s, s:sub(1, 14), s:sub(-9), select("#", s:byte(1, 100)))
print(string.format("%s %s %s", nil, true, 12), ("%d items"):format(3))
