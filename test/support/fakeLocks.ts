type Callback = (lock: { name: string } | null) => unknown;

/**
 * Web Locks as the browser grants them: one holder per name, queued requests granted in order on
 * release, `ifAvailable` answered with no lock when the name is held. `request(name, callback)` or
 * `request(name, options, callback)`, as `navigator.locks.request`.
 */
export function fakeLocks() {
  const queues = new Map<string, Array<() => void>>();
  const request = (name: string, options: { ifAvailable?: boolean } | Callback, callback?: Callback) =>
    new Promise<void>((resolve) => {
      const { ifAvailable } = typeof options === 'function' ? {} : options;
      const run = typeof options === 'function' ? options : callback!;
      const grant = () =>
        void Promise.resolve(run({ name })).then(() => {
          const queue = queues.get(name)!;
          queue.shift();
          if (queue.length) queue[0]!();
          else queues.delete(name);
          resolve();
        });
      const queue = queues.get(name);
      if (queue && ifAvailable) return void Promise.resolve(run(null)).then(() => resolve());
      if (queue) return void queue.push(grant);
      queues.set(name, [grant]);
      grant();
    });
  return { request, held: (name: string) => queues.has(name) };
}
