import { join } from 'node:path';
import { ok } from '../common/result';
import type { labOps } from '../contract/lab-ops';
import { loadLessons, sharedLab, shippedLessonsDir } from '../lab';
import type { HandlersFor, ServiceEnv } from './types';

/** Implements the operations declared in app/contract/lab-ops.ts. */
export function labHandlers(env: ServiceEnv): HandlersFor<keyof typeof labOps> {
  return {
    'lab:start': async () => {
      const lab = await sharedLab();
      return lab.ok
        ? ok({ originUrl: lab.value.originUrl, proxyUrl: lab.value.proxyUrl, routes: lab.value.routes })
        : lab;
    },
    // A teacher's own lessons live in the data dir's lessons/ folder, next to the shipped ones.
    'lab:lessons': async () => ok(await loadLessons([shippedLessonsDir(), join(env.dataDir, 'lessons')])),
  };
}
