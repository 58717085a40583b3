/**
 * What a collection looks like on disk (docs/collection-format.md documents it for users).
 * These schemas parse files a user or git wrote, so they are strict about shape and generous with
 * defaults; key order when writing follows the order of the fields here, so diffs stay stable.
 */
import { z } from 'zod';
import { requestBodySchema, requestOptionOverridesSchema } from './exchange';

export const COLLECTION_SCHEMA = 'statuscope/collection@1';
export const REQUEST_SCHEMA = 'statuscope/request@1';
export const FOLDER_SCHEMA = 'statuscope/folder@1';
export const ENVIRONMENT_SCHEMA = 'statuscope/environment@1';

/** 501 cause ids (DESIGN.md, "Diagnosis"): a closed set; the CLI's JSON uses them verbatim. */
export const CAUSE_IDS = [
  'proxy-originated',
  'method-unsupported',
  'endpoint-stub',
  'protocol-feature',
  'served-from-cache',
  'method-spelling',
  'misused-501',
] as const;
export type CauseId = (typeof CAUSE_IDS)[number];
export const causeIdSchema = z.enum(CAUSE_IDS);

export const headerRowSchema = z.object({
  name: z.string(),
  value: z.string(),
  enabled: z.boolean().default(true),
});
export type HeaderRow = z.infer<typeof headerRowSchema>;

export const variableSchema = z.object({
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, 'variable names are letters, digits, _ . - and start with a letter or _'),
  /** Absent for secrets: their values live in the app's data dir, never in the collection folder. */
  value: z.string().optional(),
  secret: z.boolean().default(false),
});
export type Variable = z.infer<typeof variableSchema>;

export const authSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('inherit') }),
  z.object({ type: z.literal('none') }),
  z.object({ type: z.literal('basic'), username: z.string(), password: z.string() }),
  z.object({ type: z.literal('bearer'), token: z.string() }),
  z.object({ type: z.literal('apikey'), name: z.string(), value: z.string(), in: z.enum(['header', 'query']) }),
  z.object({ type: z.literal('digest'), username: z.string(), password: z.string() }),
  z.object({
    type: z.literal('oauth2-client-credentials'),
    tokenUrl: z.string(),
    clientId: z.string(),
    clientSecret: z.string(),
    scope: z.string().optional(),
  }),
]);
export type Auth = z.infer<typeof authSchema>;

export const assertionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('status-equals'), value: z.number().int() }),
  z.object({ kind: z.literal('status-in'), values: z.array(z.number().int()).min(1) }),
  z.object({ kind: z.literal('header-present'), name: z.string() }),
  z.object({ kind: z.literal('header-equals'), name: z.string(), value: z.string() }),
  z.object({ kind: z.literal('header-matches'), name: z.string(), pattern: z.string() }),
  z.object({ kind: z.literal('json-path-equals'), path: z.string(), value: z.unknown() }),
  z.object({ kind: z.literal('json-path-exists'), path: z.string() }),
  z.object({ kind: z.literal('body-contains'), text: z.string() }),
  z.object({ kind: z.literal('time-below'), ms: z.number().positive() }),
  z.object({ kind: z.literal('diagnosed-cause'), cause: causeIdSchema }),
]);
export type Assertion = z.infer<typeof assertionSchema>;

/** One request file: `<slug>.yaml` in the collection folder or a sub-folder. */
export const savedRequestSchema = z.object({
  schema: z.literal(REQUEST_SCHEMA).default(REQUEST_SCHEMA),
  name: z.string().min(1),
  method: z.string().min(1),
  url: z.string(),
  headers: z.array(headerRowSchema).default([]),
  body: requestBodySchema.default({ kind: 'none' }),
  auth: authSchema.default({ type: 'inherit' }),
  /** Only the options that differ from the defaults; nothing else is written. */
  options: requestOptionOverridesSchema.default({}),
  assertions: z.array(assertionSchema).default([]),
  notes: z.string().default(''),
});
export type SavedRequest = z.infer<typeof savedRequestSchema>;
export type SavedRequestInput = z.input<typeof savedRequestSchema>;

/** `collection.yaml` at the collection root. `order` lists entries (files and folders) for a stable sidebar. */
export const collectionFileSchema = z.object({
  schema: z.literal(COLLECTION_SCHEMA).default(COLLECTION_SCHEMA),
  name: z.string().min(1),
  description: z.string().default(''),
  headers: z.array(headerRowSchema).default([]),
  variables: z.array(variableSchema).default([]),
  auth: authSchema.default({ type: 'none' }),
  order: z.array(z.string()).default([]),
});
export type CollectionFile = z.infer<typeof collectionFileSchema>;

/** `folder.yaml` inside a group folder (optional). */
export const folderFileSchema = z.object({
  schema: z.literal(FOLDER_SCHEMA).default(FOLDER_SCHEMA),
  name: z.string().min(1),
  description: z.string().default(''),
  order: z.array(z.string()).default([]),
});
export type FolderFile = z.infer<typeof folderFileSchema>;

/** `environments/<name>.yaml`. */
export const environmentFileSchema = z.object({
  schema: z.literal(ENVIRONMENT_SCHEMA).default(ENVIRONMENT_SCHEMA),
  name: z.string().min(1),
  variables: z.array(variableSchema).default([]),
});
export type EnvironmentFile = z.infer<typeof environmentFileSchema>;
