#!/usr/bin/env node
// The workspace ships TypeScript sources; tsx compiles them on load so `npx gridhaul` needs no build.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
