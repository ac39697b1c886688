// The room client both pages use (src/main/webapp/app/js/room-client.js): signaling and media together, over fake
// sockets with a scripted Mend server and fake peer connections, as a page would see a whole room.
import test from 'node:test';
import assert from 'node:assert/strict';
import {RoomClient} from '../../main/webapp/app/js/room-client.js';
import {FakeClock, FakeStream, cameraStream, mendServer, participant, room, rtcWorld, settle} from './fakes.mjs';

const SESSION = '7b6f3c2e-1a2b-4c3d-8e9f-0a1b2c3d4e5f';
const ME = 'me-0000';
const TURN_1 = [{urls: ['turn:turn.example.org:3478'], username: '1767225600:a', credential: 'first'}];
const TURN_2 = [{urls: ['turn:turn.example.org:3478'], username: '1767247200:b', credential: 'second'}];

function setUp({gather = 0, snapshots = {}, iceServersPerConnection = [TURN_1, TURN_2]} = {}) {
    const clock = new FakeClock();
    const server = mendServer({clock, iceServersPerConnection, room: (type) => snapshots[type] ?? null});
    const world = rtcWorld({gather});
    const calls = [];
    const page = new Proxy({}, {get: (target, name) => (...args) => calls.push([name, ...args])});
    const client = new RoomClient(page, {fetchTicket: server.fetchTicket, url: 'ws://mend.test/signaling',
        WebSocket: server.WebSocket, network: new EventTarget(), timers: clock,
        mediaEnv: {RTCPeerConnection: world.RTCPeerConnection, MediaStream: FakeStream, setTimeout: clock.setTimeout,
            clearTimeout: clock.clearTimeout, random: () => 1}});
    const media = () => server.sent().filter((m) => ['publish', 'subscribe', 'subscribeGrid'].includes(m.type));
    return {clock, server, world, calls, client, media};
}

const keys = (client) => client.diagnostics.media.connections().map((c) => c.key).sort();

test('a waiting patient sends no media; admitted, it publishes and subscribes at once from the admitted room',
    async () => {
        const others = [participant('fac-1', {role: 'FACILITATOR'}), participant('pat-2'),
            participant('pat-3', {publishing: false})];
        const {client, server, calls, media} = setUp({snapshots: {join: room(ME, [], {youStatus: 'WAITING'})}});
        client.setLocalStream(cameraStream());
        const joined = await client.join(SESSION, {attestedLocation: 'home'});
        assert.equal(joined.status, 'PRESENT'); // the scripted server's word; the room says WAITING
        await settle();
        assert.deepEqual(media(), []);
        server.latest().deliver({type: 'admitted', room: room(ME, others)});
        await settle();
        // No roomUpdated came: the admission's own room was enough.
        assert.deepEqual(media().map((m) => m.publisherId ?? m.type).sort(), ['fac-1', 'pat-2', 'publish']);
        assert.deepEqual(keys(client), ['publisher', 'subscriber:fac-1', 'subscriber:pat-2']);
        assert.equal(calls.find(([name]) => name === 'admitted')[1].you.status, 'PRESENT');
        for (const {pc} of client.diagnostics.media.connections()) {
            assert.deepEqual(pc.getConfiguration().iceServers, TURN_1, 'the welcome\'s TURN credentials');
        }
    });

test('a six-person room: one page\'s candidates go out in a few messages, never near the rate limit', async () => {
    const others = ['fac-1', 'pat-2', 'pat-3', 'pat-4', 'pat-5'].map((id) => participant(id));
    const {client, server, clock} = setUp({gather: 18, snapshots: {join: room(ME, others)}});
    client.setLocalStream(cameraStream());
    await client.join(SESSION);
    await settle(20);
    await clock.advance(200);
    const sent = server.sent();
    const batches = sent.filter((m) => m.type === 'iceCandidates');
    assert.equal(batches.flatMap((m) => m.candidates).length, 6 * 19, 'every candidate and end-of-candidates');
    assert.ok(batches.every((m) => m.candidates.length >= 1 && m.candidates.length <= 32));
    assert.ok(batches.length <= 12, `${batches.length} candidate messages for 6 endpoints`);
    assert.ok(sent.length < 40, `${sent.length} messages in all`);
    assert.equal(sent.filter((m) => m.type === 'iceCandidate').length, 0, 'no message per candidate');
    assert.equal(server.refusedForRate, 0);
    assert.equal(client.diagnostics.signaling.stats.errors.RATE_LIMITED, undefined);
    assert.equal(client.diagnostics.signaling.stats.sent, sent.length);
});

test('mediaInterrupted closes every connection and says so; renegotiate makes them again', async () => {
    const {client, server, calls, world, media} = setUp({snapshots: {join: room(ME, [participant('pat-2')])}});
    client.setLocalStream(cameraStream());
    await client.join(SESSION);
    await settle();
    assert.deepEqual(keys(client), ['publisher', 'subscriber:pat-2']);
    server.latest().deliver({type: 'mediaInterrupted'});
    assert.ok(world.made.every((pc) => pc.closed), 'the publisher too');
    assert.deepEqual(calls.filter(([name]) => name === 'mediaStatus').map(([, s]) => s), ['active', 'interrupted']);
    // The room goes on meanwhile.
    const nobodyPublishing = room(ME, [participant('pat-2', {publishing: false})]);
    server.latest().deliver({type: 'roomUpdated', room: nobodyPublishing});
    assert.equal(await client.request({type: 'raiseHand'}).then((r) => r.type), 'ok');
    const before = media().length;
    server.latest().deliver({type: 'renegotiate'});
    await settle();
    assert.deepEqual(media().slice(before).map((m) => m.type), ['publish'], 'pat-2 has not published again yet');
    server.latest().deliver({type: 'roomUpdated', room: room(ME, [participant('pat-2')])});
    await settle();
    assert.deepEqual(media().slice(before).map((m) => m.type), ['publish', 'subscribe']);
    assert.deepEqual(keys(client), ['publisher', 'subscriber:pat-2']);
    assert.equal(calls.filter(([name]) => name === 'mediaStatus').at(-1)[1], 'active');
});

test('a dropped link: resumed, media is rebuilt on the new connection with its new TURN credentials', async () => {
    const snapshot = room(ME, [participant('pat-2')]);
    const {client, server, world, calls} = setUp({snapshots: {join: snapshot, resume: snapshot}});
    client.setLocalStream(cameraStream());
    await client.join(SESSION);
    await settle();
    const old = world.made.slice();
    server.latest().drop(1006);
    await settle(20);
    assert.equal(server.sockets.length, 2);
    assert.ok(old.every((pc) => pc.closed));
    assert.deepEqual(keys(client), ['publisher', 'subscriber:pat-2']);
    for (const {pc} of client.diagnostics.media.connections()) {
        assert.ok(!old.includes(pc));
        assert.deepEqual(pc.getConfiguration().iceServers, TURN_2);
    }
    assert.deepEqual(server.latest().sent.map((m) => m.type).sort(), ['publish', 'resume', 'subscribe']);
    assert.ok(calls.some(([name]) => name === 'resumed'));
});

test('remote streams reach the page; low bandwidth swaps them for the grid and tells the room', async () => {
    const {client, server, calls} = setUp({snapshots: {join: room(ME, [participant('pat-2'), participant('pat-3')])}});
    await client.join(SESSION);
    await settle();
    const pc = client.diagnostics.media.connections().find((c) => c.key === 'subscriber:pat-2').pc;
    const stream = pc.receive('audio', 'video');
    assert.equal(client.remoteStreams.get('pat-2'), stream);
    assert.ok(calls.some(([name]) => name === 'streamsChanged'));
    await client.setLowBandwidth(true);
    await settle();
    assert.equal(client.remoteStreams.size, 0);
    assert.deepEqual(keys(client), ['grid']);
    const grid = client.diagnostics.media.connections()[0].pc.receive('audio', 'video');
    assert.equal(client.gridStream, grid);
    assert.deepEqual(server.sent().filter((m) => m.type === 'setLowBandwidth').map((m) => m.enabled), [true]);
    await client.setLowBandwidth(false);
    await settle();
    assert.equal(client.gridStream, null);
    assert.deepEqual(keys(client), ['subscriber:pat-2', 'subscriber:pat-3']);
});

test('audio only tells the room and re-makes the media without video', async () => {
    const {client, server, media} = setUp({snapshots: {join: room(ME, [participant('pat-2')])}});
    client.setLocalStream(cameraStream());
    await client.join(SESSION);
    await settle();
    const before = media().length;
    await client.setAudioOnly(true);
    await settle();
    assert.equal(server.sent().filter((m) => m.type === 'setAudioOnly').at(-1).enabled, true);
    const remade = media().slice(before);
    assert.deepEqual(remade.map((m) => m.type).sort(), ['publish', 'subscribe']);
    assert.ok(remade.every((m) => !m.sdpOffer.includes('m=video')));
    assert.equal(remade.find((m) => m.type === 'publish').audioOnly, true);
});

test('muted by a facilitator: the microphone goes silent; the room\'s snapshot keeps it so', async () => {
    const {client, server} = setUp({snapshots: {join: room(ME, [])}});
    const stream = cameraStream();
    client.setLocalStream(stream);
    await client.join(SESSION);
    await settle();
    server.latest().deliver({type: 'muted', by: 'fac-1'});
    assert.equal(stream.getAudioTracks()[0].enabled, false);
    const mutedRoom = room(ME, []);
    mutedRoom.you.muted = true;
    server.latest().deliver({type: 'roomUpdated', room: mutedRoom});
    assert.equal(stream.getAudioTracks()[0].enabled, false);
    await client.setMuted(false);
    assert.equal(stream.getAudioTracks()[0].enabled, true);
    assert.equal(server.sent().at(-1).type, 'unmute');
    assert.equal(server.sent().at(-1).participantId, ME);
});

test('dismissed: every connection closed, the socket closed, nothing more sent', async () => {
    const {client, server, world, calls, clock} = setUp({snapshots: {join: room(ME, [participant('pat-2')])}});
    client.setLocalStream(cameraStream());
    await client.join(SESSION);
    await settle();
    server.latest().deliver({type: 'dismissed', reason: 'SESSION_ENDED'});
    await settle();
    assert.ok(world.made.every((pc) => pc.closed));
    assert.deepEqual(calls.find(([name]) => name === 'dismissed'), ['dismissed', 'SESSION_ENDED']);
    assert.equal(server.latest().readyState, 3);
    const count = server.sent().length;
    await clock.advance(60000);
    assert.equal(server.sent().length, count);
    assert.equal(server.sockets.length, 1, 'no reconnect');
});

test('leave: media closed first, then leave, then the socket', async () => {
    const {client, server, world} = setUp({snapshots: {join: room(ME, [participant('pat-2')])}});
    client.setLocalStream(cameraStream());
    await client.join(SESSION);
    await settle();
    await client.leave();
    assert.ok(world.made.every((pc) => pc.closed));
    assert.equal(server.sent().at(-1).type, 'leave');
    assert.equal(server.latest().readyState, 3);
});

test('audio only chosen before joining: the first publish has no video, and the room is told at the join', async () => {
    const {client, server, media} = setUp({snapshots: {join: room(ME, [participant('pat-2')])}});
    client.setLocalStream(cameraStream());
    await client.setAudioOnly(true);
    assert.equal(server.sockets.length, 0, 'nothing sent before joining');
    await client.join(SESSION);
    await settle();
    assert.deepEqual(server.sent().map((m) => m.type).filter((t) => t.startsWith('set')), ['setAudioOnly']);
    const publish = media().find((m) => m.type === 'publish');
    assert.equal(publish.audioOnly, true);
    assert.ok(media().every((m) => !m.sdpOffer.includes('m=video')));
});

test('low bandwidth chosen before joining, while waiting: the room is told at the join, the grid comes at admission',
    async () => {
        const {client, server, media} = setUp({snapshots: {join: room(ME, [], {youStatus: 'WAITING'})}});
        client.setLocalStream(cameraStream());
        await client.setLowBandwidth(true);
        await client.join(SESSION);
        await settle();
        assert.deepEqual(server.sent().filter((m) => m.type.startsWith('set')).map((m) => [m.type, m.enabled]),
            [['setLowBandwidth', true]]);
        assert.deepEqual(media(), [], 'nothing before the admission');
        server.latest().deliver({type: 'admitted', room: room(ME, [participant('fac-1', {role: 'FACILITATOR'})])});
        await settle();
        assert.deepEqual(media().map((m) => m.type).sort(), ['publish', 'subscribeGrid']);
    });
