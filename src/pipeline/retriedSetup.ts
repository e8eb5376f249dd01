/**
 * Made once and shared by the batches of a process; a setup that failed (storage down at a cold
 * start, a role not yet granted) is forgotten, so the next batch tries again instead of failing in
 * a millisecond with the old error until the instance is recycled.
 */
export function retriedSetup<T>(make: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    if (pending === undefined) {
      const attempt = make();
      pending = attempt;
      attempt.catch(() => {
        if (pending === attempt) pending = undefined;
      });
    }
    return pending;
  };
}
