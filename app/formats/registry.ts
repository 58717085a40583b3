/**
 * The importers, tried in this documented order (README.md): the most specific signatures first
 * (Postman's `info.schema`, Insomnia's `_type: export` / `type: collection.insomnia.rest/5.0`,
 * `openapi:`/`swagger:`, HAR's `log.entries`), the loosest last (a curl command line is plain text).
 * Auto-detection takes the highest confidence; ties go to the earlier importer.
 */
import { fail, type Result } from '../common/result';
import { curlImporter } from './curl-import';
import { harImporter } from './har-import';
import { insomniaImporter } from './insomnia-import';
import { openapiImporter } from './openapi-import';
import { postmanImporter } from './postman-import';
import type { ImportFormat, Importer, ImportResult } from './types';

export const IMPORTERS: readonly Importer[] = [
  postmanImporter,
  insomniaImporter,
  openapiImporter,
  harImporter,
  curlImporter,
];

export function importerFor(format: ImportFormat): Importer {
  const found = IMPORTERS.find((i) => i.id === format);
  if (!found) throw new Error(`no importer registered for ${format}`);
  return found;
}

export function detectFormat(text: string): { importer: Importer; confidence: number } | undefined {
  let best: { importer: Importer; confidence: number } | undefined;
  for (const importer of IMPORTERS) {
    const confidence = importer.detect(text);
    if (confidence > 0 && (!best || confidence > best.confidence)) best = { importer, confidence };
  }
  return best;
}

export type ImportOutcome = ImportResult & { format: ImportFormat };

/** Imports text in the given format, or detects it; never throws (an importer's crash is `import.failed`). */
export async function importText(
  text: string,
  format: ImportFormat | 'auto' = 'auto',
): Promise<Result<ImportOutcome>> {
  const importer = format === 'auto' ? detectFormat(text)?.importer : importerFor(format);
  if (!importer) {
    return fail(
      'import.unrecognised',
      `The input is not in a format Statuscope imports. Tried, in order: ${IMPORTERS.map((i) => i.name).join('; ')}.`,
      {
        detail: { tried: IMPORTERS.map((i) => i.id).join(',') },
      },
    );
  }
  try {
    const result = await importer.import(text);
    return result.ok ? { ok: true, value: { format: importer.id, ...result.value } } : result;
  } catch (thrown) {
    return fail(
      'import.failed',
      `The ${importer.name} importer failed: ${thrown instanceof Error ? thrown.message : String(thrown)}`,
    );
  }
}
