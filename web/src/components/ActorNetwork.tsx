/**
 * Who interacts with whom around an actor: a force-directed graph, edges as
 * wide as their number of events and coloured (and dashed or solid) by quad
 * class. Clicking another actor opens its page. A table gives the same edges.
 */
import { useMemo } from 'preact/hooks';
import type { Network, NetworkNode } from '../../../src/web/lib/network.js';
import { hrefOf } from '../../../src/web/lib/routes.js';
import type { EChartsOption } from '../charts/echarts.js';
import { FONT_FAMILY, INK, QUAD_COLORS, QUAD_LINE } from '../charts/palette.js';
import { useLocale } from '../i18n/locale.js';
import { navigate } from '../router.js';
import { Chart } from './Chart.js';
import { QuadClassChip } from './QuadClass.js';

const NODE_MIN_PX = 14;
const NODE_PX_PER_SQRT_EVENT = 6;
const NODE_MAX_PX = 60;
const EDGE_MIN_PX = 1;
const EDGE_PX_PER_LOG_EVENT = 2;
const FOCUS_COLOR = '#0b5a6b';
const OTHER_COLOR = '#8c8474';
const FORCE = { repulsion: 220, edgeLength: [60, 160], gravity: 0.08 };

const isEntity = (id: string) => !id.startsWith('text:');

function nodeSize(node: NetworkNode): number {
  return Math.min(NODE_MIN_PX + NODE_PX_PER_SQRT_EVENT * Math.sqrt(node.events), NODE_MAX_PX);
}

export function ActorNetwork({ network, focus }: { network: Network; focus: string }) {
  const { t, number } = useLocale();
  const names = new Map(network.nodes.map((n) => [n.id, n.name]));
  const option = useMemo<EChartsOption>(() => ({
    textStyle: { fontFamily: FONT_FAMILY, color: INK },
    tooltip: { renderMode: 'richText' },
    series: [{
      type: 'graph',
      layout: 'force',
      roam: true,
      draggable: true,
      force: FORCE,
      edgeSymbol: ['none', 'arrow'],
      label: { show: true, position: 'bottom' },
      data: network.nodes.map((node) => ({
        id: node.id,
        name: node.name,
        symbolSize: nodeSize(node),
        itemStyle: { color: node.id === focus ? FOCUS_COLOR : OTHER_COLOR },
        tooltip: { formatter: `${node.name}${node.actor ? ` (${node.actor})` : ''}: ${t('eventCount', { n: node.events })}` },
      })),
      links: network.edges.map((edge) => ({
        source: edge.source,
        target: edge.target,
        value: edge.weight,
        lineStyle: {
          width: EDGE_MIN_PX + EDGE_PX_PER_LOG_EVENT * Math.log2(1 + edge.weight),
          color: QUAD_COLORS[edge.quadClass],
          type: QUAD_LINE[edge.quadClass],
          opacity: 0.9,
          curveness: 0.1,
        },
        tooltip: { formatter: `${names.get(edge.source)} ← ${names.get(edge.target)}: ${t('eventCount', { n: edge.weight })}` },
      })),
    }],
  }), [network, focus, t]);
  return (
    <>
      <Chart
        class="chart-network"
        option={option}
        label={t('actorNetwork')}
        onReady={(chart) => {
          chart.on('click', (params) => {
            const p = params as { dataType?: string; data?: { id?: string } };
            const id = p.dataType === 'node' ? p.data?.id : undefined;
            if (id && id !== focus && isEntity(id)) navigate({ page: 'actor', id, query: {} });
          });
        }}
      />
      <div class="table-scroll" role="region" aria-label={t('interactions')} tabIndex={0}>
        <table class="network-table">
          <caption class="sr-only">{t('interactions')}</caption>
          <thead><tr><th scope="col">{t('colSource')}</th><th scope="col">{t('colTarget')}</th><th scope="col">{t('colEvents')}</th><th scope="col">{t('colQuad')}</th></tr></thead>
          <tbody>
            {[...network.edges].sort((a, b) => b.weight - a.weight).map((edge) => (
              <tr key={`${edge.source}>${edge.target}`}>
                <td>{isEntity(edge.source) ? <a href={hrefOf({ page: 'actor', id: edge.source, query: {} })}>{names.get(edge.source)}</a> : names.get(edge.source)}</td>
                <td>{isEntity(edge.target) ? <a href={hrefOf({ page: 'actor', id: edge.target, query: {} })}>{names.get(edge.target)}</a> : names.get(edge.target)}</td>
                <td class="num">{number(edge.weight)}</td>
                <td><QuadClassChip quadClass={edge.quadClass} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
