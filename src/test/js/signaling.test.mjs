// The signaling protocol client (src/main/webapp/app/js/signaling.js) against a scripted server over fake sockets.
import test from 'node:test';
import assert from 'node:assert/strict';
import {Signaling, SignalingError, validIceServers} from '../../main/webapp/app/js/signaling.js';
import {FakeClock, mendServer, settle} from './fakes.mjs';

const EVENTS = ['roomUpdated', 'admitted', 'dismissed', 'muteRequested', 'muted', 'iceCandidate', 'mediaInterrupted',
    'renegotiate', 'resumed', 'error'];

function setUp(serverOptions = {}, signalingOptions = {}) {
    const clock = new FakeClock();
    const server = mendServer({clock, ...serverOptions});
    const events = [];
    const states = [];
    const handlers = Object.fromEntries(EVENTS.map((type) => [type, (message) => events.push([type, message])]));
    handlers.connection = (state, detail) => states.push(detail ? `${state}:${detail}` : state);
    const network = new EventTarget();
    const signaling = new Signaling(handlers, {fetchTicket: server.fetchTicket, url: 'ws://mend.test/signaling',
        WebSocket: server.WebSocket, network, timers: clock, ...signalingOptions});
    return {clock, server, signaling, events, states, network};
}

const SESSION = '7b6f3c2e-1a2b-4c3d-8e9f-0a1b2c3d4e5f';

test('every room event needs a handler, and a ticket fetcher is required', () => {
    const handlers = Object.fromEntries([...EVENTS, 'connection'].map((type) => [type, () => {}]));
    for (const missing of ['mediaInterrupted', 'renegotiate', 'connection']) {
        const partial = {...handlers};
        delete partial[missing];
        assert.throws(() => new Signaling(partial, {fetchTicket: async () => ({})}), new RegExp(missing));
    }
    assert.throws(() => new Signaling(handlers, {}), /ticket/);
});

test('connects with a fresh ticket as a subprotocol, and keeps the welcome\'s ICE servers', async () => {
    const {signaling, server, states} = setUp({iceServersPerConnection: [[
        {urls: 'stun:stun.example.org:3478'},
        {urls: ['turn:turn.example.org:3478?transport=udp', 'turns:turn.example.org:5349'], username: '1767225600:x',
            credential: 'c2VjcmV0'},
        {urls: 42}, null, {username: 'no-urls'}, {urls: []}, {urls: ['ok', 7]},
    ]]});
    await signaling.connect();
    assert.deepEqual(states, ['connecting', 'open']);
    const socket = server.latest();
    assert.equal(socket.url, 'ws://mend.test/signaling');
    assert.equal(socket.protocols.length, 2);
    assert.equal(socket.protocols[0], 'mend.v1');
    assert.match(socket.protocols[1], /^mend\.ticket\.ticket\d{30}$/);
    assert.deepEqual(signaling.roles, ['patient']);
    assert.deepEqual(signaling.iceServers, [
        {urls: 'stun:stun.example.org:3478'},
        {urls: ['turn:turn.example.org:3478?transport=udp', 'turns:turn.example.org:5349'], username: '1767225600:x',
            credential: 'c2VjcmV0'},
    ]);
    signaling.iceServers[0].urls = 'changed';
    assert.equal(signaling.iceServers[0].urls, 'stun:stun.example.org:3478', 'a copy is handed out');
});

test('validIceServers keeps only what RTCPeerConnection accepts', () => {
    assert.deepEqual(validIceServers(undefined), []);
    assert.deepEqual(validIceServers('stun:x'), []);
    assert.deepEqual(validIceServers([{urls: 'stun:a', username: 5, credential: 'c', extra: 1}]),
        [{urls: 'stun:a', credential: 'c'}]);
});

test('replies are matched to their requests by requestId, errors rejected with their code, and counted', async () => {
    const {signaling, server} = setUp();
    await signaling.connect();
    let release;
    const gate = new Promise((resolve) => (release = resolve));
    // The server answers the first request after the second.
    server.answer('raiseHand', (message, socket) => {
        gate.then(() => socket.deliver({type: 'ok', requestId: message.requestId, first: true}));
        return null;
    });
    server.answer('mute', () => ({type: 'error', code: 'NOT_ALLOWED', message: 'No'}));
    const first = signaling.request({type: 'raiseHand'});
    const second = signaling.request({type: 'lowerHand'});
    const refused = signaling.request({type: 'mute', participantId: 'x'});
    assert.equal((await second).type, 'ok');
    await assert.rejects(refused, (error) => error instanceof SignalingError && error.code === 'NOT_ALLOWED');
    release();
    assert.equal((await first).first, true);
    const ids = server.latest().sent.map((m) => m.requestId);
    assert.equal(new Set(ids).size, 3, 'one requestId each');
    assert.equal(signaling.stats.sent, 3);
    assert.deepEqual(signaling.stats.errors, {NOT_ALLOWED: 1});
    // A refusal that answers no request still counts, and goes to the error handler.
    server.latest().deliver({type: 'error', code: 'RATE_LIMITED', message: 'Too many'});
    assert.deepEqual(signaling.stats.errors, {NOT_ALLOWED: 1, RATE_LIMITED: 1});
});

test('events go to their handlers, mediaInterrupted and renegotiate included; unknown types are logged', async () => {
    const {signaling, server, events} = setUp();
    await signaling.connect();
    const socket = server.latest();
    const frames = [{type: 'roomUpdated', room: {status: 'OPEN'}}, {type: 'admitted', room: {status: 'OPEN'}},
        {type: 'iceCandidate', endpoint: {kind: 'grid'}, candidate: 'c', sdpMid: '0', sdpMLineIndex: 0},
        {type: 'mediaInterrupted'}, {type: 'renegotiate'}, {type: 'muteRequested', by: 'f'}, {type: 'muted', by: 'f'}];
    frames.forEach((frame) => socket.deliver(frame));
    assert.deepEqual(events.map(([type, message]) => [type, message]), frames.map((f) => [f.type, f]));
    const logged = [];
    const original = console.error;
    console.error = (...args) => logged.push(args.join(' '));
    try {
        socket.deliver({type: 'somethingNew'});
        socket.onmessage({data: 'not json'});
    } finally {
        console.error = original;
    }
    assert.match(logged[0], /UNKNOWN message type.*somethingNew/);
    assert.equal(logged.length, 2);
});

test('a dropped link: a new ticket, a new socket, resume with the latest token, and the new welcome\'s servers',
    async () => {
        const {signaling, server, states, events} = setUp({iceServersPerConnection: [
            [{urls: 'turn:t.example.org', username: 'old', credential: 'a'}],
            [{urls: 'turn:t.example.org', username: 'new', credential: 'b'}]]});
        await signaling.connect();
        const joined = await signaling.join(SESSION, 'home');
        assert.equal(server.latest().sent[0].attestedLocation, 'home');
        assert.equal(signaling.iceServers[0].username, 'old');
        server.latest().drop(1006);
        await settle(10);
        assert.equal(server.sockets.length, 2);
        const resume = server.latest().sent[0];
        assert.deepEqual({type: resume.type, sessionId: resume.sessionId, resumeToken: resume.resumeToken},
            {type: 'resume', sessionId: SESSION, resumeToken: joined.resumeToken});
        assert.deepEqual(states, ['connecting', 'open', 'reconnecting', 'open']);
        assert.equal(events.at(-1)[0], 'resumed');
        assert.equal(signaling.iceServers[0].username, 'new', 'this connection\'s TURN credentials');
    });

test('RESUMED_ELSEWHERE: this page stepped aside, it does not take the seat back', async () => {
    const {signaling, server, states} = setUp();
    await signaling.connect();
    await signaling.join(SESSION);
    server.latest().drop(1008, 'RESUMED_ELSEWHERE');
    await settle(10);
    assert.equal(server.sockets.length, 1);
    assert.equal(states.at(-1), 'replaced');
});

test('a request with no reply times out and the silent socket is replaced', async () => {
    const {signaling, server, clock} = setUp();
    await signaling.connect();
    await signaling.join(SESSION);
    server.answer('raiseHand', () => null);
    const timedOut = assert.rejects(signaling.request({type: 'raiseHand'}), (error) => error.code === 'TIMEOUT');
    await clock.advance(19999);
    assert.equal(server.sockets[0].closedWith, null);
    await clock.advance(1);
    await timedOut;
    assert.deepEqual(server.sockets[0].closedWith, {code: 4000, reason: 'no reply'});
    await settle(10);
    assert.equal(server.latest().sent[0].type, 'resume');
});

test('requests on a closed connection are refused at once; leave closes', async () => {
    const {signaling, server, states} = setUp();
    await assert.rejects(signaling.request({type: 'raiseHand'}), (error) => error.code === 'DISCONNECTED');
    await signaling.connect();
    await signaling.join(SESSION);
    await signaling.leave();
    assert.equal(server.latest().sent.at(-1).type, 'leave');
    assert.equal(states.at(-1), 'closed');
    await settle(10);
    assert.equal(server.sockets.length, 1, 'no reconnect after leaving');
});

test('the browser saying it is offline closes the socket at once', async () => {
    const {signaling, server, network} = setUp();
    await signaling.connect();
    await signaling.join(SESSION);
    network.dispatchEvent(new Event('offline'));
    assert.deepEqual(server.sockets[0].closedWith, {code: 4000, reason: 'offline'});
    await settle(10);
    assert.equal(server.latest().sent[0].type, 'resume');
});

test('a quiet link is asked with a ping; silence grows only while the server does not answer', async () => {
    const {signaling, server, clock} = setUp({}, {probeWhenQuietMs: 5000});
    assert.equal(signaling.silentForMs, 0, 'not connected');
    await signaling.connect();
    await signaling.join(SESSION);
    const pings = () => server.sent().filter((m) => m.type === 'ping').length;
    await clock.advance(4000);
    assert.equal(pings(), 0, 'nothing sent while the link was not quiet for long');
    assert.equal(signaling.silentForMs, 4000);
    await clock.advance(1000);
    assert.equal(pings(), 1);
    assert.equal(signaling.silentForMs, 0, 'the ok came back');
    // The server goes silent: one ping at a time, and the silence grows until the reply times out.
    server.answer('ping', () => null);
    await clock.advance(5000);
    assert.equal(pings(), 2);
    await clock.advance(4000);
    assert.equal(pings(), 2, 'one unanswered ping, not one a second');
    assert.ok(signaling.silentForMs >= 8000);
    await clock.advance(17000);
    assert.deepEqual(server.sockets[0].closedWith, {code: 4000, reason: 'no reply'});
    await settle(10);
    signaling.close();
    const before = pings();
    await clock.advance(30000);
    assert.equal(pings(), before, 'no ping after closing');
    assert.deepEqual(clock.pending, [], 'and no timer left');
});

test('without probeWhenQuietMs nothing is sent on a quiet link', async () => {
    const {signaling, server, clock} = setUp();
    await signaling.connect();
    await signaling.join(SESSION);
    await clock.advance(60000);
    assert.deepEqual(server.sent().map((m) => m.type), ['join']);
});
