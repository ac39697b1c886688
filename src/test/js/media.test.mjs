// The media session's state machine (src/main/webapp/app/js/media.js) against fake peer connections, a fake
// server and a fake clock: nothing here sleeps.
import test from 'node:test';
import assert from 'node:assert/strict';
import {MediaSession} from '../../main/webapp/app/js/media.js';
import {FakeClock, FakeStream, FakeTrack, cameraStream, candidate, fakeServer, refusal, room, participant, rtcWorld,
    settle} from './fakes.mjs';

const ME = 'me-0000';
const A = 'pub-aaaa';
const B = 'pub-bbbb';

function setUp({iceServers = [{urls: 'stun:stun.example.org:3478'}]} = {}) {
    const world = rtcWorld();
    const clock = new FakeClock();
    const server = fakeServer();
    const received = new Map();
    const statuses = [];
    const servers = {current: iceServers};
    const media = new MediaSession({
        request: server.request,
        iceServers: () => servers.current,
        onRemoteStream: (endpoint, stream) => received.set(endpoint.kind === 'grid' ? 'grid' : endpoint.publisherId,
            stream),
        onRemoteGone: (endpoint) => received.delete(endpoint.kind === 'grid' ? 'grid' : endpoint.publisherId),
        onStatus: (status) => statuses.push(status),
    }, {RTCPeerConnection: world.RTCPeerConnection, MediaStream: FakeStream, setTimeout: clock.setTimeout,
        clearTimeout: clock.clearTimeout, random: () => 1});
    return {world, clock, server, media, received, statuses, servers};
}

const keys = (media) => media.connections().map((c) => c.key).sort();
const pcOf = (media, key) => media.connections().find((c) => c.key === key)?.pc;
const twoPublishing = () => room(ME, [participant(A), participant(B)]);

test('an admitted room: publish and one subscription per other publisher, all at once', async () => {
    const {media, server, world} = setUp();
    server.hold('publish');
    server.hold('subscribe');
    media.setLocalStream(cameraStream());
    media.start();
    media.sync(room(ME, [participant(A), participant(B), participant('not-yet', {publishing: false})]), ME);
    await settle();
    // All three offers are out before any answer came back: nothing waits for another.
    assert.deepEqual(server.sent.map((m) => m.type).sort(), ['publish', 'subscribe', 'subscribe']);
    assert.deepEqual(server.of('subscribe').map((m) => m.publisherId).sort(), [A, B]);
    assert.equal(server.of('publish')[0].audioOnly, false);
    assert.match(server.of('publish')[0].sdpOffer, /^v=0/);
    assert.deepEqual(keys(media), ['publisher', `subscriber:${A}`, `subscriber:${B}`]);
    server.release();
    await settle();
    for (const {pc} of media.connections()) {
        assert.equal(pc.remoteDescription.type, 'answer');
    }
    const publisher = pcOf(media, 'publisher');
    assert.deepEqual(publisher.transceivers.map((t) => [t.kind, t.direction]), [['audio', 'sendonly'],
        ['video', 'sendonly']]);
    assert.deepEqual(pcOf(media, `subscriber:${A}`).offeredKinds, ['audio', 'video']);
    assert.equal(world.made.length, 3);
});

test('nothing while waiting, nothing before start', async () => {
    const {media, server} = setUp();
    media.setLocalStream(cameraStream());
    media.sync(twoPublishing(), ME);
    await settle();
    assert.equal(server.sent.length, 0, 'not started');
    media.start();
    media.sync(room(ME, [], {youStatus: 'WAITING'}), ME);
    await settle();
    assert.equal(server.sent.length, 0, 'waiting');
});

test('received streams are reported, and gone when the publisher stops publishing', async () => {
    const {media, received} = setUp();
    media.start();
    media.sync(twoPublishing(), ME);
    await settle();
    const stream = pcOf(media, `subscriber:${A}`).receive('audio', 'video');
    assert.equal(received.get(A), stream);
    assert.equal(received.get(A).getTracks().length, 2);
    const pcA = pcOf(media, `subscriber:${A}`);
    media.sync(room(ME, [participant(A, {publishing: false}), participant(B)]), ME);
    assert.equal(pcA.closed, true);
    assert.equal(received.has(A), false);
    assert.deepEqual(keys(media), [`subscriber:${B}`]);
});

test('every peer connection uses the iceServers of the current welcome', async () => {
    const {media, servers} = setUp({iceServers: [{urls: ['turn:turn.example.org:3478'], username: '1:a',
        credential: 'c1'}]});
    media.start();
    media.sync(room(ME, [participant(A)]), ME);
    await settle();
    assert.deepEqual(pcOf(media, `subscriber:${A}`).getConfiguration().iceServers,
        [{urls: ['turn:turn.example.org:3478'], username: '1:a', credential: 'c1'}]);
    servers.current = [{urls: ['turn:turn.example.org:3478'], username: '2:b', credential: 'c2'}];
    media.rebuild(); // as after a resume on a new connection
    await settle();
    assert.equal(pcOf(media, `subscriber:${A}`).getConfiguration().iceServers[0].credential, 'c2');
});

test('mediaInterrupted closes everything, the publisher too, and nothing is tried until renegotiate', async () => {
    const {media, server, clock, world, statuses, received} = setUp();
    media.setLocalStream(cameraStream());
    media.start();
    media.sync(twoPublishing(), ME);
    await settle();
    pcOf(media, `subscriber:${A}`).receive('audio', 'video');
    const before = world.made.slice();
    media.interrupted();
    assert.ok(before.every((pc) => pc.closed), 'every connection closed');
    assert.deepEqual(media.connections(), []);
    assert.equal(received.size, 0);
    assert.equal(media.status, 'interrupted');
    assert.equal(statuses.at(-1), 'interrupted');
    server.clear();
    media.sync(twoPublishing(), ME);
    media.setAudioOnly(true);
    media.setAudioOnly(false);
    await clock.advance(60000);
    assert.equal(server.sent.length, 0, 'no request while interrupted');

    media.rebuild(); // renegotiate
    await settle();
    assert.equal(media.status, 'active');
    assert.deepEqual(server.sent.map((m) => m.type).sort(), ['publish', 'subscribe', 'subscribe']);
    assert.deepEqual(keys(media), ['publisher', `subscriber:${A}`, `subscriber:${B}`]);
    assert.ok(media.connections().every(({pc}) => !before.includes(pc)), 'all new connections');
});

test('renegotiate while a publisher has not published again: NOT_PUBLISHING waits for its publishing:true',
    async () => {
        const {media, server, clock} = setUp();
        media.setLocalStream(cameraStream());
        media.start();
        media.sync(twoPublishing(), ME);
        await settle();
        media.interrupted();
        server.answer('subscribe', (m) => {
            if (m.publisherId === B) {
                throw refusal('NOT_PUBLISHING');
            }
            return {type: 'sdpAnswer', endpoint: {kind: 'subscriber', publisherId: A}, sdp: 'v=0\r\n'};
        });
        server.clear();
        media.rebuild();
        await settle();
        assert.deepEqual(keys(media), ['publisher', `subscriber:${A}`]);
        await clock.advance(60000);
        assert.equal(server.of('subscribe').filter((m) => m.publisherId === B).length, 1, 'no retry by timer');
        // B publishes again: the next roomUpdated says so, and the subscription is made.
        server.answer('subscribe', (m) => ({type: 'sdpAnswer', endpoint: {kind: 'subscriber',
            publisherId: m.publisherId}, sdp: 'v=0\r\n'}));
        media.sync(twoPublishing(), ME);
        await settle();
        assert.equal(server.of('subscribe').filter((m) => m.publisherId === B).length, 2);
        assert.deepEqual(keys(media), ['publisher', `subscriber:${A}`, `subscriber:${B}`]);
    });

test('a resume rebuilds from the resumed room: old connections closed, new offers', async () => {
    const {media, server, world} = setUp();
    media.setLocalStream(cameraStream());
    media.start();
    media.sync(room(ME, [participant(A)]), ME);
    await settle();
    const old = world.made.slice();
    server.clear();
    media.rebuild(room(ME, [participant(A), participant(B)]), ME);
    await settle();
    assert.ok(old.every((pc) => pc.closed));
    assert.deepEqual(server.sent.map((m) => m.type).sort(), ['publish', 'subscribe', 'subscribe']);
    assert.deepEqual(keys(media), ['publisher', `subscriber:${A}`, `subscriber:${B}`]);
});

test('MEDIA_FAILED is retried with back-off (1, 2, 4, 8, 10, 10 s) until the media server answers', async () => {
    const {media, server, clock, statuses} = setUp();
    let refusals = 6;
    server.answer('publish', () => {
        if (refusals-- > 0) {
            throw refusal('MEDIA_FAILED');
        }
        return {type: 'sdpAnswer', endpoint: {kind: 'publisher'}, sdp: 'v=0\r\n'};
    });
    media.setLocalStream(cameraStream());
    media.start();
    media.sync(room(ME, []), ME);
    await settle();
    assert.equal(server.of('publish').length, 1);
    assert.equal(media.status, 'retrying');
    for (const [n, delay] of [1000, 2000, 4000, 8000, 10000, 10000].entries()) {
        assert.deepEqual(clock.pending, [delay], `retry ${n + 1} waits ${delay} ms`);
        await clock.advance(delay - 1);
        assert.equal(server.of('publish').length, n + 1, 'not before its time');
        await clock.advance(1);
        assert.equal(server.of('publish').length, n + 2);
    }
    assert.equal(media.status, 'active');
    assert.deepEqual(keys(media), ['publisher']);
    assert.equal(pcOf(media, 'publisher').remoteDescription.type, 'answer');
    assert.deepEqual(clock.pending, []);
    assert.deepEqual(statuses, ['active', 'retrying', 'active']);
});

test('failures at the same moment share one round of retries', async () => {
    const {media, server, clock} = setUp();
    let down = true;
    const maybe = (m) => {
        if (down) {
            throw refusal('MEDIA_FAILED');
        }
        return {type: 'sdpAnswer', endpoint: {kind: 'x'}, sdp: 'v=0\r\n'};
    };
    server.answer('publish', maybe);
    server.answer('subscribe', maybe);
    media.setLocalStream(cameraStream());
    media.start();
    media.sync(twoPublishing(), ME);
    await settle();
    assert.deepEqual(clock.pending, [1000], 'one timer for three failures');
    await clock.advance(1000);
    assert.equal(server.sent.length, 6);
    assert.deepEqual(clock.pending, [2000]);
    down = false;
    await clock.advance(2000);
    assert.deepEqual(keys(media), ['publisher', `subscriber:${A}`, `subscriber:${B}`]);
});

test('the jitter only shortens the wait, never past the cap', async () => {
    const world = rtcWorld();
    const clock = new FakeClock();
    const server = fakeServer();
    server.answer('publish', () => {
        throw refusal('MEDIA_FAILED');
    });
    const media = new MediaSession({request: server.request}, {RTCPeerConnection: world.RTCPeerConnection,
        setTimeout: clock.setTimeout, clearTimeout: clock.clearTimeout, random: () => 0});
    media.setLocalStream(cameraStream());
    media.start();
    media.sync(room(ME, []), ME);
    await settle();
    assert.deepEqual(clock.pending, [750]);
    await clock.advance(750);
    assert.deepEqual(clock.pending, [1500]);
});

test('MEDIA_UNAVAILABLE is permanent for the page: everything closed, never tried again', async () => {
    const {media, server, clock, statuses} = setUp();
    server.answer('subscribe', () => {
        throw refusal('MEDIA_UNAVAILABLE');
    });
    media.setLocalStream(cameraStream());
    media.start();
    media.sync(twoPublishing(), ME);
    await settle();
    assert.equal(media.status, 'unavailable');
    assert.equal(media.unavailable, true);
    assert.deepEqual(media.connections(), []);
    assert.equal(statuses.at(-1), 'unavailable');
    server.clear();
    await clock.advance(60000);
    media.sync(twoPublishing(), ME);
    media.rebuild();
    media.setLowBandwidth(true);
    media.closeAll();
    media.start();
    media.sync(twoPublishing(), ME);
    await settle();
    assert.equal(server.sent.length, 0);
    assert.equal(media.status, 'unavailable');
});

test('RATE_LIMITED is tried again after a second', async () => {
    const {media, server, clock} = setUp();
    let first = true;
    server.answer('subscribe', (m) => {
        if (first) {
            first = false;
            throw refusal('RATE_LIMITED');
        }
        return {type: 'sdpAnswer', endpoint: {kind: 'subscriber', publisherId: m.publisherId}, sdp: 'v=0\r\n'};
    });
    media.start();
    media.sync(room(ME, [participant(A)]), ME);
    await settle();
    assert.deepEqual(keys(media), []);
    assert.deepEqual(clock.pending, [1000]);
    assert.equal(media.status, 'active', 'a rate limit is no media failure');
    await clock.advance(1000);
    assert.deepEqual(keys(media), [`subscriber:${A}`]);
});

test('UNKNOWN_PARTICIPANT and NOT_IN_ROOM drop the subscription', async () => {
    const {media, server, clock} = setUp();
    server.answer('subscribe', (m) => {
        throw refusal(m.publisherId === A ? 'UNKNOWN_PARTICIPANT' : 'NOT_IN_ROOM');
    });
    media.start();
    media.sync(twoPublishing(), ME);
    await settle();
    await clock.advance(60000);
    assert.deepEqual(keys(media), []);
    assert.equal(server.of('subscribe').length, 2);
    assert.equal(media.status, 'active');
});

test('a peer connection that fails is made again', async () => {
    const {media, server, clock} = setUp();
    media.start();
    media.sync(room(ME, [participant(A)]), ME);
    await settle();
    const first = pcOf(media, `subscriber:${A}`);
    first.fail();
    assert.equal(first.closed, true);
    await clock.advance(1000);
    assert.equal(server.of('subscribe').length, 2);
    assert.notEqual(pcOf(media, `subscriber:${A}`), first);
});

test('low bandwidth: one grid subscription instead of one per publisher, and back', async () => {
    const {media, server, received} = setUp();
    media.setLocalStream(cameraStream());
    media.start();
    media.sync(twoPublishing(), ME);
    await settle();
    const perPublisher = media.connections().filter((c) => c.key.startsWith('subscriber:')).map((c) => c.pc);
    server.clear();
    await media.setLowBandwidth(true);
    await settle();
    assert.ok(perPublisher.every((pc) => pc.closed), 'per-publisher subscriptions closed');
    assert.deepEqual(keys(media), ['grid', 'publisher']);
    assert.deepEqual(server.sent.map((m) => m.type), ['subscribeGrid']);
    const grid = pcOf(media, 'grid');
    assert.deepEqual(grid.transceivers.map((t) => [t.kind, t.direction]), [['audio', 'recvonly'],
        ['video', 'recvonly']]);
    const mixed = grid.receive('audio', 'video');
    assert.equal(received.get('grid'), mixed);
    // The video sent is capped too.
    const video = pcOf(media, 'publisher').getSenders()[1];
    assert.equal(video.parameters.encodings[0].maxBitrate, 150000);
    assert.equal(video.parameters.encodings[0].scaleResolutionDownBy, 2);
    // New publishers while in the grid: nothing to subscribe, they are in the picture.
    media.sync(room(ME, [participant(A), participant(B), participant('pub-cccc')]), ME);
    assert.deepEqual(keys(media), ['grid', 'publisher']);

    server.clear();
    await media.setLowBandwidth(false);
    await settle();
    assert.equal(grid.closed, true);
    assert.equal(received.has('grid'), false);
    assert.deepEqual(server.sent.map((m) => m.publisherId ?? m.type).sort(), [A, B, 'pub-cccc']);
    assert.equal(video.parameters.encodings[0].maxBitrate, undefined);
    assert.equal(video.parameters.encodings[0].scaleResolutionDownBy, 1);
});

test('audio only, both ways: no video sent, every subscription made again without video, and back', async () => {
    const {media, server} = setUp();
    media.setLocalStream(cameraStream());
    media.start();
    media.sync(twoPublishing(), ME);
    await settle();
    server.clear();
    media.setAudioOnly(true);
    await settle();
    assert.deepEqual(server.sent.map((m) => m.type).sort(), ['publish', 'subscribe', 'subscribe']);
    assert.equal(server.of('publish')[0].audioOnly, true);
    assert.deepEqual(pcOf(media, 'publisher').transceivers.map((t) => t.kind), ['audio']);
    assert.deepEqual(pcOf(media, 'publisher').getSenders().map((s) => s.track?.kind), ['audio']);
    for (const key of [`subscriber:${A}`, `subscriber:${B}`]) {
        assert.deepEqual(pcOf(media, key).offeredKinds, ['audio'], key);
        assert.doesNotMatch(server.of('subscribe').find((m) => key.endsWith(m.publisherId)).sdpOffer, /m=video/);
    }
    server.clear();
    media.setAudioOnly(false);
    await settle();
    assert.equal(server.of('publish')[0].audioOnly, false);
    assert.deepEqual(pcOf(media, 'publisher').transceivers.map((t) => t.kind), ['audio', 'video']);
    for (const m of server.of('subscribe')) {
        assert.match(m.sdpOffer, /m=audio[^]*m=video/);
    }
});

test('audio only chosen before joining goes into the first publish', async () => {
    const {media, server} = setUp();
    media.setAudioOnly(true);
    media.setLocalStream(cameraStream());
    media.start();
    media.sync(room(ME, [participant(A)]), ME);
    await settle();
    assert.equal(server.of('publish').length, 1);
    assert.equal(server.of('publish')[0].audioOnly, true);
    assert.doesNotMatch(server.of('publish')[0].sdpOffer, /m=video/);
    assert.doesNotMatch(server.of('subscribe')[0].sdpOffer, /m=video/);
});

test('camera off stops video at the sender (replaceTrack(null)), on puts the camera back', async () => {
    const {media, server} = setUp();
    const stream = cameraStream();
    const [camera] = stream.getVideoTracks();
    media.setLocalStream(stream);
    media.start();
    media.sync(room(ME, []), ME);
    await settle();
    const sender = () => pcOf(media, 'publisher').getSenders()[1];
    assert.equal(sender().track, camera);
    await media.setCameraOn(false);
    assert.equal(sender().track, null);
    assert.equal(camera.enabled, true, 'not the black-frames switch');
    await media.setCameraOn(true);
    assert.equal(sender().track, camera);
    assert.equal(server.of('publish').length, 1, 'no new offer either way');
});

test('camera off before publishing: the video sender starts without a track', async () => {
    const {media} = setUp();
    const stream = cameraStream();
    media.setLocalStream(stream);
    await media.setCameraOn(false);
    media.start();
    media.sync(room(ME, []), ME);
    await settle();
    const publisher = pcOf(media, 'publisher');
    assert.deepEqual(publisher.transceivers.map((t) => [t.kind, t.sender.track?.kind ?? null]),
        [['audio', 'audio'], ['video', null]]);
    await media.setCameraOn(true);
    assert.equal(publisher.getSenders()[1].track, stream.getVideoTracks()[0]);
});

test('mute silences the microphone track; new devices are swapped into the running publisher', async () => {
    const {media, server} = setUp();
    const first = cameraStream();
    media.setLocalStream(first);
    media.start();
    media.sync(room(ME, []), ME);
    await settle();
    media.setMuted(true);
    assert.equal(first.getAudioTracks()[0].enabled, false);
    assert.equal(first.getVideoTracks()[0].enabled, true);
    const second = cameraStream();
    await media.setLocalStream(second);
    assert.equal(second.getAudioTracks()[0].enabled, false, 'still muted');
    assert.deepEqual(pcOf(media, 'publisher').getSenders().map((s) => s.track),
        [second.getAudioTracks()[0], second.getVideoTracks()[0]]);
    assert.equal(server.of('publish').length, 1);
    media.setMuted(false);
    assert.equal(second.getAudioTracks()[0].enabled, true);
});

test('a microphone-only stream is published without video; a camera added later publishes again', async () => {
    const {media, server} = setUp();
    media.setLocalStream(new FakeStream([new FakeTrack('audio')]));
    media.start();
    media.sync(room(ME, []), ME);
    await settle();
    assert.deepEqual(pcOf(media, 'publisher').transceivers.map((t) => t.kind), ['audio']);
    await media.setLocalStream(cameraStream());
    await settle();
    assert.equal(server.of('publish').length, 2);
    assert.deepEqual(pcOf(media, 'publisher').transceivers.map((t) => t.kind), ['audio', 'video']);
});

test('local candidates: held until the answer, then batched (at most 32), end-of-candidates at once', async () => {
    const {media, server, clock} = setUp();
    server.hold('publish');
    media.setLocalStream(cameraStream());
    media.start();
    media.sync(room(ME, []), ME);
    await settle();
    const pc = pcOf(media, 'publisher');
    for (let n = 1; n <= 40; n++) {
        pc.gather(candidate(n));
    }
    await settle();
    assert.equal(server.of('iceCandidates').length, 0, 'held until the answer');
    server.release();
    await settle();
    const batches = server.of('iceCandidates');
    assert.deepEqual(batches.map((m) => m.candidates.length), [32, 8]);
    assert.deepEqual(batches[0].endpoint, {kind: 'publisher'});
    assert.deepEqual(batches[0].candidates[0], {candidate: candidate(1).candidate, sdpMid: '0', sdpMLineIndex: 0});
    assert.deepEqual(batches.flatMap((m) => m.candidates).map((c) => c.candidate),
        Array.from({length: 40}, (_, i) => candidate(i + 1).candidate), 'in order, none lost');
    server.clear();

    // After the answer: a burst goes out as one message a moment later...
    pc.gather(candidate(41));
    pc.gather(candidate(42));
    await settle();
    assert.equal(server.of('iceCandidates').length, 0);
    await clock.advance(100);
    assert.deepEqual(server.of('iceCandidates').map((m) => m.candidates.length), [2]);
    server.clear();
    // ...and end-of-candidates flushes at once, sent only once however the browser says it.
    pc.gather(candidate(43));
    pc.gather({candidate: '', sdpMid: '0', sdpMLineIndex: 0});
    pc.gather(null);
    await settle();
    assert.deepEqual(server.of('iceCandidates').map((m) => m.candidates), [[
        {candidate: candidate(43).candidate, sdpMid: '0', sdpMLineIndex: 0},
        {candidate: '', sdpMLineIndex: 0}]]);
    assert.deepEqual(clock.pending, [], 'no flush left behind');
});

test('candidates are batched per endpoint, with the endpoint named', async () => {
    const {media, server, clock} = setUp();
    media.start();
    media.sync(room(ME, [participant(A)]), ME);
    await settle();
    await media.setLowBandwidth(true);
    await settle();
    pcOf(media, 'grid').gather(candidate(1));
    pcOf(media, 'grid').gather(candidate(2));
    await media.setLowBandwidth(false);
    await settle();
    pcOf(media, `subscriber:${A}`).gather(candidate(3));
    await clock.advance(100);
    assert.deepEqual(server.of('iceCandidates').map((m) => [m.endpoint, m.candidates.length]),
        [[{kind: 'subscriber', publisherId: A}, 1]], 'the closed grid sends nothing');
    server.clear();
    await media.setLowBandwidth(true);
    await settle();
    pcOf(media, 'grid').gather(candidate(4));
    pcOf(media, 'grid').gather(null);
    await settle();
    assert.deepEqual(server.of('iceCandidates').map((m) => [m.endpoint, m.candidates.length]),
        [[{kind: 'grid'}, 2]]);
});

test('candidates refused with RATE_LIMITED are sent again a second later', async () => {
    const {media, server, clock} = setUp();
    let limited = true;
    server.answer('iceCandidates', () => {
        if (limited) {
            limited = false;
            throw refusal('RATE_LIMITED');
        }
        return {type: 'ok'};
    });
    media.start();
    media.sync(room(ME, [participant(A)]), ME);
    await settle();
    pcOf(media, `subscriber:${A}`).gather(candidate(1));
    pcOf(media, `subscriber:${A}`).gather(null);
    await settle();
    assert.equal(server.of('iceCandidates').length, 1);
    await clock.advance(1000);
    assert.equal(server.of('iceCandidates').length, 2);
    assert.equal(server.of('iceCandidates')[1].candidates.length, 2);
});

test('remote candidates wait for the answer, then go to their connection', async () => {
    const {media, server} = setUp();
    server.hold('subscribe');
    media.start();
    media.sync(room(ME, [participant(A)]), ME);
    await settle();
    const endpoint = {kind: 'subscriber', publisherId: A};
    await media.addRemoteCandidate({endpoint, candidate: 'candidate:1 1 UDP 1 203.0.113.5 1 typ host', sdpMid: '0',
        sdpMLineIndex: 0});
    const pc = pcOf(media, `subscriber:${A}`);
    assert.equal(pc.remoteCandidates.length, 0);
    server.release();
    await settle();
    assert.deepEqual(pc.remoteCandidates, [{candidate: 'candidate:1 1 UDP 1 203.0.113.5 1 typ host', sdpMid: '0',
        sdpMLineIndex: 0}]);
    await media.addRemoteCandidate({endpoint, candidate: '', sdpMid: '0', sdpMLineIndex: 0});
    assert.equal(pc.remoteCandidates.length, 2);
    // For an endpoint we do not have: ignored.
    await media.addRemoteCandidate({endpoint: {kind: 'grid'}, candidate: 'x', sdpMLineIndex: 0});
});

test('after closeAll nothing happens: late answers are dropped, snapshots and timers do nothing', async () => {
    const {media, server, clock, world} = setUp();
    server.hold('publish');
    media.setLocalStream(cameraStream());
    media.start();
    media.sync(room(ME, [participant(A)]), ME);
    await settle();
    media.closeAll();
    assert.equal(media.status, 'closed');
    assert.ok(world.made.every((pc) => pc.closed));
    server.release();
    await settle();
    server.clear();
    media.sync(twoPublishing(), ME);
    media.rebuild();
    media.interrupted();
    await media.setLowBandwidth(true);
    await clock.advance(60000);
    assert.equal(server.sent.length, 0);
    assert.deepEqual(media.connections(), []);
    // A new join starts it again, with what the page wants meanwhile (low bandwidth: the grid).
    media.start();
    media.sync(room(ME, [participant(A)]), ME);
    await settle();
    assert.deepEqual(server.sent.map((m) => m.type).sort(), ['publish', 'subscribeGrid']);
});
