# Writes format-spec-cases.tsv: what Python's format() gives for each value and spec, or !ERROR.
# Run with Python 3.11 or newer: python3 format-spec-cases.py > format-spec-cases.tsv
import json

ints = [0, 5, -5, 42, 255, 1234567, -1234567, 65, 10**20, -(10**20)]
floats = [0.0, -0.0, 3.14159, -2.5, 1234.5678, 0.000012345, 1e16, 1e-5, 2.675, 0.125, 123456789.0, 1.0,
          100.0, 1e22, 0.1, 1/3, 9.9999, 99.5, 0.5, 1.5, 2.5, 1e-7, 123.456e10, float('inf'), float('-inf'), float('nan')]
strings = ["", "abc", "héllo", "日本語", "a b"]
bools = [True, False]
specs = ["", ">5", "<5", "^7", "*^9", "0>6", "x<6", "+", " ", "-", "05", "010", "<05", ",", "_", "010,", "+,", "08,", "09_",
         "b", "#b", "o", "#o", "x", "#x", "X", "#X", "_b", "#_x", "_x", ",x", "c", ">3c", "d", "n", "5d", "+d", ",d", "=+8",
         "e", ".2e", "E", ".0e", "#.0e", "+.3e", "f", ".2f", ".0f", "#.0f", "10.3f", "+.1f", " .1f", ",.2f", "012,.2f",
         "_.1f", "F", ".1F", "g", ".3g", ".1g", ".0g", "G", "#g", "#.3g", ".10g", "%", ".1%", ".0%", ",.1%", ".2", ".3",
         ".10", ".1", "z.1f", "z.0f", "=+10.2f", "^+12,.2f", "s", ".2s", ">10.2s", "^6.1s", "=5", "+s", "#s", ",s",
         ".2d", "zd", "+c", "#c", "_n", "q", "5.", ".2fx", "10,.2e", "#010x", "0=8", "*=+9d", "#.2%", "07.2%", "010.1e"]

def row(kind, value, text):
    for spec in specs:
        try:
            out = format(value, spec)
        except (ValueError, TypeError, OverflowError):
            out = "!ERROR"
        print("\t".join([kind, text, json.dumps(spec), json.dumps(out, ensure_ascii=False)]))

for v in ints:
    row("int", v, str(v))
for v in floats:
    row("float", v, repr(v))
for v in strings:
    row("str", v, json.dumps(v, ensure_ascii=False))
for v in bools:
    row("bool", v, str(v))
