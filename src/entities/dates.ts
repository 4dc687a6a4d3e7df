/**
 * Date expressions in Arabic news and their resolution to ISO days:
 * «14 مارس 2017»، «الثلاثاء 14 جانفي»، «2017/03/14»، «12 رمضان 1438 هـ»،
 * «يوم الثلاثاء»، «أمس»، «الأسبوع الماضي»، «مؤخرًا».
 *
 * Month names come in their Egyptian/Gulf (مارس، أبريل), Levantine (آذار، نيسان),
 * Maghrebi (أفريل، جوان، جويلية، أوت) and Hijri forms. Relative words resolve
 * against the article's date; without one (or for vague words like مؤخرًا) the
 * value is null and the caller says so in a message.
 */
import type { Token } from '../model/document.js';
import { normalize } from '../arabic/normalize.js';
import { ymd } from '../ingest/dates.js';

export interface DateMention {
  start: number;
  end: number;
  /** ISO day, or null when the expression cannot be pinned to a day. */
  value: string | null;
  /** Why the value is null: 'relative' (no article date), 'vague' (مؤخرا), 'partial' (a month or a year). */
  unresolved?: 'relative' | 'vague' | 'partial';
}

/** Gregorian month names (normalised) → month number. */
const GREGORIAN_MONTHS: Record<string, number> = {};
const add = (names: string, month: number) => {
  for (const n of names.split(' ')) GREGORIAN_MONTHS[normalize(n)] = month;
};
add('يناير جانفي', 1);
add('فبراير فيفري', 2);
add('مارس', 3);
add('أبريل ابريل إبريل أفريل افريل', 4);
add('مايو ماي', 5);
add('يونيو يونيه جوان', 6);
add('يوليو يوليه جويلية جويليه', 7);
add('أغسطس اغسطس أوت اوت آب', 8);
add('سبتمبر أيلول شتنبر', 9);
add('أكتوبر اكتوبر', 10);
add('نوفمبر نونبر', 11);
add('ديسمبر دجنبر', 12);
add('شباط', 2);
add('آذار', 3);
add('نيسان', 4);
add('أيار', 5);
add('حزيران', 6);
add('تموز', 7);
/** Two-word Levantine months: تشرين الأول، تشرين الثاني، كانون الأول، كانون الثاني. */
const LEVANTINE_PAIRS: Record<string, Record<string, number>> = {
  [normalize('تشرين')]: { [normalize('الأول')]: 10, [normalize('الثاني')]: 11 },
  [normalize('كانون')]: { [normalize('الأول')]: 12, [normalize('الثاني')]: 1 },
};

/** Hijri months (normalised; two-word names by their first word and a qualifier). */
const HIJRI_MONTHS: Record<string, number> = {
  [normalize('محرم')]: 1, [normalize('صفر')]: 2, [normalize('رجب')]: 7, [normalize('شعبان')]: 8, [normalize('رمضان')]: 9, [normalize('شوال')]: 10,
};
const HIJRI_PAIRS: Record<string, Record<string, number>> = {
  [normalize('ربيع')]: { [normalize('الأول')]: 3, [normalize('الثاني')]: 4, [normalize('الآخر')]: 4 },
  [normalize('جمادى')]: { [normalize('الأولى')]: 5, [normalize('الأول')]: 5, [normalize('الثانية')]: 6, [normalize('الآخرة')]: 6, [normalize('الثاني')]: 6 },
  [normalize('ذو')]: { [normalize('القعدة')]: 11, [normalize('الحجة')]: 12 },
  [normalize('ذي')]: { [normalize('القعدة')]: 11, [normalize('الحجة')]: 12 },
};

/** Weekdays (normalised, with the article) → JavaScript day number (Sunday 0). */
const WEEKDAYS: Record<string, number> = {
  [normalize('الأحد')]: 0, [normalize('الاثنين')]: 1, [normalize('الإثنين')]: 1, [normalize('الثلاثاء')]: 2, [normalize('الأربعاء')]: 3,
  [normalize('الخميس')]: 4, [normalize('الجمعة')]: 5, [normalize('السبت')]: 6,
};
/** Words after a weekday that move it: الماضي (last), القادم/المقبل (next). */
const PAST_WORDS = new Set(['الماضي', 'الماضيه', 'المنصرم', 'المنقضي'].map((w) => normalize(w)));
const NEXT_WORDS = new Set(['القادم', 'القادمه', 'المقبل', 'المقبله'].map((w) => normalize(w)));

/** Single words relative to the article's date, in days. */
const RELATIVE_DAYS: Record<string, number> = {
  [normalize('اليوم')]: 0, [normalize('الليلة')]: 0, [normalize('أمس')]: -1, [normalize('البارحة')]: -1, [normalize('غدا')]: 1, [normalize('غدًا')]: 1,
};
/** Words that name a time without a day: مؤخرا، قريبا، حاليا. */
const VAGUE = new Set(['مؤخرا', 'مؤخرًا', 'قريبا', 'قريبًا', 'حاليا', 'حاليًا', 'لاحقا', 'لاحقًا'].map((w) => normalize(w)));
/** Periods relative to the article: الأسبوع الماضي، الشهر الماضي، العام الماضي. */
const PERIODS = new Set(['الأسبوع', 'الشهر', 'العام', 'السنة'].map((w) => normalize(w)));

const HIJRI_SUFFIX = new Set([normalize('هـ'), normalize('ه'), normalize('هجري'), normalize('هجرية')]);
const DAY_RE = /^\d{1,2}$/;
const YEAR_RE = /^\d{4}$/;
const NUMERIC_DATE = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})$/;
const MS_PER_DAY = 86_400_000;

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return new Date(d.getTime() + days * MS_PER_DAY).toISOString().slice(0, 10);
}

function weekdayOf(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

/** Days either side of the tabular estimate searched for the Umm al-Qura date. */
const UMM_AL_QURA_WINDOW = 3;
let ummAlQura: Intl.DateTimeFormat | null | undefined;

/** The Umm al-Qura calendar of the runtime's ICU, or null where it is missing. */
function ummAlQuraFormat(): Intl.DateTimeFormat | null {
  if (ummAlQura === undefined) {
    try {
      ummAlQura = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' });
    } catch {
      ummAlQura = null;
    }
  }
  return ummAlQura;
}

/**
 * Hijri to Gregorian: the tabular (Kuwaiti) estimate, corrected to the Umm
 * al-Qura calendar when the runtime has it (the two differ by a day or two).
 */
export function hijriToGregorian(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 30 || year < 1) return null;
  const jd = Math.floor((11 * year + 3) / 30) + 354 * year + 30 * month - Math.floor((month - 1) / 2) + day + 1948440 - 385;
  const estimate = new Date((jd - 2440587.5) * MS_PER_DAY + MS_PER_DAY / 2).toISOString().slice(0, 10);
  const fmt = ummAlQuraFormat();
  if (!fmt) return estimate;
  for (let k = 0; k <= UMM_AL_QURA_WINDOW; k++) {
    for (const d of k ? [addDays(estimate, -k), addDays(estimate, k)] : [estimate]) {
      const parts = Object.fromEntries(fmt.formatToParts(new Date(`${d}T12:00:00Z`)).map((p) => [p.type, p.value]));
      if (Number(parts.day) === day && Number(parts.month) === month && parseInt(parts.year ?? parts.relatedYear, 10) === year) return d;
    }
  }
  return estimate;
}

/** The day-and-month's year that puts it closest before (or just after) the article's date. */
function yearFor(month: number, day: number, articleDate: string | null): number | null {
  if (!articleDate) return null;
  const y = Number(articleDate.slice(0, 4));
  const candidate = ymd(y, month, day);
  // News reports the recent past: a date more than two months ahead belongs to last year.
  if (candidate && candidate > addDays(articleDate, 62)) return y - 1;
  return y;
}

/**
 * Finds date expressions in the word and number tokens of a text, resolving them
 * against `articleDate` (ISO) when given.
 */
export function findDates(text: string, tokens: readonly Token[], articleDate: string | null): DateMention[] {
  const out: DateMention[] = [];
  const n = tokens.length;
  const norm = (i: number) => (i < n ? stemless(tokens[i]) : '');
  let i = 0;
  while (i < n) {
    const t = tokens[i];
    const w = norm(i);
    // 2017/03/14, 14-03-2017
    if (t.kind === 'number') {
      const m = NUMERIC_DATE.exec(normalize(text.slice(t.start, t.end)));
      if (m) {
        const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
        const value = m[1].length === 4 ? ymd(a, b, c) : m[3].length === 4 ? ymd(c, b, a) : null;
        if (value) {
          out.push({ start: t.start, end: t.end, value });
          i++;
          continue;
        }
      }
    }
    // [weekday] [day] month [year] [هـ]
    const found = matchCalendarDate(text, tokens, i, articleDate);
    if (found) {
      out.push(found.mention);
      i = found.next;
      continue;
    }
    // اليوم، أمس، غدا
    if (w in RELATIVE_DAYS && t.kind === 'word') {
      out.push(relative(t.start, t.end, articleDate, (d) => addDays(d, RELATIVE_DAYS[w])));
      i++;
      continue;
    }
    // أول أمس / أمس الأول
    if (w === normalize('أول') && norm(i + 1) === normalize('أمس')) {
      out.push(relative(t.start, tokens[i + 1].end, articleDate, (d) => addDays(d, -2)));
      i += 2;
      continue;
    }
    if (VAGUE.has(w)) {
      out.push({ start: t.start, end: t.end, value: null, unresolved: 'vague' });
      i++;
      continue;
    }
    // الأسبوع الماضي، الشهر المقبل: a period, not a day.
    if (PERIODS.has(w) && (PAST_WORDS.has(norm(i + 1)) || NEXT_WORDS.has(norm(i + 1)))) {
      out.push({ start: t.start, end: tokens[i + 1].end, value: null, unresolved: 'partial' });
      i += 2;
      continue;
    }
    i++;
  }
  return out;
}

function relative(start: number, end: number, articleDate: string | null, shift: (d: string) => string): DateMention {
  return articleDate ? { start, end, value: shift(articleDate) } : { start, end, value: null, unresolved: 'relative' };
}

/** The token's normalised form without a leading و/ف/ب/ل conjunction or preposition (وأمس، بتاريخ). */
function stemless(t: Token): string {
  if (!t.segments) return t.norm;
  const from = t.segments.findIndex((s) => s.role !== 'conj' && s.role !== 'prep');
  return from <= 0 ? t.norm : t.segments.slice(from).map((s) => s.norm).join('');
}

function monthAt(tokens: readonly Token[], i: number): { month: number; hijri: boolean; length: number } | null {
  if (i >= tokens.length) return null;
  const w = stemless(tokens[i]);
  if (w in GREGORIAN_MONTHS) return { month: GREGORIAN_MONTHS[w], hijri: false, length: 1 };
  if (w in HIJRI_MONTHS) return { month: HIJRI_MONTHS[w], hijri: true, length: 1 };
  const next = i + 1 < tokens.length ? tokens[i + 1].norm : '';
  if (LEVANTINE_PAIRS[w]?.[next]) return { month: LEVANTINE_PAIRS[w][next], hijri: false, length: 2 };
  if (HIJRI_PAIRS[w]?.[next]) return { month: HIJRI_PAIRS[w][next], hijri: true, length: 2 };
  return null;
}

/** [weekday] [day] month [year] [هـ], or a weekday alone (with الماضي/القادم). */
function matchCalendarDate(text: string, tokens: readonly Token[], i: number, articleDate: string | null): { mention: DateMention; next: number } | null {
  const n = tokens.length;
  let j = i;
  let weekday: number | undefined;
  // "يوم الثلاثاء": the word يوم belongs to the expression.
  if (stemless(tokens[j]) === normalize('يوم') && j + 1 < n && stemless(tokens[j + 1]) in WEEKDAYS) j++;
  if (stemless(tokens[j]) in WEEKDAYS) {
    weekday = WEEKDAYS[stemless(tokens[j])];
    j++;
    if (j < n && tokens[j].kind === 'punct' && tokens[j].norm === '،' && j + 1 < n && DAY_RE.test(tokens[j + 1].norm)) j++;
  }
  let day: number | undefined;
  if (j < n && tokens[j].kind === 'number' && DAY_RE.test(tokens[j].norm)) {
    const month = monthAt(tokens, j + 1);
    if (month) {
      day = Number(tokens[j].norm);
      j++;
    }
  }
  const month = monthAt(tokens, j);
  if (month && (day !== undefined || weekday !== undefined || (j + month.length < n && YEAR_RE.test(tokens[j + month.length].norm)))) {
    j += month.length;
    let year: number | null = null;
    if (j < n && tokens[j].kind === 'number' && YEAR_RE.test(tokens[j].norm)) {
      year = Number(tokens[j].norm);
      j++;
    }
    let hijri = month.hijri;
    if (j < n && HIJRI_SUFFIX.has(tokens[j].norm)) {
      hijri = true;
      j++;
      if (j < n && tokens[j].norm === '.') j++;
    }
    const end = tokens[j - 1].end;
    const start = tokens[i].start;
    if (day === undefined) return { mention: { start, end, value: null, unresolved: 'partial' }, next: j };
    let value: string | null;
    if (hijri) value = year ? hijriToGregorian(year, month.month, day) : null;
    else {
      const y = year ?? yearFor(month.month, day, articleDate);
      value = y ? ymd(y, month.month, day) : null;
    }
    return { mention: value ? { start, end, value } : { start, end, value: null, unresolved: 'relative' }, next: j };
  }
  if (weekday === undefined) return null;
  // A weekday alone: the last such day on or before the article's date (news reports the past),
  // or the one before/after it with الماضي / القادم.
  const after = j < n ? stemless(tokens[j]) : '';
  const past = PAST_WORDS.has(after);
  const next = NEXT_WORDS.has(after);
  const end = past || next ? tokens[j].end : tokens[j - 1].end;
  const mention = relative(tokens[i].start, end, articleDate, (d) => {
    const back = (weekdayOf(d) - (weekday as number) + 7) % 7;
    if (next) return addDays(d, ((weekday as number) - weekdayOf(d) + 7) % 7 || 7);
    return addDays(d, -(past && back === 0 ? 7 : back));
  });
  return { mention, next: past || next ? j + 1 : j };
}
