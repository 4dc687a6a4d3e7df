/**
 * Event counts by day, stacked by type (PLOVER types, or quad classes when
 * the API aggregates them). Clicking a bar filters by that day (and PLOVER
 * type) through `onSelect`; the totals under the chart give the same counts
 * to keyboards and screen readers.
 */
import { useMemo, useRef } from 'preact/hooks';
import type { Timeline as TimelineData } from '../../../src/web/lib/timeline.js';
import type { EChartsOption } from '../charts/echarts.js';
import { FONT_FAMILY, INK, QUAD_COLORS, TYPE_COLORS } from '../charts/palette.js';
import { PLOVER_TYPES, ploverLabel } from '../i18n/labels.js';
import { useLocale, type Locale } from '../i18n/locale.js';
import { Chart } from './Chart.js';

/** Days shown in the zoom window at first: the latest ones. */
const INITIAL_WINDOW_DAYS = 90;
const PERCENT = 100;
/** Room around the plot for the legend (top), the zoom slider (bottom) and the axes, in pixels. */
const GRID = { top: 40, bottom: 60, side: 40 };
const SLIDER_BOTTOM = 8;

export interface DaySelection {
  day: string;
  /** The PLOVER type of the bar, when the timeline is by PLOVER type. */
  plover: string | null;
}

function colorOf(timeline: TimelineData, type: string): string {
  if (timeline.kind === 'quad') return QUAD_COLORS[Number(type)];
  const i = PLOVER_TYPES.indexOf(type);
  return TYPE_COLORS[(i >= 0 ? i : PLOVER_TYPES.length) % TYPE_COLORS.length];
}

function labelOf(timeline: TimelineData, type: string, locale: Locale): string {
  return timeline.kind === 'quad' ? locale.t(`quad${Number(type) as 1 | 2 | 3 | 4}`) : ploverLabel(type, locale.lang);
}

export function Timeline({ timeline, onSelect }: { timeline: TimelineData; onSelect(selection: DaySelection): void }) {
  const locale = useLocale();
  const { t, number, date } = locale;
  const select = useRef(onSelect);
  select.current = onSelect;
  const option = useMemo<EChartsOption>(() => {
    const start = timeline.days.length > INITIAL_WINDOW_DAYS ? PERCENT * (1 - INITIAL_WINDOW_DAYS / timeline.days.length) : 0;
    return {
      // Bars appear at once: no entry animation to wait for.
      animation: false,
      textStyle: { fontFamily: FONT_FAMILY, color: INK },
      aria: { enabled: true, label: { description: t('timelineTitle') }, decal: { show: true } },
      tooltip: { trigger: 'axis', renderMode: 'richText', axisPointer: { type: 'shadow' } },
      legend: { type: 'scroll', top: 0, formatter: (type: string) => labelOf(timeline, type, locale) },
      grid: { top: GRID.top, bottom: GRID.bottom, left: GRID.side, right: GRID.side, containLabel: true },
      xAxis: { type: 'category', data: timeline.days, inverse: locale.dir === 'rtl', axisLabel: { formatter: (d: string) => date(d) } },
      yAxis: { type: 'value', minInterval: 1, position: locale.dir === 'rtl' ? 'right' : 'left', axisLabel: { formatter: (n: number) => number(n) } },
      dataZoom: [{ type: 'slider', start, end: PERCENT, bottom: SLIDER_BOTTOM }, { type: 'inside' }],
      series: timeline.types.map((type) => ({
        type: 'bar',
        name: type,
        stack: 'events',
        data: timeline.counts[type],
        itemStyle: { color: colorOf(timeline, type) },
        emphasis: { focus: 'series' },
      })),
    };
  }, [timeline, locale]);

  const totals = timeline.types.map((type) => ({ type, n: timeline.counts[type].reduce((s, x) => s + x, 0) }));
  return (
    <section class="panel timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('timelineTitle')}</h2>
      <p class="hint">{t('timelineHint')}</p>
      {timeline.days.length > 0 && (
        <Chart
          class="chart-timeline"
          option={option}
          label={t('timelineTitle')}
          onReady={(chart) => {
            chart.on('click', (params) => {
              const p = params as { name?: string; seriesName?: string };
              if (p.name) select.current({ day: p.name, plover: timeline.kind === 'plover' ? p.seriesName ?? null : null });
            });
          }}
        />
      )}
      <details class="chart-data">
        <summary>{timeline.kind === 'quad' ? t('colQuad') : t('eventType')}</summary>
        <ul class="type-totals">
          {totals.map(({ type, n }) => <li key={type}>{labelOf(timeline, type, locale)}: {number(n)}</li>)}
        </ul>
        {timeline.undated > 0 && <p>{t('undatedEvents', { n: timeline.undated })}</p>}
      </details>
    </section>
  );
}
