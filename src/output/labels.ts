/** Arabic labels shared by the text report and the HTML page. */
import type { Entity, MarsadDocument, MarsadEvent } from '../model/document.js';

export const TYPE_LABELS: Record<string, string> = {
  PER: 'شخص', ORG: 'منظمة', LOC: 'مكان', MISC: 'أخرى', DATE: 'تاريخ', TITLE: 'صفة',
};

export const PLOVER_LABELS: Record<string, string> = {
  AGREE: 'اتفاق', CONSULT: 'تشاور', SUPPORT: 'دعم', CONCEDE: 'تنازل', COOPERATE: 'تعاون', AID: 'مساعدة', RETREAT: 'تراجع',
  REQUEST: 'طلب', ACCUSE: 'اتهام', REJECT: 'رفض', THREATEN: 'تهديد', PROTEST: 'احتجاج', SANCTION: 'عقوبة', MOBILIZE: 'تعبئة',
  COERCE: 'إكراه', ASSAULT: 'اعتداء',
};

/** "حفتر ← يستقبل ← أندرسون، بنغازي": an event as a short Arabic line. */
export function eventLine(doc: MarsadDocument, e: MarsadEvent): string {
  const name = (a: { entity: string | null; text: string } | null) => {
    if (!a) return '';
    const ent = a.entity ? doc.entities.find((x: Entity) => x.id === a.entity) : undefined;
    return ent?.name ?? a.text;
  };
  const parts = [name(e.source) || '؟', e.trigger.text];
  if (e.target) parts.push(name(e.target));
  let line = parts.join(' ← ');
  if (e.location) line += `، ${name(e.location)}`;
  if (e.date) line += ` (${e.date})`;
  return line;
}
