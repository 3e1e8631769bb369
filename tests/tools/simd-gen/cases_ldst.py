CASES = []
def a(s): CASES.append((s, 'm'))
for t in ['16b', '8b', '8h', '4s', '2d', '1d', '2s']:
    a(f'ld1 {{v2.{t}}}, [x0]'); a(f'st1 {{v2.{t}}}, [x0]')
a('ld1 {v2.16b, v3.16b}, [x0]'); a('ld1 {v2.16b, v3.16b, v4.16b}, [x0]'); a('ld1 {v2.4s, v3.4s, v4.4s, v5.4s}, [x0]')
a('ld1 {v2.8b, v3.8b}, [x0]'); a('ld1 {v2.8b, v3.8b, v4.8b, v5.8b}, [x0]')
a('st1 {v2.16b, v3.16b}, [x0]'); a('st1 {v2.16b, v3.16b, v4.16b}, [x0]'); a('st1 {v2.4s, v3.4s, v4.4s, v5.4s}, [x0]')
a('st1 {v2.8b, v3.8b}, [x0]'); a('st1 {v2.8b, v3.8b, v4.8b}, [x0]')
a('ld1 {v2.16b}, [x0], #16'); a('ld1 {v2.8b}, [x0], #8'); a('ld1 {v2.16b, v3.16b}, [x0], #32'); a('ld1 {v2.16b}, [x0], x1')
a('st1 {v2.16b}, [x0], #16'); a('st1 {v2.16b, v3.16b, v4.16b, v5.16b}, [x0], #64'); a('st1 {v2.2d}, [x0], x1')
for op in ['ld2', 'st2']:
    for t in ['16b', '8b', '8h', '4h', '4s', '2s', '2d']:
        a(f'{op} {{v2.{t}, v3.{t}}}, [x0]')
for op in ['ld3', 'st3']:
    for t in ['16b', '8b', '8h', '4s', '2d']:
        a(f'{op} {{v2.{t}, v3.{t}, v4.{t}}}, [x0]')
for op in ['ld4', 'st4']:
    for t in ['16b', '8b', '4h', '4s', '2d']:
        a(f'{op} {{v2.{t}, v3.{t}, v4.{t}, v5.{t}}}, [x0]')
a('ld2 {v2.16b, v3.16b}, [x0], #32'); a('ld3 {v2.8b, v3.8b, v4.8b}, [x0], x1'); a('st4 {v2.4s, v3.4s, v4.4s, v5.4s}, [x0], #64')
a('ld4 {v6.16b, v7.16b, v8.16b, v9.16b}, [x0]')
# single structure
for op in ['ld1', 'st1']:
    a(f'{op} {{v2.b}}[13], [x0]'); a(f'{op} {{v2.h}}[5], [x0]'); a(f'{op} {{v2.s}}[3], [x0]'); a(f'{op} {{v2.d}}[1], [x0]')
    a(f'{op} {{v2.b}}[0], [x0], #1'); a(f'{op} {{v2.s}}[1], [x0], x1'); a(f'{op} {{v2.d}}[0], [x0], #8')
for op in ['ld2', 'st2']:
    a(f'{op} {{v2.b, v3.b}}[9], [x0]'); a(f'{op} {{v2.h, v3.h}}[2], [x0], #4'); a(f'{op} {{v2.s, v3.s}}[2], [x0]'); a(f'{op} {{v2.d, v3.d}}[1], [x0], x1')
for op in ['ld3', 'st3']:
    a(f'{op} {{v2.b, v3.b, v4.b}}[15], [x0]'); a(f'{op} {{v2.h, v3.h, v4.h}}[7], [x0], #6'); a(f'{op} {{v2.s, v3.s, v4.s}}[0], [x0]'); a(f'{op} {{v2.d, v3.d, v4.d}}[0], [x0], #24')
for op in ['ld4', 'st4']:
    a(f'{op} {{v2.b, v3.b, v4.b, v5.b}}[4], [x0]'); a(f'{op} {{v2.h, v3.h, v4.h, v5.h}}[1], [x0]'); a(f'{op} {{v2.s, v3.s, v4.s, v5.s}}[3], [x0], #16'); a(f'{op} {{v2.d, v3.d, v4.d, v5.d}}[1], [x0], x1')
for t in ['16b', '8b', '8h', '4h', '4s', '2s', '2d', '1d']:
    a(f'ld1r {{v2.{t}}}, [x0]')
a('ld1r {v2.4s}, [x0], #4'); a('ld1r {v2.16b}, [x0], x1')
a('ld2r {v2.8h, v3.8h}, [x0]'); a('ld2r {v2.2s, v3.2s}, [x0], #8'); a('ld3r {v2.16b, v3.16b, v4.16b}, [x0]'); a('ld3r {v2.2d, v3.2d, v4.2d}, [x0], #24')
a('ld4r {v2.4s, v3.4s, v4.4s, v5.4s}, [x0]'); a('ld4r {v2.8b, v3.8b, v4.8b, v5.8b}, [x0], x1')
a('st2 {v6.4s, v7.4s}, [x0]'); a('ld2 {v6.8h, v7.8h}, [x0], #32')
