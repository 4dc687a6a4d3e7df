/** Feeds: RSS 2.0, Atom and RDF items; DOCTYPE tricks refused; malformed feeds reported with where they broke. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { looksLikeFeed, parseFeed } from './feed.js';
import { isMarsadError } from '../model/messages.js';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>أخبار ليبيا</title>
<item><title>حفتر يستقبل قائد أفريكوم</title><link>https://libya.example/a/1</link><guid>urn:a1</guid>
<pubDate>Tue, 20 May 2025 10:00:00 GMT</pubDate><description>ملخص قصير&nbsp;…</description>
<content:encoded><![CDATA[<p>استقبل المشير خليفة حفتر قائد أفريكوم في بنغازي.</p>]]></content:encoded></item>
<item><title>تظاهرة في تونس</title><link>https://libya.example/a/2</link><pubDate>Wed, 21 May 2025 08:00:00 +0100</pubDate>
<description>&lt;p&gt;تظاهر مئات في تونس.&lt;/p&gt;</description></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>وكالة</title>
<entry><title>خبر أول</title><id>tag:x,2025:1</id><updated>2025-05-20T10:00:00Z</updated>
<link rel="alternate" href="https://agency.example/1"/><link rel="enclosure" href="https://agency.example/1.jpg"/>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>نص <b>الخبر</b> كاملا.</p></div></content></entry>
<entry><title>خبر ثان</title><id>tag:x,2025:2</id><published>2025-05-21</published><summary>ملخص</summary><link href="https://agency.example/2"/></entry>
</feed>`;

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<rss version="2.0"><channel><item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>`;

const XXE = `<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><item><title>x</title><description>&xxe;</description></item></channel></rss>`;

describe('feeds', () => {
  it('reads RSS 2.0 items: key, title, link, date, full content or summary', () => {
    const f = parseFeed(RSS);
    assert.equal(f.format, 'rss');
    assert.equal(f.title, 'أخبار ليبيا');
    assert.equal(f.items.length, 2);
    assert.deepEqual([f.items[0].key, f.items[0].date, f.items[0].full, f.items[0].link], ['urn:a1', '2025-05-20', true, 'https://libya.example/a/1']);
    assert.match(f.items[0].html, /<p>استقبل المشير/);
    assert.deepEqual([f.items[1].key, f.items[1].full, f.items[1].html], ['https://libya.example/a/2', false, '<p>تظاهر مئات في تونس.</p>']);
    assert.equal(f.error, null);
  });

  it('reads Atom entries: alternate link, id, dates, xhtml content as text', () => {
    const f = parseFeed(ATOM);
    assert.equal(f.format, 'atom');
    assert.deepEqual(f.items.map((i) => [i.key, i.link, i.date, i.full]), [
      ['tag:x,2025:1', 'https://agency.example/1', '2025-05-20', true],
      ['tag:x,2025:2', 'https://agency.example/2', '2025-05-21', false],
    ]);
    assert.match(f.items[0].html, /نص\s*الخبر\s*كاملا/);
  });

  it('refuses a billion-laughs feed without expanding anything', () => {
    const t = Date.now();
    assert.throws(() => parseFeed(BILLION_LAUGHS, 'bomb.rss'), (e: unknown) => isMarsadError(e) && e.code === 'feed.unsafe' && /DOCTYPE/.test(e.message));
    assert.ok(Date.now() - t < 1000);
  });

  it('refuses an external entity (XXE) feed', () => {
    assert.throws(() => parseFeed(XXE), (e: unknown) => isMarsadError(e) && e.code === 'feed.unsafe');
  });

  it('keeps the items before a fault in a malformed feed, and says where it broke', () => {
    const broken = RSS.replace('</channel></rss>', '<item><title>نصف</title><description>غير مغلق</item></channel>');
    const f = parseFeed(broken);
    assert.equal(f.items.length, 2);
    assert.match(f.error ?? '', /^line \d+:/);
  });

  it('reports something that is no feed, or breaks at once, as feed.invalid', () => {
    assert.throws(() => parseFeed('<html><body>not a feed</body></html>'), (e: unknown) => isMarsadError(e) && e.code === 'feed.invalid');
    assert.throws(() => parseFeed('<rss><channel><item><title>x</titl'), (e: unknown) => isMarsadError(e) && e.code === 'feed.invalid' && /line \d+/.test(e.message));
    assert.throws(() => parseFeed('not xml at all'), (e: unknown) => isMarsadError(e) && e.code === 'feed.invalid');
  });

  it('sniffs feeds from their first bytes', () => {
    assert.equal(looksLikeFeed(RSS), true);
    assert.equal(looksLikeFeed(ATOM), true);
    assert.equal(looksLikeFeed('<!doctype html><html><body><rss>'), false);
    assert.equal(looksLikeFeed('استقبل المشير'), false);
  });
});
