/** `--format text`: a readable Arabic report of a document for the terminal. */
import type { Block, MarsadDocument, TextSpan } from '../model/document.js';
import { PLOVER_LABELS, TYPE_LABELS, eventLine } from './labels.js';

const RULE = '─'.repeat(60);

function drawTable(header: TextSpan[] | null | undefined, rows: TextSpan[][]): string[] {
  const all = header ? [header, ...rows] : rows;
  const columns = Math.max(...all.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, j) => Math.max(...all.map((r) => (r[j]?.text ?? '').length), 1));
  const line = (l: string, m: string, r: string) => l + widths.map((w) => '─'.repeat(w + 2)).join(m) + r;
  const row = (cells: TextSpan[]) => '│' + widths.map((w, j) => ` ${(cells[j]?.text ?? '').padEnd(w)} `).join('│') + '│';
  const out = [line('┌', '┬', '┐')];
  if (header) out.push(row(header), line('├', '┼', '┤'));
  for (const r of rows) out.push(row(r));
  out.push(line('└', '┴', '┘'));
  return out;
}

function blockLines(doc: MarsadDocument, b: Block): string[] {
  const text = doc.text.slice(b.start, b.end);
  switch (b.type) {
    case 'title': return [`■ ${text}`, ''];
    case 'heading': return [`## ${text}`, ''];
    case 'paragraph': return [text.replace(/\n/g, ' '), ''];
    case 'list': return [...(b.items ?? []).map((it, i) => (b.ordered ? `  ${i + 1}. ` : '  • ') + it.text), ''];
    case 'table': return [...drawTable(b.header, b.rows ?? []), ''];
  }
}

export function renderText(doc: MarsadDocument): string {
  const out: string[] = [];
  out.push(`العنوان: ${doc.title?.text ?? '—'}`);
  const meta = [doc.date ? `التاريخ: ${doc.date}` : null, doc.source.url ? `الرابط: ${doc.source.url}` : doc.source.path ? `الملف: ${doc.source.path}` : null, `الترميز: ${doc.source.encoding}`].filter(Boolean);
  out.push(meta.join(' | '), RULE, '');
  for (const b of doc.blocks) if (b.type !== 'title') out.push(...blockLines(doc, b));
  out.push(RULE, `الجمل: ${doc.sentences.length} | الكلمات: ${doc.tokens.filter((t) => t.kind === 'word' || t.kind === 'latin').length}`);
  if (doc.entities.length) {
    out.push('', 'الكيانات:');
    for (const e of [...doc.entities].sort((a, b) => b.mentions - a.mentions))
      out.push(`  • ${e.name}${e.nameEn ? ` (${e.nameEn})` : ''} — ${TYPE_LABELS[e.type] ?? e.type}${e.actor ? `، ${e.actor}` : ''} ×${e.mentions}`);
  }
  if (doc.events.length) {
    out.push('', 'الأحداث:');
    for (const e of doc.events) {
      out.push(`  • ${eventLine(doc, e)} — ${PLOVER_LABELS[e.plover] ?? e.plover} (CAMEO ${e.cameo}، ${e.plover})${e.mode && e.mode !== 'asserted' ? ` [${e.mode}]` : ''}`);
      if (e.quote) out.push(`      «${e.quote.text.replace(/^[«"“”]|[»"“”]$/g, '')}»`);
    }
  }
  const notes = doc.messages.filter((m) => m.severity !== 'info');
  if (notes.length) {
    out.push('', 'ملاحظات:');
    for (const m of notes) out.push(`  • [${m.code}] ${m.reason}${m.start !== undefined ? ` (${m.start}–${m.end})` : ''}`);
  }
  return out.join('\n');
}
