/** The XML scanner fed in pieces (as a part inflates) hands over exactly what it hands over for the whole text. */
import { XmlFormatError, type XmlHandler, XmlScanner, scanXml } from '../../src/xlsx/xml';

type Event = ['open', string, string, boolean] | ['close', string] | ['text', string];

function recorder(): { events: Event[]; handler: XmlHandler } {
  const events: Event[] = [];
  return {
    events,
    handler: {
      open: (name, attrs, selfClosing) => events.push(['open', name, attrs, selfClosing]),
      close: (name) => events.push(['close', name]),
      // Each text run whole: a run cut in two where a piece ends would show here as two.
      text: (t) => events.push(['text', t]),
    },
  };
}

function whole(xml: string): Event[] {
  const r = recorder();
  scanXml(xml, r.handler);
  return r.events;
}

function inPieces(xml: string, size: number): Event[] {
  const r = recorder();
  const scanner = new XmlScanner(r.handler);
  for (let at = 0; at < xml.length; at += size) scanner.push(xml.slice(at, at + size));
  scanner.end();
  return r.events;
}

// Every kind of token, with the characters a cut could fall on: entities, '>' in quotes, CDATA, comments, prefixes.
const ROW = (i: number) =>
  `<row r="${i}"><x:c r="A${i}" t="s" note='a>b'><v>${i}</v></x:c><c r="B${i}" t="inlineStr"><is><t>&lt;第${i}行&amp;&#x4E2D;</t></is></c>` +
  `<!-- a > b --><c r="C${i}"><v><![CDATA[<${i}>]]></v></c><?pi x?><c r="D${i}"/></row>\n`;

describe('XmlScanner', () => {
  const xml = `<?xml version="1.0"?><worksheet><sheetData>${Array.from({ length: 4000 }, (_, i) => ROW(i + 1)).join('')}</sheetData></worksheet>`;
  const expected = whole(xml);

  it('the sample is large enough to be scanned before its end (several scans, cut at many places)', () => {
    expect(xml.length).toBeGreaterThan(3 * 256 * 1024);
    expect(expected.filter((e) => e[0] === 'open' && e[1] === 'c')).toHaveLength(16_000);
  });

  it.each([1, 7, 4099, 65_537, 300_000])('fed in pieces of %i characters hands over the same tags and text', (size) => {
    expect(inPieces(xml, size)).toEqual(expected);
  });

  it.each([
    ['a tag left open', '<a><b attr="x>'],
    ['a quote left open', '<a><b attr="x></b></a>'],
    ['a comment left open', '<a><!-- never closed'],
    ['a CDATA section left open', '<a><![CDATA[ never closed'],
    ['an element never closed', '<a><b></b>'],
    ['a closing tag too many', '<a></a></b>'],
  ])('%s throws the same XmlFormatError, fed whole or in pieces', (_, bad) => {
    const big = `<root>${'<p>x</p>'.repeat(60_000)}</root>${bad}`;
    const at = (feed: () => void) => {
      try {
        feed();
      } catch (e) {
        expect(e).toBeInstanceOf(XmlFormatError);
        return (e as XmlFormatError).at;
      }
      throw new Error('no error');
    };
    const wholeAt = at(() => scanXml(big, {}));
    for (const size of [1, 1000, 65_536]) expect(at(() => inPieces(big, size))).toBe(wholeAt);
  });
});
