/**
 * The postman-collection SDK, typed. The package ships its declarations in types/index.d.ts but names
 * no `types` entry in its package.json, so TypeScript cannot find them by the package name; this one
 * reference makes them visible without a tsconfig change.
 */
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the package's d.ts is not reachable by import (no "types" in its package.json)
/// <reference path="../../node_modules/postman-collection/types/index.d.ts" />
import pm from 'postman-collection';

export default pm;
