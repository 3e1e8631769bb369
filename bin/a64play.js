#!/usr/bin/env node
// The a64play command-line runner (see src/cli/main.ts).
import { launch } from './launch.js';

await launch('a64play', '../build/cli/main.js');
