#!/usr/bin/env node
// The a64as assembler (see src/cli/as.ts).
import { launch } from './launch.js';

await launch('a64as', '../build/cli/as.js');
