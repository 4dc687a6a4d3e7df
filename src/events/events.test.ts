import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../pipeline/analyze.js';
import { checkDocument } from '../model/spans.js';
import type { MarsadDocument, MarsadEvent } from '../model/document.js';
import { seedText } from '../test-support/seed.js';

const name = (doc: MarsadDocument, a: MarsadEvent['source']) => (a?.entity ? doc.entities.find((e) => e.id === a.entity)?.name : a?.text) ?? null;
const brief = (doc: MarsadDocument) => doc.events.map((e) => `${e.plover}:${e.cameo} ${name(doc, e.source)} → ${name(doc, e.target)}${e.mode && e.mode !== 'asserted' ? ` [${e.mode}]` : ''}`);

/** Every argument is a mention of the event's own sentence (or an earlier mention of the same entity). */
function assertTraceable(doc: MarsadDocument): void {
  for (const e of doc.events) {
    const s = doc.sentences[e.sentence];
    assert.ok(e.trigger.start >= s.start && e.trigger.end <= s.end, 'trigger inside its sentence');
    for (const a of [e.source, e.target]) {
      if (!a) continue;
      const m = doc.mentions.find((x) => x.start === a.start && x.end === a.end);
      assert.ok(m, `argument ${a.text} is a mention`);
      assert.equal(m?.entity, a.entity);
      assert.ok(a.start >= s.start ? a.end <= s.end : doc.mentions.some((x) => x.entity === a.entity && x.start >= s.start), 'argument in the sentence or an earlier mention of an entity in it');
    }
    assert.notEqual(e.source?.entity ?? 'a', e.target?.entity ?? 'b', 'no event of an actor on itself');
  }
}

test('events: the seed has the Benghazi meeting, the two statements with quotes, and nothing violent', () => {
  const doc = analyze(seedText());
  assert.deepEqual(checkDocument(doc), []);
  assertTraceable(doc);
  const meeting = doc.events.find((e) => e.plover === 'CONSULT' && e.location?.text === 'بنغازي');
  assert.ok(meeting, brief(doc).join('\n'));
  assert.match(meeting.cameo, /^04\d$/);
  assert.equal(name(doc, meeting.source), 'خليفة حفتر');
  assert.match(meeting.source?.actor ?? '', /^LBY/);
  assert.match(meeting.target?.actor ?? '', /^USA/);
  assert.ok((meeting.mentions ?? 1) >= 2, 'the title and the lead report the same meeting');
  const wish = doc.events.find((e) => name(doc, e.source) === 'خليفة حفتر' && /^0[35]/.test(e.cameo) && e.quote);
  assert.ok(wish, 'Haftar\'s stated wish to strengthen cooperation');
  assert.match(wish.quote?.text ?? '', /تعزيز التعاون مع أفريكوم/);
  const support = doc.events.find((e) => name(doc, e.source) === 'داغفين أندرسون' && /^0[35]/.test(e.cameo) && e.quote);
  assert.ok(support, 'Anderson\'s affirmation of US support');
  assert.ok(!doc.events.some((e) => e.plover === 'ASSAULT'));
  assert.ok(doc.events.length <= 12);
});

test('events: verb–subject–object, with the place', () => {
  const doc = analyze('استقبل الرئيس التونسي قيس سعيد وزير الخارجية الفرنسي جان إيف لودريان في قصر قرطاج.');
  const e = doc.events.find((x) => x.plover === 'CONSULT');
  assert.equal(e?.cameo, '043');
  assert.equal(name(doc, e?.source ?? null), 'قيس سعيد');
  assert.match(e?.target?.text ?? '', /لودريان|وزير الخارجية الفرنسي/);
  assertTraceable(doc);
});

test('events: subject–verb–object and a target after مع', () => {
  const doc = analyze('وزير الدفاع الأمريكي يلتقي مع المشير خليفة حفتر في بنغازي.');
  const e = doc.events.find((x) => x.plover === 'CONSULT');
  assert.equal(name(doc, e?.target ?? null), 'خليفة حفتر');
  assert.equal(e?.location?.text, 'بنغازي');
});

test('events: negated and future events are flagged, not asserted', () => {
  const negated = analyze('لم يلتق المشير خليفة حفتر بالسفير الأمريكي في بنغازي.');
  assert.deepEqual(negated.events.map((e) => e.mode), ['negated']);
  const future = analyze('سيلتقي المشير خليفة حفتر بالسفير الأمريكي في بنغازي.');
  assert.deepEqual(future.events.map((e) => e.mode), ['future']);
  assert.ok(future.messages.some((m) => m.code === 'events.not-factual'));
});

test('events: a passive with من قبل puts the agent in the source', () => {
  const doc = analyze('اعتُقل ثلاثة مسلحين من قبل قوات الأمن التونسية في القصرين.');
  const e = doc.events.find((x) => x.plover === 'COERCE');
  assert.equal(name(doc, e?.source ?? null), 'قوات الأمن التونسية');
  assert.match(e?.target?.text ?? '', /مسلحين/);
});

test('events: the date is the one named in the sentence, else the article\'s; vague words leave it null', () => {
  const named = analyze({ text: 'التقى المشير خليفة حفتر بالسفير الأمريكي في بنغازي يوم 14 مارس 2017.', date: '2017-03-16' });
  assert.equal(named.events[0]?.date, '2017-03-14');
  const article = analyze({ text: 'التقى المشير خليفة حفتر بالسفير الأمريكي في بنغازي.', date: '2017-03-16' });
  assert.equal(article.events[0]?.date, '2017-03-16');
  const vague = analyze({ text: 'التقى المشير خليفة حفتر بالسفير الأمريكي في بنغازي مؤخرا.', date: '2017-03-16' });
  assert.equal(vague.events[0]?.date, null);
  assert.ok(vague.messages.some((m) => m.code === 'date.relative'));
});

test('events: a counted object after the subject makes an often-passive verb active (VSO)', () => {
  const doc = analyze('قتلت القوات الأمريكية 11 مسلحا في عملية فجر أمس بمدينة الكوت.');
  const kill = doc.events.find((e) => e.plover === 'ASSAULT');
  assert.ok(kill, brief(doc).join('\n'));
  assert.match(kill.source?.text ?? '', /القوات الأمريكية/);
  assert.match(kill.source?.actor ?? '', /^USA/);
  // Without an object the same verb stays passive: the soldiers were killed.
  const passive = analyze('قتل جنود أمريكيون في انفجار عبوة ناسفة ببغداد أمس.');
  const killed = passive.events.find((e) => e.plover === 'ASSAULT' && (e.source || e.target));
  assert.ok(!killed || !/جنود/.test(killed.source?.text ?? ''), brief(passive).join('\n'));
});

test('events: protesters who gather or take to the streets, and actions taken «احتجاجا على», are protests', () => {
  for (const text of [
    'احتشد الآلاف من المتظاهرين أمس قبالة البرلمان للمطالبة باستقالة الحكومة.',
    'وتجمع نحو 500 متظاهر في محيط المحكمة العليا في إسلام آباد.',
    'وأغلق سائقو سيارات الأجرة الطريق الرئيسي احتجاجا على رفع أسعار الوقود.',
  ]) {
    const doc = analyze(text);
    assert.ok(doc.events.some((e) => e.plover === 'PROTEST' && (e.mode ?? 'asserted') === 'asserted'), `${text}\n${brief(doc).join('\n')}`);
  }
  // A noun of protest with nothing anchoring it is a topic, not a report.
  const topic = analyze('ويناقش المؤتمر ظاهرة الاحتجاج في المجتمعات الحديثة.');
  assert.ok(!topic.events.some((e) => e.plover === 'PROTEST' && (e.mode ?? 'asserted') === 'asserted'), brief(topic).join('\n'));
});

test('events: a later report that names no actor is another mention of the happening before it', () => {
  const doc = analyze('مقتل خمسة جنود في هجوم شنه مسلحون على حاجز للجيش في سيناء.\n\nوقالت مصادر أمنية إن الهجوم وقع فجر اليوم، وإن الهجوم استهدف الحاجز بقذائف صاروخية.');
  const attacks = doc.events.filter((e) => e.plover === 'ASSAULT' && e.cameo.startsWith('18'));
  assert.equal(attacks.length, 1, brief(doc).join('\n'));
  assert.ok((attacks[0].mentions ?? 1) >= 2);
});

test('events: «أنها رفضت» after a speech verb takes the speaker as the subject', () => {
  const doc = analyze('وأعلنت وزارة الخارجية الإيرانية أنها رفضت منح تأشيرات دخول لأعضاء في الكونغرس الأمريكي.');
  const reject = doc.events.find((e) => e.plover === 'REJECT');
  assert.ok(reject, brief(doc).join('\n'));
  assert.match(reject.source?.text ?? '', /وزارة الخارجية الإيرانية/);
  assert.match(reject.source?.actor ?? '', /^IRN/);
});

test('events: who claims an attack carried it out; a city after the noun is where it happened', () => {
  const doc = analyze('"داعش" يتبنى هجوم لندن');
  const attack = doc.events.find((e) => e.plover === 'ASSAULT');
  assert.ok(attack, brief(doc).join('\n'));
  assert.match(attack.source?.text ?? '', /داعش/);
  assert.notEqual(attack.target?.text, 'لندن');
});

test('events: a verbal noun whose genitive is followed by its object has the genitive as agent', () => {
  const doc = analyze('وجاء ذلك خلال استقبال خامنئي مساء السبت وفدا من البرلمان العراقي في طهران.');
  const meeting = doc.events.find((e) => e.plover === 'CONSULT');
  assert.ok(meeting, brief(doc).join('\n'));
  assert.match(meeting.source?.text ?? '', /خامنئي/);
});

test('events: an indefinite noun before an often-passive verb is its patient, and no agent is guessed', () => {
  const doc = analyze('ونقلت الصحيفة صورا لشابين وفتاة مراهقة اعتقلوا في مونبلييه جنوب البلاد.');
  const arrest = doc.events.find((e) => e.trigger.text === 'اعتقلوا');
  assert.ok(arrest, brief(doc).join('\n'));
  assert.equal(arrest.source, null);
  assert.match(arrest.target?.text ?? '', /فتاة|شابين/);
});

test('events: «اتفقا» and «الجانبان» take up the two parties of the talks just told', () => {
  const doc = analyze('بحث وزير الخارجية التونسي خميس الجهيناوي اليوم بالقاهرة مع وزير الخارجية المصري سامح شكري تطورات الأوضاع في ليبيا.\n\nكما اتفقا على مواصلة التنسيق والتشاور بين البلدين.');
  const agree = doc.events.find((e) => e.plover === 'AGREE');
  assert.ok(agree, brief(doc).join('\n'));
  assert.match(agree.source?.text ?? '', /الجهيناوي/);
  assert.match(agree.target?.text ?? '', /شكري/);
  assert.deepEqual(checkDocument(doc), []);
});

test('events: talks «with» a titled person, told in a clause of a known speaker, are the speaker\'s', () => {
  const doc = analyze('وأوضح ستيفان لوفين في مؤتمر صحفي عقب مباحثات مع رئيس وزراء مالطا جوزيف موسكات أنه من الأهمية تقاسم الأعباء.');
  const talks = doc.events.find((e) => e.plover === 'CONSULT');
  assert.ok(talks, brief(doc).join('\n'));
  assert.match(talks.source?.text ?? '', /لوفين/);
  assert.match(talks.target?.text ?? '', /موسكات/);
  assert.match(talks.target?.actor ?? '', /^MLT/);
});

test('events: a town or a region is where an event happened, never who did it or suffered it', () => {
  const doc = analyze('وأسفر هجوم نيس عن مقتل 84 شخصا.');
  assert.ok(doc.mentions.some((m) => m.text === 'نيس' && m.type === 'LOC'));
  for (const e of doc.events) {
    for (const a of [e.source, e.target]) {
      if (!a?.entity) continue;
      const type = doc.entities.find((x) => x.id === a.entity)?.type;
      assert.ok(type !== 'LOC' || /^(country|metonym):/.test(a.entity), `${a.text} (${a.entity}) as an actor\n${brief(doc).join('\n')}`);
    }
  }
});

test('events: «قال الجيش إن جنوده قتلوا» gives the speaker\'s forces as the agent', () => {
  const doc = analyze('وقال الجيش الأمريكي إن جنوده قتلوا خمسة مسلحين أمس خلال غارة شمال بغداد.');
  const kill = doc.events.find((e) => e.plover === 'ASSAULT' && e.trigger.text === 'قتلوا');
  assert.ok(kill, brief(doc).join('\n'));
  assert.match(kill.source?.text ?? '', /الجيش الأمريكي/);
  assert.match(kill.source?.actor ?? '', /^USA/);
});

test('events: the toll of an act («ما أسفر عن مقتل») is the actor\'s', () => {
  const doc = analyze('وفجرت انتحارية ترتدي حزاما ناسفا نفسها في سوق بلدة خان بني سعد ما أسفر عن مقتل ثمانية أشخاص.');
  const toll = doc.events.find((e) => e.trigger.text === 'مقتل');
  assert.ok(toll, brief(doc).join('\n'));
  assert.match(toll.source?.text ?? '', /انتحارية/);
});

test('events: right after a relative pronoun the antecedent is the subject and the actor after the verb its object', () => {
  const doc = analyze('وقتلت قوات الأمن المسلحين الذين استهدفوا الجنود الأمريكيين قرب الحدود.');
  const attack = doc.events.find((e) => e.trigger.text === 'استهدفوا');
  assert.ok(attack, brief(doc).join('\n'));
  assert.match(attack.source?.text ?? '', /المسلحين/);
  assert.match(attack.target?.text ?? '', /الجنود/);
});

test('events: a participle after the main clause (منوها، رافضا) has the main verb\'s subject', () => {
  const doc = analyze('وشدد راشد الغنوشي، في تصريح صحفي، على ضرورة حماية مؤسسات الدولة، منوها بدور الرئيس الباجي قائد السبسي.');
  const praise = doc.events.find((e) => e.trigger.text === 'منوها');
  assert.ok(praise, brief(doc).join('\n'));
  assert.match(praise.source?.text ?? '', /الغنوشي/);
  assert.match(praise.target?.text ?? '', /السبسي/);
});

test('events: «بين X و Y» after a short clause on the noun names both parties', () => {
  const doc = analyze('ورغم الاتفاق الذي تم التوصل إليه بين الاتحاد الأوروبي وتركيا، ما زال المهاجرون يصلون إلى اليونان.');
  const deal = doc.events.find((e) => e.plover === 'AGREE');
  assert.ok(deal, brief(doc).join('\n'));
  assert.match(deal.source?.text ?? '', /الاتحاد الأوروبي/);
  assert.match(deal.target?.text ?? '', /تركيا/);
});

test('events: «الاجتماع الذي عقده X مع Y» names who held the meeting and with whom', () => {
  const doc = analyze('وتم خلال الاجتماع الذي عقده رئيس الحكومة يوسف الشاهد مع الاتحاد العام التونسي للشغل بحث الأوضاع.');
  const meeting = doc.events.find((e) => e.plover === 'CONSULT');
  assert.ok(meeting, brief(doc).join('\n'));
  assert.match(meeting.source?.text ?? '', /الشاهد/);
  assert.match(meeting.target?.text ?? '', /الاتحاد العام التونسي للشغل/);
});
