import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../pipeline/analyze.js';
import { checkDocument } from '../model/spans.js';
import { MarsadError } from '../model/messages.js';
import type { MarsadDocument } from '../model/document.js';
import { seedText } from '../test-support/seed.js';

const entityOf = (doc: MarsadDocument, surface: string) => {
  const m = doc.mentions.find((x) => x.text === surface && x.type !== 'TITLE');
  return m?.entity ? doc.entities.find((e) => e.id === m.entity) : undefined;
};

test('entities: the seed links every mention of its actors to one entity with codes', () => {
  const doc = analyze(seedText());
  assert.deepEqual(checkDocument(doc), []);
  const haftar = doc.entities.find((e) => e.name === 'خليفة حفتر');
  assert.equal(haftar?.type, 'PER');
  assert.equal(haftar?.actor, 'LBYMIL');
  const haftarSurfaces = doc.mentions.filter((m) => m.entity === haftar?.id && m.type === 'PER');
  assert.equal(haftarSurfaces.filter((m) => /حفتر$/.test(m.text)).length, (seedText().match(/حفتر/g) ?? []).length);
  const anderson = doc.mentions.filter((m) => /أندرسون$/.test(m.text) && m.type === 'PER');
  assert.equal(anderson.length, (seedText().match(/أندرسون/g) ?? []).length);
  assert.equal(new Set(anderson.map((m) => m.entity)).size, 1);
  assert.match(doc.entities.find((e) => e.id === anderson[0].entity)?.actor ?? '', /^USA/);
  assert.equal(entityOf(doc, 'أفريكوم')?.id, entityOf(doc, 'القيادة الأمريكية لأفريقيا')?.id);
  assert.equal(entityOf(doc, 'أفريكوم')?.type, 'ORG');
  for (const org of ['الجيش الوطني الليبي', 'داعش']) assert.equal(entityOf(doc, org)?.type, 'ORG', org);
  assert.ok(doc.mentions.some((m) => m.type === 'ORG' && m.text.startsWith('حكومة الوحدة الوطنية')));
  for (const loc of ['بنغازي', 'طرابلس', 'ليبيا', 'السودان', 'أوروبا', 'الشرق الأوسط']) assert.equal(entityOf(doc, loc)?.type, 'LOC', loc);
  assert.match(entityOf(doc, 'الولايات المتحدة')?.type ?? '', /^(LOC|ORG)$/);
  const people = doc.mentions.filter((m) => m.type === 'PER').map((m) => m.text);
  assert.deepEqual([...new Set(people)].sort(), ['أندرسون', 'حفتر', 'خليفة حفتر', 'داغفين أندرسون'].sort());
});

test('entities: titles give roles; an unnamed official is an actor of its own', () => {
  const doc = analyze(seedText());
  const title = doc.mentions.find((m) => m.type === 'TITLE' && m.text === 'الفريق');
  assert.equal(title?.role, 'MIL');
  const charge = doc.entities.find((e) => e.name === 'القائم بأعمال السفارة الأمريكية');
  assert.equal(charge?.actor, 'USAGOV');
  assert.equal(charge?.type, 'PER');
  assert.equal(charge?.mentions, 2, 'the short form later in the text is the same official');
});

test('entities: agents with a nationality get a country-and-role code', () => {
  const doc = analyze('أعلنت قوات الأمن التونسية اعتقال ثلاثة مسلحين في القصرين.');
  const agent = doc.entities.find((e) => e.name === 'قوات الأمن التونسية');
  assert.equal(agent?.actor, 'TUNCOP');
  assert.equal(agent?.type, 'ORG');
});

test('entities: dates are DATE mentions with their resolved day', () => {
  const doc = analyze({ text: 'وصل الوفد أمس إلى تونس، بعد لقاء يوم 14 مارس 2017.', date: '2017-03-16' });
  const dates = doc.mentions.filter((m) => m.type === 'DATE').map((m) => `${m.text}=${m.value}`);
  assert.deepEqual(dates, ['أمس=2017-03-15', 'يوم 14 مارس 2017=2017-03-14'.replace('يوم ', '')]);
});

test('entities: a user KB adds actors; a malformed one is an error naming its line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-kb-'));
  const good = join(dir, 'good.yaml');
  writeFileSync(good, '- id: x-fikri\n  name: فكري الزغلامي\n  nameEn: Fikri Zaghlami\n  type: PER\n  actor: TUNGOV\n  country: TUN\n  aliases: [الزغلامي]\n');
  const doc = analyze('صرح فكري الزغلامي بأن الاجتماع انتهى.', { kb: [good] });
  assert.equal(doc.entities.find((e) => e.name === 'فكري الزغلامي')?.actor, 'TUNGOV');
  const bad = join(dir, 'bad.yaml');
  writeFileSync(bad, '- id: y\n  name: اسم\n  nameEn: Name\n  type: PERSON\n  aliases: []\n');
  assert.throws(() => analyze('نص.', { kb: [bad] }), (e: unknown) => e instanceof MarsadError && e.code === 'input.invalid-kb' && /bad\.yaml:\d+: .*PERSON/.test(e.message));
});

test('entities: an unnamed title is the person the article names beside it, unless it names two', () => {
  const doc = analyze('وصل قائد أفريكوم الجنرال مايكل لانغلي إلى تونس أمس.\n\nوقال قائد أفريكوم إن المحادثات كانت مثمرة.');
  const titles = doc.mentions.filter((m) => m.type === 'TITLE' && m.text.startsWith('قائد'));
  assert.equal(titles.length, 2);
  const langley = doc.mentions.find((m) => m.type === 'PER' && /لانغلي$/.test(m.text));
  assert.ok(langley?.entity);
  assert.deepEqual(titles.map((m) => m.entity), [langley.entity, langley.entity]);
  assert.match(doc.entities.find((e) => e.id === langley.entity)?.actor ?? '', /^USA/);
  // Apposition after the name, and a title given to two people stays nobody's.
  const two = analyze('التقى أحمد سالم، المتحدث باسم الحكومة، بالصحفيين.\n\nوقال محمود علي، المتحدث باسم الحكومة، إن الاجتماع تأجل.');
  const spokesman = two.mentions.filter((m) => m.type === 'TITLE' && m.text.startsWith('المتحدث'));
  for (const m of spokesman) assert.ok(!m.entity || m.entity.startsWith('agent:') || new Set(spokesman.map((x) => x.entity)).size === spokesman.length, JSON.stringify(spokesman));
});

test('entities: warplanes, warships and tanks with a nisba act for that country\'s military', () => {
  const doc = analyze('وأطلقت مدمرتان أمريكيتان عشرات الصواريخ، وقصفت المقاتلات الإسرائيلية مواقع في غزة.');
  const actors = doc.mentions.filter((m) => m.entity).map((m) => doc.entities.find((e) => e.id === m.entity)?.actor);
  assert.ok(actors.includes('USAMIL'), JSON.stringify(actors));
  assert.ok(actors.includes('ISRMIL'), JSON.stringify(actors));
});
