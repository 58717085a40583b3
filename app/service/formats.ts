import { ok } from '../common/result';
import type { formatsOps } from '../contract/formats-ops';
import { readCollection, writeImport } from '../formats/collection-io';
import { exportRequest, snippetTargets } from '../formats/export-request';
import { collectionToHar, exchangeToHar } from '../formats/har-export';
import { toPostmanCollection } from '../formats/postman-export';
import { importText } from '../formats/registry';
import { countItems } from '../formats/types';
import type { HandlersFor } from './types';

/** Implements app/contract/formats-ops.ts over app/formats (the CLI's import/export use the same functions). */
export function formatsHandlers(): HandlersFor<keyof typeof formatsOps> {
  return {
    'formats:import': async ({ text, format, into, merge }) => {
      const imported = await importText(text, format);
      if (!imported.ok) return imported;
      const result = imported.value;
      const counts = countItems(result.items);
      const report = {
        format: result.format,
        name: result.collection.name,
        requests: counts.requests,
        folders: counts.folders,
        environments: result.environments.map((e) => e.name),
        warnings: result.warnings,
      };
      if (into === undefined) return ok(report);
      const written = await writeImport(into, result, { merge });
      if (!written.ok) return written;
      return ok({ ...report, root: written.value.root, warnings: [...result.warnings, ...written.value.warnings] });
    },
    'formats:snippet-targets': async () => ok(snippetTargets()),
    'formats:snippet': async ({ request, target, client }) => exportRequest(request, { target, ...(client ? { client } : {}) }),
    'formats:exchange-har': async ({ exchange }) => ok({ text: `${JSON.stringify(exchangeToHar(exchange), null, 2)}\n` }),
    'formats:export-collection': async ({ root, format, environment }) => {
      const read = await readCollection(root);
      if (!read.ok) return read;
      const { tree, warnings } = read.value;
      if (format === 'postman') {
        const exported = toPostmanCollection(tree);
        return ok({ text: `${JSON.stringify(exported.json, null, 2)}\n`, warnings: [...warnings, ...exported.warnings] });
      }
      const exported = collectionToHar(tree, environment === undefined ? {} : { environment });
      return ok({ text: `${JSON.stringify(exported.har, null, 2)}\n`, warnings: [...warnings, ...exported.warnings] });
    },
  };
}
