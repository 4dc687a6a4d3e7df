/**
 * Loading data in components: `useResource` runs a loader when its keys
 * change or when the data change (`dataChanged()`, called after an article is
 * added), and aborts the previous load.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

type Listener = () => void;
const listeners = new Set<Listener>();
let dataVersion = 0;

/** Tells every view the stored data changed, so that lists refresh without a reload. */
export function dataChanged(): void {
  dataVersion += 1;
  for (const listener of listeners) listener();
}

function useDataVersion(): number {
  const [version, setVersion] = useState(dataVersion);
  useEffect(() => {
    const listener = () => setVersion(dataVersion);
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  return version;
}

export interface Resource<T> {
  data?: T;
  error?: Error;
  loading: boolean;
  reload(): void;
}

export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, keys: readonly unknown[]): Resource<T> {
  const version = useDataVersion();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: true });
  const lastKeys = useRef('');
  useEffect(() => {
    const controller = new AbortController();
    // A refresh of the same view keeps what it shows until the new data come; another view starts empty.
    const keyString = JSON.stringify(keys);
    const sameView = keyString === lastKeys.current;
    lastKeys.current = keyString;
    setState((s) => ({ data: sameView ? s.data : undefined, loading: true }));
    load(controller.signal).then(
      (data) => !controller.signal.aborted && setState({ data, loading: false }),
      (error: unknown) => !controller.signal.aborted && setState({ error: error instanceof Error ? error : new Error(String(error)), loading: false }),
    );
    return () => controller.abort();
  }, [...keys, version, attempt]);
  return { ...state, reload: () => setAttempt((n) => n + 1) };
}
