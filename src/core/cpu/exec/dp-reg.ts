/** Data processing — register: the handlers of every dp-reg-*.ts file, merged. */
import { dpRegAddSubHandlers } from './dp-reg-addsub.js';
import { dpRegCondHandlers } from './dp-reg-cond.js';
import { dpRegCrcHandlers } from './dp-reg-crc.js';
import { dpRegLogicalHandlers } from './dp-reg-logical.js';
import { dpRegMulHandlers } from './dp-reg-mul.js';
import { dpRegSrcHandlers } from './dp-reg-src.js';
import type { Op } from '../op.js';

export const dpRegHandlers: Record<string, (...a: number[]) => Op | null> = {
  ...dpRegLogicalHandlers,
  ...dpRegAddSubHandlers,
  ...dpRegCondHandlers,
  ...dpRegSrcHandlers,
  ...dpRegCrcHandlers,
  ...dpRegMulHandlers,
};
