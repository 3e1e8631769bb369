ARCH = 'armv8.2-a+sha3'
CASES = []
def a(s): CASES.append((s, 'r'))
# SHA512 (FEAT_SHA512)
a('sha512h q0, q1, v2.2d'); a('sha512h q1, q1, v2.2d'); a('sha512h q2, q1, v2.2d'); a('sha512h q3, q3, v3.2d')
a('sha512h2 q0, q1, v2.2d'); a('sha512h2 q1, q1, v2.2d'); a('sha512h2 q2, q1, v2.2d'); a('sha512h2 q4, q5, v6.2d')
a('sha512su0 v0.2d, v1.2d'); a('sha512su0 v1.2d, v1.2d'); a('sha512su0 v5.2d, v7.2d')
a('sha512su1 v0.2d, v1.2d, v2.2d'); a('sha512su1 v1.2d, v1.2d, v2.2d'); a('sha512su1 v2.2d, v1.2d, v2.2d'); a('sha512su1 v6.2d, v6.2d, v6.2d')
# SHA3 (FEAT_SHA3)
a('eor3 v0.16b, v1.16b, v2.16b, v3.16b'); a('eor3 v3.16b, v1.16b, v2.16b, v3.16b'); a('eor3 v1.16b, v1.16b, v1.16b, v7.16b')
a('bcax v0.16b, v1.16b, v2.16b, v3.16b'); a('bcax v2.16b, v1.16b, v2.16b, v3.16b'); a('bcax v3.16b, v4.16b, v5.16b, v3.16b')
a('rax1 v0.2d, v1.2d, v2.2d'); a('rax1 v2.2d, v1.2d, v2.2d'); a('rax1 v1.2d, v1.2d, v1.2d')
for imm in [0, 1, 5, 31, 32, 33, 63]: a(f'xar v0.2d, v1.2d, v2.2d, #{imm}')
a('xar v1.2d, v1.2d, v3.2d, #17'); a('xar v4.2d, v4.2d, v4.2d, #40')
