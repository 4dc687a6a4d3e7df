/**
 * A link to an address that came with an article. Only http(s) addresses
 * become links (never `javascript:` or `data:`); anything else is shown as
 * its text, so the reader sees what the article claimed.
 */
import type { ComponentChildren } from 'preact';

const SAFE_PROTOCOLS = new Set(['http:', 'https:']);

export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return SAFE_PROTOCOLS.has(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

export function SafeLink({ url, children }: { url: string; children?: ComponentChildren }) {
  const href = safeHref(url);
  if (!href) return <bdi class="url" dir="ltr">{url}</bdi>;
  return <a href={href} rel="noopener noreferrer nofollow" target="_blank"><bdi>{children ?? url}</bdi></a>;
}
