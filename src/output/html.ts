/**
 * `--format html`: a standalone right-to-left page of the analysed article,
 * mentions highlighted by type (colour and an underline style), events listed.
 * Every piece of article text is escaped: the page runs no script.
 */
import type { Block, MarsadDocument, Mention, Span } from '../model/document.js';
import { PLOVER_LABELS, TYPE_LABELS, eventLine } from './labels.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** The text of `range` with the mentions inside it wrapped in <mark>. */
function marked(doc: MarsadDocument, range: Span): string {
  const inside = doc.mentions.filter((m) => m.start >= range.start && m.end <= range.end);
  let at = range.start;
  let html = '';
  let last = -1;
  for (const m of inside) {
    if (m.start < at || m.start < last) continue; // nested or overlapping: keep the outer one
    html += escapeHtml(doc.text.slice(at, m.start));
    html += markOf(doc, m);
    at = m.end;
    last = m.end;
  }
  return html + escapeHtml(doc.text.slice(at, range.end));
}

function markOf(doc: MarsadDocument, m: Mention): string {
  const e = m.entity ? doc.entities.find((x) => x.id === m.entity) : undefined;
  const tip = [TYPE_LABELS[m.type] ?? m.type, e?.name, e?.actor].filter(Boolean).join(' · ');
  return `<mark class="m-${m.type}" title="${escapeHtml(tip)}">${escapeHtml(doc.text.slice(m.start, m.end))}</mark>`;
}

function blockHtml(doc: MarsadDocument, b: Block): string {
  switch (b.type) {
    case 'title': return `<h1>${marked(doc, b)}</h1>`;
    case 'heading': return `<h${Math.min(Math.max(b.level ?? 2, 2), 6)}>${marked(doc, b)}</h${Math.min(Math.max(b.level ?? 2, 2), 6)}>`;
    case 'paragraph': return `<p>${marked(doc, b)}</p>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${(b.items ?? []).map((it) => `<li>${marked(doc, it)}</li>`).join('')}</${tag}>`;
    }
    case 'table': {
      const head = b.header ? `<thead><tr>${b.header.map((c) => `<th>${marked(doc, c)}</th>`).join('')}</tr></thead>` : '';
      const body = (b.rows ?? []).map((r) => `<tr>${r.map((c) => `<td>${marked(doc, c)}</td>`).join('')}</tr>`).join('');
      return `<table>${head}<tbody>${body}</tbody></table>`;
    }
  }
}

const STYLE = `
body{font-family:"Noto Naskh Arabic","Noto Sans Arabic","IBM Plex Sans Arabic",Tahoma,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.9;color:#1d2733;background:#fbfaf7}
h1{font-size:1.6rem;line-height:1.5}table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #c9c4b8;padding:.3rem .6rem}th{background:#eeeae0}
mark{background:none;padding:0 .1rem;border-bottom:2px solid}mark.m-PER{color:#8a2c0d;border-bottom-style:solid}mark.m-ORG{color:#0b5a6b;border-bottom-style:double}
mark.m-LOC{color:#2f6b1f;border-bottom-style:dashed}mark.m-MISC{color:#5a3d85;border-bottom-style:dotted}mark.m-DATE,mark.m-TITLE{color:#555;border-bottom-style:dotted}
.meta{color:#666;font-size:.9rem}.events li{margin:.3rem 0}.codes{font-family:monospace;direction:ltr;unicode-bidi:embed;color:#555}`;

export function renderHtml(doc: MarsadDocument): string {
  const title = doc.title?.text ?? 'مقال';
  const events = doc.events.length
    ? `<section class="events"><h2>الأحداث</h2><ul>${doc.events
        .map((e) => `<li>${escapeHtml(eventLine(doc, e))} <span class="codes">CAMEO ${escapeHtml(e.cameo)} · ${escapeHtml(e.plover)}</span> — ${escapeHtml(PLOVER_LABELS[e.plover] ?? '')}</li>`)
        .join('')}</ul></section>`
    : '';
  const entities = doc.entities.length
    ? `<section><h2>الكيانات</h2><ul>${doc.entities
        .map((e) => `<li><mark class="m-${e.type}">${escapeHtml(e.name)}</mark> — ${escapeHtml(TYPE_LABELS[e.type] ?? e.type)}${e.actor ? ` <span class="codes">${escapeHtml(e.actor)}</span>` : ''} ×${e.mentions}</li>`)
        .join('')}</ul></section>`
    : '';
  const meta = [doc.date, doc.source.url ?? doc.source.path].filter(Boolean).map((s) => escapeHtml(String(s))).join(' · ');
  return `<!doctype html>
<html dir="rtl" lang="ar"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)} — مرصد</title><style>${STYLE}</style></head>
<body><article>${doc.blocks.map((b) => blockHtml(doc, b)).join('\n')}</article>
<p class="meta">${meta}</p>${entities}${events}
</body></html>`;
}
