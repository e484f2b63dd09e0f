// Worker threads start in plain Node: register tsx so the TypeScript solver code loads, as bin/gridhaul.mjs does.
import { register } from 'tsx/esm/api';

register();
await import('./solve-thread.ts');
