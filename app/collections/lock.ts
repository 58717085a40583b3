/**
 * One write at a time per collection (or per data-dir file) within this process: a save, a rename and a
 * reorder of the same folder interleaving would lose one of the `order` edits.
 */
const tails = new Map<string, Promise<unknown>>();

export async function serialized<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.then(task, task);
  const tail = run.catch(() => undefined);
  tails.set(key, tail);
  try {
    return await run;
  } finally {
    if (tails.get(key) === tail) tails.delete(key);
  }
}
