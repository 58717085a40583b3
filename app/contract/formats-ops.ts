/**
 * Operations of the formats domain (app/formats): importing what people already have into a
 * collection folder, and exporting requests, collections and exchanges.
 */
import { z } from 'zod';
import type { Snippet, SnippetTargetInfo } from '../formats/export-request';
import type { ImportFormat, ImportWarning } from '../formats/types';
import { exchangeRecordSchema } from './exchange-record-schema';
import { operation } from './define';
import { requestSpecSchema } from './exchange';

const IMPORT_CHOICES = ['auto', 'postman', 'insomnia', 'openapi', 'har', 'curl'] as const;

export interface ImportReport {
  format: ImportFormat;
  name: string;
  requests: number;
  folders: number;
  environments: string[];
  /** What could not be carried over, per item: never silent loss. */
  warnings: ImportWarning[];
  /** The collection folder written; absent for a dry run. */
  root?: string;
}

export const formatsOps = {
  /** Imports a Postman/Insomnia/OpenAPI/HAR/curl text; with `into`, writes it as a collection folder. */
  'formats:import': operation<ImportReport>()(
    z.object({
      text: z.string().min(1).max(64 * 1024 * 1024),
      format: z.enum(IMPORT_CHOICES).default('auto'),
      /** Absolute folder to write the collection into (new, or merged with `merge`); absent = preview only. */
      into: z.string().min(1).max(4096).optional(),
      merge: z.boolean().default(false),
    }),
  ),
  /** The code-snippet languages and clients on offer. */
  'formats:snippet-targets': operation<SnippetTargetInfo[]>()(z.object({})),
  /** The request as code (curl, fetch, Python requests, Go, …): the exact request the engine would send. */
  'formats:snippet': operation<Snippet>()(z.object({ request: requestSpecSchema, target: z.string().min(1).max(40), client: z.string().min(1).max(40).optional() })),
  /** An exchange (every redirect hop) as HAR 1.2. */
  'formats:exchange-har': operation<{ text: string }>()(z.object({ exchange: exchangeRecordSchema })),
  /** A collection folder as Postman v2.1 or HAR. */
  'formats:export-collection': operation<{ text: string; warnings: ImportWarning[] }>()(
    z.object({ root: z.string().min(1).max(4096), format: z.enum(['postman', 'har']), environment: z.string().max(200).optional() }),
  ),
};

export interface FormatsEvents {}
