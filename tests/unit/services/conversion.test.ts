/**
 * Converting videos the platform cannot decode: the real bundled ffmpeg on clips made from a
 * shared video (tests/support/video-formats.ts), the real services and SQLite file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, truncateSync, copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_FORMATS, EncodedPacketSink, FilePathSource, Input } from 'mediabunny';
import type { VideoConversion } from '../../../shared/contract/entities.ts';
import { ServiceError } from '../../../shared/contract/dispatch.ts';
import { tempServices, visitWithVideo } from '../../support/services.ts';
import { videoFormats, type FormatName, type FormatSet } from '../../support/video-formats.ts';

/** Every packet's presentation time (s), in order, and the file's raw metadata tags. */
async function read(path: string): Promise<{ timestamps: number[]; codec: string | null; tags: Record<string, unknown> }> {
  const input = new Input({ source: new FilePathSource(path), formats: ALL_FORMATS });
  try {
    const track = (await input.getPrimaryVideoTrack())!;
    const timestamps: number[] = [];
    for await (const packet of new EncodedPacketSink(track).packets(undefined, undefined, { metadataOnly: true })) timestamps.push(packet.timestamp);
    return { timestamps: timestamps.sort((a, b) => a - b), codec: await track.getCodec(), tags: (await input.getMetadataTags()).raw ?? {} };
  } finally {
    input.dispose();
  }
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function formats(t: { skip: (reason: string) => void }): FormatSet | null {
  const set = videoFormats();
  if ('skip' in set) {
    t.skip(set.skip);
    return null;
  }
  return set;
}

const CONVERTED: { name: FormatName; container: string }[] = [
  { name: 'hevc8Mov', container: 'mov' },
  { name: 'hevc10Mov', container: 'mov' },
  { name: 'mjpegAvi', container: 'avi' },
  { name: 'mpeg4Avi', container: 'avi' },
  { name: 'h264Ts', container: 'ts' },
  { name: 'avchdMts', container: 'ts' },
];

for (const { name, container } of CONVERTED) {
  test(`${name}: converted to H.264 with every frame at its own time, the original kept as attached`, async (t) => {
    const set = formats(t);
    if (!set) return;
    const { services, dir } = tempServices(t, 'convert', { ffmpegPath: set.ffmpeg });
    const { visit, video } = await visitWithVideo(services, set.path(name));
    assert.equal(video.container, container);
    assert.equal(video.original, null);

    const started = await services.handlers['videos.convert']({ visitVideoId: video.id });
    assert.equal(started.state, 'running');
    const ended = await services.conversions.finished(video.id);
    assert.equal(ended.state, 'done', JSON.stringify(ended));
    const done = ended as Extract<VideoConversion, { state: 'done' }>;

    const reference = await read(set.path('reference'));
    const converted = services.media.locate(done.video.mediaId)!;
    const copy = await read(converted.path);
    assert.equal(copy.codec, 'avc');
    assert.equal(done.frames, reference.timestamps.length);
    assert.deepEqual(copy.timestamps.map((s) => s.toFixed(4)), reference.timestamps.map((s) => s.toFixed(4)), 'the same frames at the same times');

    // the visit video now plays the copy; the attached file is kept, unchanged, under its name
    const stored = (await services.handlers['visits.get']({ id: visit.id })).videos[0]!;
    assert.equal(stored.mediaId, done.video.mediaId);
    assert.equal(stored.container, 'mp4');
    assert.equal(stored.originalName, video.originalName);
    assert.deepEqual(stored.original, { mediaId: video.mediaId, container, sizeBytes: video.sizeBytes });
    assert.equal(sha256(services.media.locate(video.mediaId)!.path), sha256(set.path(name)));
    assert.deepEqual(readdirSync(join(dir, 'media', '.incoming')), []);
    assert.deepEqual(await services.handlers['videos.conversion']({ visitVideoId: video.id }), done);
    await assert.rejects(services.handlers['videos.convert']({ visitVideoId: video.id }), (e: unknown) => e instanceof ServiceError && e.code === 'conflict');
  });
}

test("a conversion keeps the file's metadata tags (a phone's capture rate)", async (t) => {
  const set = formats(t);
  if (!set) return;
  const { services } = tempServices(t, 'convert', { ffmpegPath: set.ffmpeg });
  const { video } = await visitWithVideo(services, set.path('android240'));
  services.conversions.start(video.id);
  const done = (await services.conversions.finished(video.id)) as Extract<VideoConversion, { state: 'done' }>;
  assert.equal(done.state, 'done');
  const copy = await read(services.media.locate(done.video.mediaId)!.path);
  assert.equal(copy.tags['com.android.capture.fps'], '240.000000');
});

test('a cancelled conversion leaves the video as attached and no partial file', async (t) => {
  const set = formats(t);
  if (!set) return;
  const { services, dir } = tempServices(t, 'convert', { ffmpegPath: set.ffmpeg });
  const { visit, video } = await visitWithVideo(services, set.path('mjpegAvi'));
  await services.handlers['videos.convert']({ visitVideoId: video.id });
  const cancelled = await services.handlers['videos.cancelConversion']({ visitVideoId: video.id });
  assert.deepEqual(cancelled, { state: 'cancelled' });
  assert.deepEqual((await services.handlers['visits.get']({ id: visit.id })).videos, [video]);
  assert.deepEqual(readdirSync(join(dir, 'media', '.incoming')), []);
  // and it can be started again
  services.conversions.start(video.id);
  assert.equal((await services.conversions.finished(video.id)).state, 'done');
});

test('a damaged file fails with a message and is kept as attached', async (t) => {
  const set = formats(t);
  if (!set) return;
  const { services, dir } = tempServices(t, 'convert', { ffmpegPath: set.ffmpeg });
  const cut = join(dir, 'cut-short.mov');
  copyFileSync(set.path('hevc8Mov'), cut);
  truncateSync(cut, 20_000);
  const { visit, video } = await visitWithVideo(services, cut);
  services.conversions.start(video.id);
  const failed = await services.conversions.finished(video.id);
  assert.equal(failed.state, 'failed');
  assert.match((failed as { message: string }).message, /cut-short\.mov.*(damaged or cut short|could not be converted)/);
  assert.deepEqual((await services.handlers['visits.get']({ id: visit.id })).videos, [video]);
  assert.deepEqual(readdirSync(join(dir, 'media', '.incoming')), []);
});

test('without the bundled ffmpeg a conversion is refused with a clear message', async (t) => {
  const set = formats(t);
  if (!set) return;
  const { services } = tempServices(t, 'convert', { ffmpegPath: null });
  const { video } = await visitWithVideo(services, set.path('hevc8Mov'));
  await assert.rejects(
    services.handlers['videos.convert']({ visitVideoId: video.id }),
    (e: unknown) => e instanceof ServiceError && e.code === 'unavailable' && /converter is missing/.test(e.message),
  );
});

test("deleting the client removes the attached file and its converted copy", async (t) => {
  const set = formats(t);
  if (!set) return;
  const { services } = tempServices(t, 'convert', { ffmpegPath: set.ffmpeg });
  const { client, video } = await visitWithVideo(services, set.path('hevc8Mov'));
  services.conversions.start(video.id);
  const done = (await services.conversions.finished(video.id)) as Extract<VideoConversion, { state: 'done' }>;
  const files = [services.media.locate(video.mediaId)!.path, services.media.locate(done.video.mediaId)!.path];
  assert.ok(files.every((f) => existsSync(f)));
  await services.handlers['clients.delete']({ id: client.id });
  assert.deepEqual(files.filter((f) => existsSync(f)), []);
});
