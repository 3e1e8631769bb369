# Generates src/core/cpu/decode/table-simd.ts (explicit one-line-per-encoding table).
out = []
def sec(t): out.append(f"\n  // ---- {t}")
def L(name, mn, pat, opt=None):
    # sanity: 32 bits
    bits = 0
    for tok in pat.split():
        if all(ch in '01-' for ch in tok): bits += len(tok)
        elif ':' in tok: bits += int(tok.split(':')[1])
        else: bits += 1
    assert bits == 32, (name, pat, bits)
    o = f", '{opt}'" if opt else ''
    out.append(f"  ['{name}', '{mn}', '{pat}'{o}],")

R5='Rn:5 Rd:5'
sec('Advanced SIMD three same (C4.1.95): 0 Q U 01110 size 1 Rm opcode 1 Rn Rd')
same = [  # (opcode, U=0 name, U=1 name)
 ('00000','SHADD','UHADD'),('00001','SQADD','UQADD'),('00010','SRHADD','URHADD'),('00100','SHSUB','UHSUB'),
 ('00101','SQSUB','UQSUB'),('00110','CMGT','CMHI'),('00111','CMGE','CMHS'),('01000','SSHL','USHL'),
 ('01001','SQSHL','UQSHL'),('01010','SRSHL','URSHL'),('01011','SQRSHL','UQRSHL'),('01100','SMAX','UMAX'),
 ('01101','SMIN','UMIN'),('01110','SABD','UABD'),('01111','SABA','UABA'),('10000','ADD','SUB'),
 ('10001','CMTST','CMEQ'),('10010','MLA','MLS'),('10011','MUL','PMUL'),('10100','SMAXP','UMAXP'),
 ('10101','SMINP','UMINP'),('10110','SQDMULH','SQRDMULH'),('10111','ADDP',None)]
for opc,a,b in same:
    for U,n in (('0',a),('1',b)):
        if n: L(f'{n}_v', n.lower(), f'0 Q {U} 01110 size:2 1 Rm:5 {opc} 1 {R5}')
for U,sz,n in (('0','00','AND'),('0','01','BIC'),('0','10','ORR'),('0','11','ORN'),('1','00','EOR'),('1','01','BSL'),('1','10','BIT'),('1','11','BIF')):
    L(f'{n}_v', n.lower(), f'0 Q {U} 01110 {sz} 1 Rm:5 00011 1 {R5}')

sec('Advanced SIMD scalar three same (C4.1.94): 01 U 11110 size 1 Rm opcode 1 Rn Rd')
ssame = [('00001','SQADD','UQADD'),('00101','SQSUB','UQSUB'),('00110','CMGT','CMHI'),('00111','CMGE','CMHS'),
 ('01000','SSHL','USHL'),('01001','SQSHL','UQSHL'),('01010','SRSHL','URSHL'),('01011','SQRSHL','UQRSHL'),
 ('10000','ADD','SUB'),('10001','CMTST','CMEQ'),('10110','SQDMULH','SQRDMULH')]
for opc,a,b in ssame:
    for U,n in (('0',a),('1',b)):
        L(f'{n}_sd', n.lower(), f'01 {U} 11110 size:2 1 Rm:5 {opc} 1 {R5}')

sec('Advanced SIMD scalar pairwise (C4.1.93): 01 U 11110 size 11000 opcode 10 Rn Rd')
L('ADDP_sd', 'addp', f'01 0 11110 size:2 11000 11011 10 {R5}')

sec('Advanced SIMD two-register miscellaneous (C4.1.96): 0 Q U 01110 size 10000 opcode 10 Rn Rd')
misc = [('00000','REV64','REV32'),('00001','REV16',None),('00010','SADDLP','UADDLP'),('00011','SUQADD','USQADD'),
 ('00100','CLS','CLZ'),('00101','CNT',None),('00110','SADALP','UADALP'),('00111','SQABS','SQNEG'),
 ('01000','CMGT_zero','CMGE_zero'),('01001','CMEQ_zero','CMLE_zero'),('01010','CMLT_zero',None),('01011','ABS','NEG'),
 ('10010','XTN','SQXTUN'),('10011',None,'SHLL'),('10100','SQXTN','UQXTN')]
for opc,a,b in misc:
    for U,n in (('0',a),('1',b)):
        if n: L(f'{n}_v', n.split('_')[0].lower(), f'0 Q {U} 01110 size:2 10000 {opc} 10 {R5}')
L('NOT_v','not',f'0 Q 1 01110 00 10000 00101 10 {R5}')
L('RBIT_v','rbit',f'0 Q 1 01110 01 10000 00101 10 {R5}')

sec('Advanced SIMD scalar two-register miscellaneous (C4.1.92): 01 U 11110 size 10000 opcode 10 Rn Rd')
smisc = [('00011','SUQADD','USQADD'),('00111','SQABS','SQNEG'),('01000','CMGT_zero','CMGE_zero'),('01001','CMEQ_zero','CMLE_zero'),
 ('01010','CMLT_zero',None),('01011','ABS','NEG'),('10010',None,'SQXTUN'),('10100','SQXTN','UQXTN')]
for opc,a,b in smisc:
    for U,n in (('0',a),('1',b)):
        if n: L(f'{n}_sd', n.split('_')[0].lower(), f'01 {U} 11110 size:2 10000 {opc} 10 {R5}')

sec('Advanced SIMD across lanes (C4.1.97): 0 Q U 01110 size 11000 opcode 10 Rn Rd')
for U,opc,n in (('0','00011','SADDLV'),('1','00011','UADDLV'),('0','01010','SMAXV'),('1','01010','UMAXV'),('0','11010','SMINV'),('1','11010','UMINV'),('0','11011','ADDV')):
    L(n, n.lower(), f'0 Q {U} 01110 size:2 11000 {opc} 10 {R5}')

sec('Advanced SIMD three different (C4.1.98): 0 Q U 01110 size 1 Rm opcode 00 Rn Rd')
diff = [('0000','SADDL','UADDL'),('0001','SADDW','UADDW'),('0010','SSUBL','USUBL'),('0011','SSUBW','USUBW'),
 ('0100','ADDHN','RADDHN'),('0101','SABAL','UABAL'),('0110','SUBHN','RSUBHN'),('0111','SABDL','UABDL'),
 ('1000','SMLAL','UMLAL'),('1001','SQDMLAL',None),('1010','SMLSL','UMLSL'),('1011','SQDMLSL',None),
 ('1100','SMULL','UMULL'),('1101','SQDMULL',None),('1110','PMULL',None)]
for opc,a,b in diff:
    for U,n in (('0',a),('1',b)):
        if n: L(n, n.lower(), f'0 Q {U} 01110 size:2 1 Rm:5 {opc} 00 {R5}')

sec('Advanced SIMD scalar three different (C4.1.94)')
for opc,n in (('1001','SQDMLAL'),('1011','SQDMLSL'),('1101','SQDMULL')):
    L(f'{n}_sd', n.lower(), f'01 0 11110 size:2 1 Rm:5 {opc} 00 {R5}')

sec('Advanced SIMD copy (C4.1.90): 0 Q op 01110000 imm5 0 imm4 1 Rn Rd')
L('DUP_elem_v','dup',f'0 Q 0 01110000 imm5:5 0 0000 1 {R5}')
L('DUP_gen_v','dup',f'0 Q 0 01110000 imm5:5 0 0001 1 {R5}')
L('SMOV','smov',f'0 Q 0 01110000 imm5:5 0 0101 1 {R5}')
L('UMOV','umov',f'0 Q 0 01110000 imm5:5 0 0111 1 {R5}')
L('INS_gen','ins',f'0 1 0 01110000 imm5:5 0 0011 1 {R5}')
L('INS_elem','ins',f'0 1 1 01110000 imm5:5 0 imm4:4 1 {R5}')
sec('Advanced SIMD scalar copy (C4.1.91)')
L('DUP_elem_sd','dup',f'01 0 11110000 imm5:5 0 0000 1 {R5}')

sec('Advanced SIMD modified immediate (C4.1.99): 0 Q op 0111100000 a b c cmode o2 1 d e f g h Rd')
MI = 'MODIMM'
L('MOVI_32','movi','0 Q 0 0111100000 abc:3 0 amt:2 0 0 1 defgh:5 Rd:5',MI)
L('ORR_vi32','orr','0 Q 0 0111100000 abc:3 0 amt:2 1 0 1 defgh:5 Rd:5',MI)
L('MOVI_16','movi','0 Q 0 0111100000 abc:3 10 amt 0 0 1 defgh:5 Rd:5',MI)
L('ORR_vi16','orr','0 Q 0 0111100000 abc:3 10 amt 1 0 1 defgh:5 Rd:5',MI)
L('MOVI_msl','movi','0 Q 0 0111100000 abc:3 110 s 0 1 defgh:5 Rd:5',MI)
L('MOVI_8','movi','0 Q 0 0111100000 abc:3 1110 0 1 defgh:5 Rd:5',MI)
L('FMOV_vi_s','fmov','0 Q 0 0111100000 abc:3 1111 0 1 defgh:5 Rd:5',MI)
L('MVNI_32','mvni','0 Q 1 0111100000 abc:3 0 amt:2 0 0 1 defgh:5 Rd:5',MI)
L('BIC_vi32','bic','0 Q 1 0111100000 abc:3 0 amt:2 1 0 1 defgh:5 Rd:5',MI)
L('MVNI_16','mvni','0 Q 1 0111100000 abc:3 10 amt 0 0 1 defgh:5 Rd:5',MI)
L('BIC_vi16','bic','0 Q 1 0111100000 abc:3 10 amt 1 0 1 defgh:5 Rd:5',MI)
L('MVNI_msl','mvni','0 Q 1 0111100000 abc:3 110 s 0 1 defgh:5 Rd:5',MI)
L('MOVI_64','movi','0 Q 1 0111100000 abc:3 1110 0 1 defgh:5 Rd:5',MI)
L('FMOV_vi_d','fmov','0 Q 1 0111100000 abc:3 1111 0 1 defgh:5 Rd:5',MI)

sec('Advanced SIMD shift by immediate (C4.1.100): 0 Q U 011110 immh!=0 immb opcode 1 Rn Rd')
shifts = [('00000','SSHR','USHR'),('00010','SSRA','USRA'),('00100','SRSHR','URSHR'),('00110','SRSRA','URSRA'),
 ('01000',None,'SRI'),('01010','SHL','SLI'),('01100',None,'SQSHLU'),('01110','SQSHL_imm','UQSHL_imm'),
 ('10000','SHRN','SQSHRUN'),('10001','RSHRN','SQRSHRUN'),('10010','SQSHRN','UQSHRN'),('10011','SQRSHRN','UQRSHRN'),
 ('10100','SSHLL','USHLL')]
shift_names=[]
for opc,a,b in shifts:
    for U,n in (('0',a),('1',b)):
        if n:
            L(f'{n}_v', n.split('_')[0].lower(), f'0 Q {U} 011110 immh:4 immb:3 {opc} 1 {R5}'); shift_names.append((f'{n}_v',opc,U))
sec('Advanced SIMD scalar shift by immediate (C4.1.101): 01 U 111110 immh immb opcode 1 Rn Rd')
sshifts = [('00000','SSHR','USHR'),('00010','SSRA','USRA'),('00100','SRSHR','URSHR'),('00110','SRSRA','URSRA'),
 ('01000',None,'SRI'),('01010','SHL','SLI'),('01100',None,'SQSHLU'),('01110','SQSHL_imm','UQSHL_imm'),
 ('10000',None,'SQSHRUN'),('10001',None,'SQRSHRUN'),('10010','SQSHRN','UQSHRN'),('10011','SQRSHRN','UQRSHRN')]
for opc,a,b in sshifts:
    for U,n in (('0',a),('1',b)):
        if n: L(f'{n}_sd', n.split('_')[0].lower(), f'01 {U} 111110 immh:4 immb:3 {opc} 1 {R5}')

sec('Advanced SIMD vector x indexed element (C4.1.102): 0 Q U 01111 size L M Rm opcode H 0 Rn Rd')
elem = [('0', '1000','MUL_elem'),('1','0000','MLA_elem'),('1','0100','MLS_elem'),('0','1100','SQDMULH_elem'),('0','1101','SQRDMULH_elem'),
 ('0','0010','SMLAL_elem'),('1','0010','UMLAL_elem'),('0','0110','SMLSL_elem'),('1','0110','UMLSL_elem'),('0','1010','SMULL_elem'),('1','1010','UMULL_elem'),
 ('0','0011','SQDMLAL_elem'),('0','0111','SQDMLSL_elem'),('0','1011','SQDMULL_elem')]
for U,opc,n in elem:
    L(n, n.split('_')[0].lower(), f'0 Q {U} 01111 size:2 L M Rm:4 {opc} H 0 {R5}')
sec('Advanced SIMD scalar x indexed element (C4.1.103): 01 U 11111 size L M Rm opcode H 0 Rn Rd')
L('SQDMULH_elem_sd','sqdmulh',f'01 0 11111 size:2 L M Rm:4 1100 H 0 {R5}')
L('SQRDMULH_elem_sd','sqrdmulh',f'01 0 11111 size:2 L M Rm:4 1101 H 0 {R5}')
L('SQDMLAL_elem_sd','sqdmlal',f'01 0 11111 size:2 L M Rm:4 0011 H 0 {R5}')
L('SQDMLSL_elem_sd','sqdmlsl',f'01 0 11111 size:2 L M Rm:4 0111 H 0 {R5}')
L('SQDMULL_elem_sd','sqdmull',f'01 0 11111 size:2 L M Rm:4 1011 H 0 {R5}')

sec('Advanced SIMD permute (C4.1.89), extract (C4.1.88), table lookup (C4.1.87)')
for opc,n in (('001','UZP1'),('010','TRN1'),('011','ZIP1'),('101','UZP2'),('110','TRN2'),('111','ZIP2')):
    L(n, n.lower(), f'0 Q 001110 size:2 0 Rm:5 0 {opc} 10 {R5}')
L('EXT','ext',f'0 Q 101110 00 0 Rm:5 0 imm4:4 0 {R5}')
L('TBL','tbl',f'0 Q 001110 00 0 Rm:5 0 len:2 0 00 {R5}')
L('TBX','tbx',f'0 Q 001110 00 0 Rm:5 0 len:2 1 00 {R5}')

sec('Advanced SIMD load/store multiple structures (C4.1.26/27), post-index: Rm = 31 is the immediate form')
mult = [('0111','1','1'),('1010','1','2'),('0110','1','3'),('0010','1','4'),('1000','2','m'),('0100','3','m'),('0000','4','m')]
for Lb,ld in (('0','ST'),('1','LD')):
    for opc,sel,r in mult:
        n = f'{ld}{sel}_{r}'
        L(n, f'{ld.lower()}{sel}', f'0 Q 0011000 {Lb} 000000 {opc} size:2 Rn:5 Rt:5')
for Lb,ld in (('0','ST'),('1','LD')):
    for opc,sel,r in mult:
        n = f'{ld}{sel}_{r}_post'
        L(n, f'{ld.lower()}{sel}', f'0 Q 0011001 {Lb} 0 Rm:5 {opc} size:2 Rn:5 Rt:5')
sec('Advanced SIMD load/store single structure (C4.1.28/29); scale = 11 is the replicate form (loads)')
for Lb,ld in (('0','ST'),('1','LD')):
    for o0,R,sel in (('0','0','1'),('0','1','2'),('1','0','3'),('1','1','4')):
        L(f'{ld}{sel}_s', f'{ld.lower()}{sel}', f'0 Q 0011010 {Lb} {R} 00000 scale:2 {o0} S size:2 Rn:5 Rt:5')
for Lb,ld in (('0','ST'),('1','LD')):
    for o0,R,sel in (('0','0','1'),('0','1','2'),('1','0','3'),('1','1','4')):
        L(f'{ld}{sel}_s_post', f'{ld.lower()}{sel}', f'0 Q 0011011 {Lb} {R} Rm:5 scale:2 {o0} S size:2 Rn:5 Rt:5')
for o0,R,sel in (('0','0','1'),('0','1','2'),('1','0','3'),('1','1','4')):
    L(f'LD{sel}R', f'ld{sel}r', f'0 Q 0011010 1 {R} 00000 11 {o0} 0 size:2 Rn:5 Rt:5', f'over:LD{sel}_s')
for o0,R,sel in (('0','0','1'),('0','1','2'),('1','0','3'),('1','1','4')):
    L(f'LD{sel}R_post', f'ld{sel}r', f'0 Q 0011011 1 {R} Rm:5 11 {o0} 0 size:2 Rn:5 Rt:5', f'over:LD{sel}_s_post')


sec('Advanced SIMD three same, floating point (C4.1.95): 0 Q U 01110 a sz 1 Rm 11xxx 1 Rn Rd')
for U,a_,opc,n in [('0','0','11000','FMAXNM'),('0','0','11001','FMLA'),('0','0','11010','FADD'),('0','0','11011','FMULX'),('0','0','11100','FCMEQ'),
  ('0','0','11110','FMAX'),('0','0','11111','FRECPS'),('0','1','11000','FMINNM'),('0','1','11001','FMLS'),('0','1','11010','FSUB'),('0','1','11110','FMIN'),
  ('0','1','11111','FRSQRTS'),('1','0','11000','FMAXNMP'),('1','0','11010','FADDP'),('1','0','11011','FMUL'),('1','0','11100','FCMGE'),('1','0','11101','FACGE'),
  ('1','0','11110','FMAXP'),('1','0','11111','FDIV'),('1','1','11000','FMINNMP'),('1','1','11010','FABD'),('1','1','11100','FCMGT'),('1','1','11101','FACGT'),('1','1','11110','FMINP')]:
    L(f'{n}_v', n.lower(), f'0 Q {U} 01110 {a_} sz 1 Rm:5 {opc} 1 {R5}')
sec('Advanced SIMD scalar three same, floating point (C4.1.94)')
for U,a_,opc,n in [('0','0','11011','FMULX'),('0','0','11100','FCMEQ'),('0','0','11111','FRECPS'),('0','1','11111','FRSQRTS'),('1','0','11100','FCMGE'),
  ('1','0','11101','FACGE'),('1','1','11010','FABD'),('1','1','11100','FCMGT'),('1','1','11101','FACGT')]:
    L(f'{n}_sd', n.lower(), f'01 {U} 11110 {a_} sz 1 Rm:5 {opc} 1 {R5}')
sec('Advanced SIMD scalar pairwise, floating point (C4.1.93)')
for a_,opc,n in [('0','01100','FMAXNMP'),('0','01101','FADDP'),('0','01111','FMAXP'),('1','01100','FMINNMP'),('1','01111','FMINP')]:
    L(f'{n}_sd', n.lower(), f'01 1 11110 {a_} sz 11000 {opc} 10 {R5}')
sec('Advanced SIMD across lanes, floating point (C4.1.97)')
for a_,opc,n in [('0','01100','FMAXNMV'),('0','01111','FMAXV'),('1','01100','FMINNMV'),('1','01111','FMINV')]:
    L(n, n.lower(), f'0 Q 1 01110 {a_} sz 11000 {opc} 10 {R5}')
sec('Advanced SIMD two-register miscellaneous, floating point (C4.1.96): 0 Q U 01110 a sz 10000 opcode 10 Rn Rd')
for U,a_,opc,n in [('0','0','10110','FCVTN'),('0','0','10111','FCVTL'),('0','0','11000','FRINTN'),('0','0','11001','FRINTM'),('0','0','11010','FCVTNS'),
  ('0','0','11011','FCVTMS'),('0','0','11100','FCVTAS'),('0','0','11101','SCVTF'),('0','1','01100','FCMGT_zero'),('0','1','01101','FCMEQ_zero'),
  ('0','1','01110','FCMLT_zero'),('0','1','01111','FABS'),('0','1','11000','FRINTP'),('0','1','11001','FRINTZ'),('0','1','11010','FCVTPS'),('0','1','11011','FCVTZS'),
  ('0','1','11100','URECPE'),('0','1','11101','FRECPE'),('1','0','10110','FCVTXN'),('1','0','11000','FRINTA'),('1','0','11001','FRINTX'),('1','0','11010','FCVTNU'),
  ('1','0','11011','FCVTMU'),('1','0','11100','FCVTAU'),('1','0','11101','UCVTF'),('1','1','01100','FCMGE_zero'),('1','1','01101','FCMLE_zero'),('1','1','01111','FNEG'),
  ('1','1','11001','FRINTI'),('1','1','11010','FCVTPU'),('1','1','11011','FCVTZU'),('1','1','11100','URSQRTE'),('1','1','11101','FRSQRTE'),('1','1','11111','FSQRT')]:
    L(f'{n}_v', n.split('_')[0].lower(), f'0 Q {U} 01110 {a_} sz 10000 {opc} 10 {R5}')
sec('Advanced SIMD scalar two-register miscellaneous, floating point (C4.1.92)')
for U,a_,opc,n in [('0','0','11010','FCVTNS'),('0','0','11011','FCVTMS'),('0','0','11100','FCVTAS'),('0','0','11101','SCVTF'),('0','1','01100','FCMGT_zero'),
  ('0','1','01101','FCMEQ_zero'),('0','1','01110','FCMLT_zero'),('0','1','11010','FCVTPS'),('0','1','11011','FCVTZS'),('0','1','11101','FRECPE'),('0','1','11111','FRECPX'),
  ('1','0','10110','FCVTXN'),('1','0','11010','FCVTNU'),('1','0','11011','FCVTMU'),('1','0','11100','FCVTAU'),('1','0','11101','UCVTF'),('1','1','01100','FCMGE_zero'),
  ('1','1','01101','FCMLE_zero'),('1','1','11010','FCVTPU'),('1','1','11011','FCVTZU'),('1','1','11101','FRSQRTE')]:
    L(f'{n}_sd', n.split('_')[0].lower(), f'01 {U} 11110 {a_} sz 10000 {opc} 10 {R5}')
sec('Advanced SIMD (scalar) x indexed element, floating point (C4.1.102/103)')
for U,opc,n in [('0','0001','FMLA'),('0','0101','FMLS'),('0','1001','FMUL'),('1','1001','FMULX')]:
    L(f'{n}_elem', n.lower(), f'0 Q {U} 01111 1 sz L M Rm:4 {opc} H 0 {R5}')
for U,opc,n in [('0','0001','FMLA'),('0','0101','FMLS'),('0','1001','FMUL'),('1','1001','FMULX')]:
    L(f'{n}_elem_sd', n.lower(), f'01 {U} 11111 1 sz L M Rm:4 {opc} H 0 {R5}')
sec('Advanced SIMD (scalar) shift by immediate: fixed-point conversions')
for U,opc,n in [('0','11100','SCVTF'),('1','11100','UCVTF'),('0','11111','FCVTZS'),('1','11111','FCVTZU')]:
    L(f'{n}_fix_v', n.lower(), f'0 Q {U} 011110 immh:4 immb:3 {opc} 1 {R5}')
for U,opc,n in [('0','11100','SCVTF'),('1','11100','UCVTF'),('0','11111','FCVTZS'),('1','11111','FCVTZU')]:
    L(f'{n}_fix_sd', n.lower(), f'01 {U} 111110 immh:4 immb:3 {opc} 1 {R5}')

sec('Advanced SIMD three same (FP16) (C4.1.95): 0 Q U 01110 a 10 Rm 00 opcode 1 Rn Rd')
for U,a_,opc,n in [('0','0','000','FMAXNM'),('0','0','001','FMLA'),('0','0','010','FADD'),('0','0','011','FMULX'),('0','0','100','FCMEQ'),('0','0','110','FMAX'),
  ('0','0','111','FRECPS'),('0','1','000','FMINNM'),('0','1','001','FMLS'),('0','1','010','FSUB'),('0','1','110','FMIN'),('0','1','111','FRSQRTS'),
  ('1','0','000','FMAXNMP'),('1','0','010','FADDP'),('1','0','011','FMUL'),('1','0','100','FCMGE'),('1','0','101','FACGE'),('1','0','110','FMAXP'),('1','0','111','FDIV'),
  ('1','1','000','FMINNMP'),('1','1','010','FABD'),('1','1','100','FCMGT'),('1','1','101','FACGT'),('1','1','110','FMINP')]:
    L(f'{n}_h', n.lower(), f'0 Q {U} 01110 {a_} 10 Rm:5 00 {opc} 1 {R5}')
sec('Advanced SIMD scalar three same (FP16)')
for U,a_,opc,n in [('0','0','011','FMULX'),('0','0','100','FCMEQ'),('0','0','111','FRECPS'),('0','1','111','FRSQRTS'),('1','0','100','FCMGE'),('1','0','101','FACGE'),
  ('1','1','010','FABD'),('1','1','100','FCMGT'),('1','1','101','FACGT')]:
    L(f'{n}_hsd', n.lower(), f'01 {U} 11110 {a_} 10 Rm:5 00 {opc} 1 {R5}')
sec('Advanced SIMD two-register miscellaneous (FP16): 0 Q U 01110 a 1111 00 opcode 10 Rn Rd')
M16 = [('0','0','11000','FRINTN'),('0','0','11001','FRINTM'),('0','0','11010','FCVTNS'),('0','0','11011','FCVTMS'),('0','0','11100','FCVTAS'),('0','0','11101','SCVTF'),
  ('0','1','01100','FCMGT_zero'),('0','1','01101','FCMEQ_zero'),('0','1','01110','FCMLT_zero'),('0','1','01111','FABS'),('0','1','11000','FRINTP'),('0','1','11001','FRINTZ'),
  ('0','1','11010','FCVTPS'),('0','1','11011','FCVTZS'),('0','1','11101','FRECPE'),('1','0','11000','FRINTA'),('1','0','11001','FRINTX'),('1','0','11010','FCVTNU'),
  ('1','0','11011','FCVTMU'),('1','0','11100','FCVTAU'),('1','0','11101','UCVTF'),('1','1','01100','FCMGE_zero'),('1','1','01101','FCMLE_zero'),('1','1','01111','FNEG'),
  ('1','1','11001','FRINTI'),('1','1','11010','FCVTPU'),('1','1','11011','FCVTZU'),('1','1','11101','FRSQRTE'),('1','1','11111','FSQRT')]
for U,a_,opc,n in M16:
    L(f'{n}_h', n.split('_')[0].lower(), f'0 Q {U} 01110 {a_} 1111 00 {opc} 10 {R5}')
sec('Advanced SIMD scalar two-register miscellaneous (FP16)')
SM16 = [x for x in M16 if x[3] in ('FCVTNS','FCVTMS','FCVTAS','SCVTF','FCMGT_zero','FCMEQ_zero','FCMLT_zero','FCVTPS','FCVTZS','FRECPE',
  'FCVTNU','FCVTMU','FCVTAU','UCVTF','FCMGE_zero','FCMLE_zero','FCVTPU','FCVTZU','FRSQRTE')] + [('0','1','11111','FRECPX')]
for U,a_,opc,n in SM16:
    L(f'{n}_hsd', n.split('_')[0].lower(), f'01 {U} 11110 {a_} 1111 00 {opc} 10 {R5}')
sec('Advanced SIMD across lanes and scalar pairwise (FP16)')
for a_,opc,n in [('0','01100','FMAXNMV'),('0','01111','FMAXV'),('1','01100','FMINNMV'),('1','01111','FMINV')]:
    L(f'{n}_h', n.lower(), f'0 Q 0 01110 {a_} 0 11000 {opc} 10 {R5}')
for a_,opc,n in [('0','01100','FMAXNMP'),('0','01101','FADDP'),('0','01111','FMAXP'),('1','01100','FMINNMP'),('1','01111','FMINP')]:
    L(f'{n}_hsd', n.lower(), f'01 0 11110 {a_} 0 11000 {opc} 10 {R5}')
sec('Advanced SIMD (scalar) x indexed element (FP16), FMOV (vector, immediate, FP16)')
for U,opc,n in [('0','0001','FMLA'),('0','0101','FMLS'),('0','1001','FMUL'),('1','1001','FMULX')]:
    L(f'{n}_elem_h', n.lower(), f'0 Q {U} 01111 00 L M Rm:4 {opc} H 0 {R5}')
for U,opc,n in [('0','0001','FMLA'),('0','0101','FMLS'),('0','1001','FMUL'),('1','1001','FMULX')]:
    L(f'{n}_elem_hsd', n.lower(), f'01 {U} 11111 00 L M Rm:4 {opc} H 0 {R5}')
L('FMOV_vi_h','fmov','0 Q 0 0111100000 abc:3 1111 1 1 defgh:5 Rd:5','MODIMM')

sec('Cryptographic AES (C4.1.104), three-register SHA (C4.1.105), two-register SHA (C4.1.106)')
for opc,n in (('00100','AESE'),('00101','AESD'),('00110','AESMC'),('00111','AESIMC')):
    L(n, n.lower(), f'01001110 00 10100 {opc} 10 {R5}')
for opc,n in (('000','SHA1C'),('001','SHA1P'),('010','SHA1M'),('011','SHA1SU0'),('100','SHA256H'),('101','SHA256H2'),('110','SHA256SU1')):
    L(n, n.lower(), f'01011110 000 Rm:5 0 {opc} 00 {R5}')
for opc,n in (('00000','SHA1H'),('00001','SHA1SU1'),('00010','SHA256SU0')):
    L(n, n.lower(), f'01011110 00 10100 {opc} 10 {R5}')
L('PMULL_1q', 'pmull', f'0 Q 0 01110 11 1 Rm:5 1110 00 {R5}', 'over:PMULL')

sec('Advanced SIMD three same (extra): SQRDMLAH/SQRDMLSH (FEAT_RDM), SDOT/UDOT (FEAT_DotProd)')
L('SQRDMLAH_v', 'sqrdmlah', f'0 Q 1 01110 size:2 0 Rm:5 1 0000 1 {R5}')
L('SQRDMLSH_v', 'sqrdmlsh', f'0 Q 1 01110 size:2 0 Rm:5 1 0001 1 {R5}')
L('SDOT_v', 'sdot', f'0 Q 0 01110 size:2 0 Rm:5 1 0010 1 {R5}')
L('UDOT_v', 'udot', f'0 Q 1 01110 size:2 0 Rm:5 1 0010 1 {R5}')
L('SQRDMLAH_sd', 'sqrdmlah', f'01 1 11110 size:2 0 Rm:5 1 0000 1 {R5}')
L('SQRDMLSH_sd', 'sqrdmlsh', f'01 1 11110 size:2 0 Rm:5 1 0001 1 {R5}')
L('SDOT_elem', 'sdot', f'0 Q 0 01111 size:2 L M Rm:4 1110 H 0 {R5}')
L('UDOT_elem', 'udot', f'0 Q 1 01111 size:2 L M Rm:4 1110 H 0 {R5}')
L('SQRDMLAH_elem', 'sqrdmlah', f'0 Q 1 01111 size:2 L M Rm:4 1101 H 0 {R5}')
L('SQRDMLSH_elem', 'sqrdmlsh', f'0 Q 1 01111 size:2 L M Rm:4 1111 H 0 {R5}')

# compute over: lists for the modified-immediate lines against the shift entries (immh = 0000)
def parse(pat):
    bit=32; mask=0; val=0
    for tok in pat.split():
        if all(ch in '01-' for ch in tok):
            for ch in tok:
                bit-=1
                if ch!='-':
                    mask|=1<<bit
                    if ch=='1': val|=1<<bit
        else:
            w=int(tok.split(':')[1]) if ':' in tok else 1
            bit-=w
    return mask,val
import re
lines=[]
pats={}
for l in out:
    m=re.match(r"  \['(\w+)', '[\w.]+', '([^']*)'(?:, '([^']*)')?\],",l)
    if m: pats[m.group(1)]=m.group(2)
res=[]
for l in out:
    m=re.match(r"  \['(\w+)', '([\w.]+)', '([^']*)', 'MODIMM'\],",l)
    if m:
        name=m.group(1); pm,pv=parse(m.group(3))
        ov=[]
        for sn,sp in pats.items():
            if not sn.endswith('_v') or sn.startswith(('MOVI','ORR_vi','BIC_vi','MVNI','FMOV')): continue
            sm,sv=parse(sp)
            if (pm&sm&(pv^sv))==0: ov.append(sn)
        l=l.replace(", 'MODIMM'" if not ov else "'MODIMM'", f"'over:{','.join(ov)}'" if ov else "")
    res.append(l)
hdr = """import type { TableLine } from './encoding.js';

/**
 * Advanced SIMD (integer and floating point), the cryptographic extension, and the SIMD structure
 * loads/stores, grouped under the Arm ARM's instruction-class headings.
 * Suffixes: `_v` vector form, `_sd` scalar form (Arm's "asisd"), `_elem` by element, `_zero` compare
 * with zero, `_fix` fixed-point conversion, `_s` single structure (one lane), `_m` multiple
 * structures, `ST1_1`..`ST1_4` / `LD1_1`..`LD1_4` the number of registers, `_post` post-indexed.
 * The modified-immediate encodings are the shift-by-immediate space with immh = 0000, hence their
 * `over:` lists. `_h`/`_hsd` are the half-precision (FEAT_FP16) vector/scalar forms.
 */
export const simd: TableLine[] = ["""
open('/work/main/src/core/cpu/decode/table-simd.ts','w').write(hdr+'\n'.join(res)+'\n];\n')
print(len([l for l in res if l.startswith("  ['")]))
