/**
 * Who interacts with whom: events folded into a directed graph of actors,
 * one edge per (source, target) pair, weighted by how many events link them
 * and classed by the quad class most of them share.
 */
import type { EventArgument, MarsadEvent } from '../../model/document.js';

/** CAMEO quad classes: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
export const QUAD_CLASSES = [1, 2, 3, 4] as const;
export type QuadClass = (typeof QUAD_CLASSES)[number];

export interface NetworkNode {
  /** The entity id, or `text:` and the words when the argument was not linked. */
  id: string;
  name: string;
  actor: string | null;
  /** Events the actor takes part in, as source or target. */
  events: number;
}

export interface NetworkEdge {
  source: string;
  target: string;
  /** Events from source to target. */
  weight: number;
  /** Events of each quad class, index 0 for class 1. */
  byQuadClass: [number, number, number, number];
  /** The quad class with the most events (the lower class on a tie). */
  quadClass: QuadClass;
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

export type ArgumentName = (argument: EventArgument) => string;

const UNLINKED_PREFIX = 'text:';

/** The node id of an event argument. */
export function nodeId(argument: EventArgument): string {
  return argument.entity ?? UNLINKED_PREFIX + argument.text.trim();
}

export function isQuadClass(n: number): n is QuadClass {
  return (QUAD_CLASSES as readonly number[]).includes(n);
}

/** Builds the graph of the events that have both a source and a target. */
export function interactionNetwork(events: readonly MarsadEvent[], nameOf: ArgumentName = (a) => a.text): Network {
  const nodes = new Map<string, NetworkNode>();
  const edges = new Map<string, NetworkEdge>();
  const touch = (argument: EventArgument) => {
    const id = nodeId(argument);
    const node = nodes.get(id) ?? { id, name: nameOf(argument), actor: argument.actor ?? null, events: 0 };
    node.events += 1;
    node.actor ??= argument.actor ?? null;
    nodes.set(id, node);
    return id;
  };
  for (const event of events) {
    if (!event.source || !event.target) continue;
    const source = touch(event.source);
    const target = touch(event.target);
    if (source === target) continue;
    const key = `${source}\u0000${target}`;
    const edge = edges.get(key) ?? { source, target, weight: 0, byQuadClass: [0, 0, 0, 0], quadClass: 1 };
    edge.weight += 1;
    if (isQuadClass(event.quadClass)) edge.byQuadClass[event.quadClass - 1] += 1;
    edges.set(key, edge);
  }
  for (const edge of edges.values()) edge.quadClass = dominantQuadClass(edge.byQuadClass);
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** Aggregated links (as `GET /api/network` gives them: events and events per quad class) as a network. */
export function networkFromLinks(
  nodes: readonly { id: string; name: string; actor?: string | null; events: number }[],
  links: readonly { source: string; target: string; events: number; quad: readonly number[] }[],
): Network {
  return {
    nodes: nodes.map((n) => ({ id: n.id, name: n.name, actor: n.actor ?? null, events: n.events })),
    edges: links.map((l) => {
      const byQuadClass: NetworkEdge['byQuadClass'] = [l.quad[0] ?? 0, l.quad[1] ?? 0, l.quad[2] ?? 0, l.quad[3] ?? 0];
      return { source: l.source, target: l.target, weight: l.events, byQuadClass, quadClass: dominantQuadClass(byQuadClass) };
    }),
  };
}

function dominantQuadClass(counts: NetworkEdge['byQuadClass']): QuadClass {
  let best = 0;
  counts.forEach((n, i) => {
    if (n > counts[best]) best = i;
  });
  return QUAD_CLASSES[best];
}
