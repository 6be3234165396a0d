# GB2312 hanzi (rows 0xB0-0xF7), ASCII, CJK punctuation, full-width forms and symbols used in official documents
chars = set()
for hi in range(0xB0, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            chars.add(bytes([hi, lo]).decode('gb2312'))
        except UnicodeDecodeError:
            pass
chars.update(chr(c) for c in range(0x20, 0x7F))
chars.update(chr(c) for c in range(0x3000, 0x3040))
chars.update(chr(c) for c in range(0xFF01, 0xFF5F))
chars.update('〔〕℃×÷≤≥±№·—–“”‘’…※■□▲△○●◎§°′″‰％￥、。・')
open('chars.txt', 'w', encoding='utf-8').write(''.join(sorted(chars)))
print(len(chars))
