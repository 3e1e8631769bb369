/**
 * Assembling the disassembly gives the word back: data processing (immediate and register),
 * branches and system instructions. Random valid encodings of every entry of these classes (see
 * tests/helpers/asm-roundtrip.ts); every entry must round-trip on every sample.
 */
import { branchSys } from '../../cpu/decode/table-branch.js';
import { dpImm } from '../../cpu/decode/table-dp-imm.js';
import { dpReg } from '../../cpu/decode/table-dp-reg.js';
import { describeRoundTrip } from '../../../../tests/helpers/asm-roundtrip.js';

describeRoundTrip('data processing (immediate)', dpImm);
describeRoundTrip('branch, exception, system', branchSys);
describeRoundTrip('data processing (register)', dpReg);
