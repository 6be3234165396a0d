# The characters official documents need, for pyftsubset --text-file: GB2312 (its symbols, numerals,
# full-width forms, Greek and Cyrillic rows 0xA1-0xA9 and its 6,763 hanzi rows 0xB0-0xF7), ASCII,
# Latin-1 (µ, ±, °, ×...), superscripts for units (mm², m³), CJK punctuation, full-width forms and
# the symbols of official documents and test reports.
chars = set()
for hi in list(range(0xA1, 0xAA)) + list(range(0xB0, 0xF8)):
    for lo in range(0xA1, 0xFF):
        try:
            chars.add(bytes([hi, lo]).decode('gb2312'))
        except UnicodeDecodeError:
            pass
chars.update(chr(c) for c in range(0x20, 0x7F))
chars.update(chr(c) for c in range(0xA0, 0x100))
chars.update(chr(c) for c in range(0x3000, 0x3040))
chars.update(chr(c) for c in range(0xFF01, 0xFF5F))
chars.update('〔〕℃℉Ω㎡㎜㎝㎞㏄㎎㎏µμ⁰¹²³⁴⁵⁶⁷⁸⁹⁻×÷≤≥≈≠±№·—–“”‘’…※■□▲△○●◎§°′″‰％￥、。・')
open('chars.txt', 'w', encoding='utf-8').write(''.join(sorted(chars)))
print(len(chars))
