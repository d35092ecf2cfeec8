/** The worker's inspection loop: files arriving in slices are each inspected and handed over exactly once. */
import { makeJpeg } from '../../scripts/synth-images';
import { FileFeed, inspectFiles } from '../../src/taskpane/workers/inspect-files';

const page = makeJpeg({ width: 300, height: 400, dpi: 200 });
const file = (i: number) => ({ path: `${i}/身份证.jpg`, blob: new Blob([page.slice(), new Uint8Array(i)]) });

describe('inspectFiles', () => {
  it('hands over every file once, in batches, while slices still arrive', async () => {
    const feed = new FileFeed();
    const batches: string[][] = [];
    const run = inspectFiles(feed, (infos) => batches.push(infos.map((i) => i.path)), () => false);
    for (let at = 0; at < 90; at += 20) {
      feed.add(Array.from({ length: Math.min(20, 90 - at) }, (_, k) => file(at + k)), at + 20 >= 90);
      await new Promise((r) => setTimeout(r, 1));
    }
    await run;
    const seen = batches.flat();
    expect(seen).toHaveLength(90);
    expect(new Set(seen).size).toBe(90);
    expect(batches.length).toBeGreaterThan(1);
  });

  it('stops when cancelled, and a closed feed ends the readers', async () => {
    const feed = new FileFeed();
    let cancelled = false;
    const seen: string[] = [];
    const run = inspectFiles(feed, (infos) => {
      seen.push(...infos.map((i) => i.path));
      cancelled = true;
    }, () => cancelled);
    feed.add(Array.from({ length: 200 }, (_, i) => file(i)), false);
    await new Promise((r) => setTimeout(r, 50));
    cancelled = true;
    feed.close();
    await run;
    expect(seen.length).toBeLessThan(200);
  });
});
