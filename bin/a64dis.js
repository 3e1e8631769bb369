#!/usr/bin/env node
// The a64dis disassembler (see src/cli/dis.ts).
import { launch } from './launch.js';

await launch('a64dis', '../build/cli/dis.js');
