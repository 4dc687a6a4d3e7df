/** Near-duplicate detection: MinHash signatures estimate shingle overlap; LSH bands bring close pairs together. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BANDS, NEAR_DUPLICATE_SIMILARITY, SIGNATURE_LENGTH, buckets, documentWords, fingerprint, shingles, signature, signatureFromBytes, signatureToBytes, similarity } from './minhash.js';
import { clusterId } from './clusters.js';

const BASE =
  'استقبل رئيس الحكومة صباح اليوم بقصر القصبة وفدا من البنك الدولي برئاسة المدير الإقليمي وتناول اللقاء سبل دعم مشاريع البنية التحتية ' +
  'في الولايات الداخلية وتمويل برامج التشغيل لفائدة الشباب وأكد الطرفان أهمية تسريع نسق إنجاز المشاريع المعطلة ودعم الاستثمار الخاص';

const doc = (text: string) => ({ text, tokens: [] });

function jaccard(a: Set<number>, b: Set<number>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

describe('minhash', () => {
  it('reads normalised words, without punctuation', () => {
    assert.deepEqual(documentWords(doc('قالَ الرئيسُ: «أهلاً» ٢٠٢٥!')), ['قال', 'الرئيس', 'اهلا', '2025']);
  });

  it('estimates the Jaccard similarity of shingle sets', () => {
    const a = shingles(documentWords(doc(BASE)));
    const b = shingles(documentWords(doc(BASE.replace('صباح اليوم', 'مساء أمس') + ' حسب بلاغ رسمي')));
    const estimate = similarity(signature(a)!, signature(b)!);
    assert.ok(Math.abs(estimate - jaccard(a, b)) < 0.15, `estimate ${estimate} vs ${jaccard(a, b)}`);
    assert.equal(similarity(signature(a)!, signature(a)!), 1);
  });

  it('finds a syndicated copy (credit line, small edits) as a near duplicate, not an unrelated article', () => {
    const original = fingerprint(doc(BASE));
    const copy = fingerprint(doc(`${BASE.replace('وفدا', 'وفداً')} المصدر: وكالة تونس إفريقيا للأنباء`));
    const other = fingerprint(doc('أعلنت وزارة الفلاحة عن انطلاق موسم جني الزيتون في ولايات الوسط والجنوب وتوقعت صابة قياسية هذا العام بفضل الأمطار'));
    assert.ok(similarity(original.signature!, copy.signature!) >= NEAR_DUPLICATE_SIMILARITY);
    assert.ok(original.buckets.some((b) => copy.buckets.includes(b)), 'the copy shares an LSH bucket');
    assert.ok(similarity(original.signature!, other.signature!) < 0.2);
    assert.ok(!original.buckets.some((b) => other.buckets.includes(b)));
  });

  it('gives the same words hash to copies that differ only in diacritics, tatweel and spacing', () => {
    assert.equal(fingerprint(doc('استقبل  الرئيسُ الوفدَ')).wordsHash, fingerprint(doc('استقبـــل الرئيس\nالوفد')).wordsHash);
  });

  it('stores signatures as bytes and reads them back; one bucket per band', () => {
    const sig = signature(shingles(['a', 'b', 'c', 'd']))!;
    assert.equal(sig.length, SIGNATURE_LENGTH);
    assert.deepEqual(signatureFromBytes(signatureToBytes(sig)), sig);
    assert.equal(signatureFromBytes(Buffer.alloc(3)), null);
    const bs = buckets(sig);
    assert.equal(bs.length, BANDS);
    assert.ok(bs.every((b) => Number.isSafeInteger(b) && b >= 0));
    assert.equal(signature(new Set()), null);
    assert.deepEqual(fingerprint(doc('...')).buckets, []);
  });

  it('clusters events by day, CAMEO root and actors; undated events only within their article', () => {
    const k = { date: '2025-05-20', rootCode: '04', sourceKey: 'Q1', targetKey: 'Q2', articleId: 'a1' };
    assert.equal(clusterId(k), clusterId({ ...k, articleId: 'a2' }));
    assert.notEqual(clusterId(k), clusterId({ ...k, rootCode: '05' }));
    assert.notEqual(clusterId(k), clusterId({ ...k, targetKey: 'Q3' }));
    assert.notEqual(clusterId(k), clusterId({ ...k, date: '2025-05-21' }));
    assert.notEqual(clusterId({ ...k, date: null }), clusterId({ ...k, date: null, articleId: 'a2' }));
  });
});
