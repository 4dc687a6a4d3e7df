/**
 * An ECharts chart in a div: loads ECharts on first use, applies `option`
 * whenever it changes, follows the element's size, and hands the instance to
 * `onReady` for event handlers. Tooltips render in rich-text mode (drawn on
 * the canvas, no HTML), so names from articles never become markup.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ECharts, EChartsOption } from '../charts/echarts.js';
import { useLocale } from '../i18n/locale.js';
import { ErrorNote } from './Status.js';

interface Props {
  option: EChartsOption;
  label: string;
  class?: string;
  /** Called once the chart exists; the function it returns is called before disposal. */
  onReady?: (chart: ECharts) => void | (() => void);
}

export function Chart({ option, label, class: className, onReady }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [ready, setReady] = useState(false);
  const { dir } = useLocale();

  useEffect(() => {
    let disposed = false;
    let cleanup: void | (() => void);
    let observer: ResizeObserver | null = null;
    import('../charts/echarts.js').then(({ echarts }) => {
      if (disposed || !el.current) return;
      const instance = echarts.init(el.current, undefined, { renderer: 'canvas' });
      chart.current = instance;
      // `data-rendered` tells tests and the bench that the chart has drawn its latest option.
      instance.on('finished', () => el.current?.setAttribute('data-rendered', 'true'));
      cleanup = onReady?.(instance);
      // A chart with no room (leaving the page, a hidden panel) is left as it is: ECharts cannot lay out in 0×0.
      observer = new ResizeObserver(([entry]) => {
        const { width, height } = entry.contentRect;
        if (width > 0 && height > 0 && !instance.isDisposed()) instance.resize();
      });
      observer.observe(el.current);
      setReady(true);
    }, (e: unknown) => setError(e instanceof Error ? e : new Error(String(e))));
    return () => {
      disposed = true;
      observer?.disconnect();
      if (typeof cleanup === 'function') cleanup();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (!ready || !chart.current) return;
    el.current?.setAttribute('data-rendered', 'false');
    chart.current.setOption(option, { notMerge: true });
  }, [ready, option]);

  if (error) return <ErrorNote error={error} />;
  return <div ref={el} class={`chart ${className ?? ''}`} role="img" aria-label={label} dir={dir} data-ready={ready ? 'true' : 'false'} />;
}
