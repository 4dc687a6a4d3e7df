/** A code (CAMEO, PLOVER, actor, country) kept left to right inside Arabic text. */
import type { ComponentChildren } from 'preact';

export function Code({ children, title }: { children: ComponentChildren; title?: string }) {
  return <bdi class="code" dir="ltr" title={title}>{children}</bdi>;
}
