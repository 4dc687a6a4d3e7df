/** A quad class as a labelled chip: colour plus the class number and words. */
import { isQuadClass } from '../../../src/web/lib/network.js';
import { useLocale } from '../i18n/locale.js';

export function QuadClassChip({ quadClass }: { quadClass: number }) {
  const { t, number } = useLocale();
  if (!isQuadClass(quadClass)) return null;
  return <span class={`quad quad-${quadClass}`}>{number(quadClass)} · {t(`quad${quadClass}`)}</span>;
}
