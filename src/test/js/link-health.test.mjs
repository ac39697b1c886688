// When the patient's page says "Connection unstable" (src/main/webapp/app/js/link-health.js): signaling silent
// past an unanswered ping, a connection that was connected dropping, or nothing received for a few seconds.
import test from 'node:test';
import assert from 'node:assert/strict';
import {LinkHealth, MEDIA_STALL_MS, SIGNALING_SILENCE_MS, sampleConnections}
    from '../../main/webapp/app/js/link-health.js';

const sub = (id, bytesReceived, state = 'connected') => ({id, key: `subscriber:p${id}`, state, bytesReceived,
    audioLevel: 0});

test('a quiet room is not unstable; signaling silent past an unanswered ping is, and it clears when heard', () => {
    const health = new LinkHealth();
    assert.deepEqual(health.update({at: 0, signalingSilentMs: 4000}), {unstable: false, reasons: [], changed: false});
    const stalled = health.update({at: 1000, signalingSilentMs: SIGNALING_SILENCE_MS});
    assert.deepEqual(stalled, {unstable: true, reasons: ['signaling'], changed: true});
    assert.equal(health.update({at: 2000, signalingSilentMs: SIGNALING_SILENCE_MS + 1000}).changed, false,
        'said once, not at every sample');
    assert.deepEqual(health.update({at: 3000, signalingSilentMs: 0}), {unstable: false, reasons: [], changed: true});
});

test('media that stops growing for a few seconds is a stall; growth again clears it', () => {
    const health = new LinkHealth();
    assert.equal(health.update({at: 0, media: [sub(1, 100), sub(2, 50)]}).unstable, false);
    assert.equal(health.update({at: 2000, media: [sub(1, 900), sub(2, 50)]}).unstable, false,
        'one publisher going quiet is theirs, not our link');
    assert.equal(health.update({at: 4000, media: [sub(1, 900), sub(2, 50)]}).unstable, false);
    const stalled = health.update({at: 2000 + MEDIA_STALL_MS, media: [sub(1, 900), sub(2, 50)]});
    assert.deepEqual(stalled, {unstable: true, reasons: ['media'], changed: true});
    assert.deepEqual(health.update({at: 9000, media: [sub(1, 950), sub(2, 50)]}),
        {unstable: false, reasons: [], changed: true});
});

test('a connection that was connected and is now disconnected is unstable at once; one still connecting is not', () => {
    const health = new LinkHealth();
    assert.equal(health.update({at: 0, media: [sub(1, 0, 'connecting')]}).unstable, false);
    assert.equal(health.update({at: 1000, media: [sub(1, 0, 'disconnected')]}).unstable, false,
        'never connected: still being set up');
    health.update({at: 2000, media: [sub(1, 10, 'connected')]});
    assert.deepEqual(health.update({at: 3000, media: [sub(1, 10, 'disconnected')]}).reasons, ['ice']);
    assert.equal(health.update({at: 4000, media: [sub(1, 20, 'connected')]}).unstable, false);
    const publisherDown = {id: 9, key: 'publisher', state: 'connected', bytesReceived: 0, audioLevel: 0};
    health.update({at: 5000, media: [publisherDown, sub(1, 30)]});
    assert.deepEqual(health.update({at: 6000, media: [{...publisherDown, state: 'failed'}, sub(1, 40)]}).reasons,
        ['ice'], 'what we send counts too');
});

test('a publisher alone receives nothing, which is no stall; a connection made again starts afresh', () => {
    const health = new LinkHealth();
    const publisher = {id: 1, key: 'publisher', state: 'connected', bytesReceived: 0, audioLevel: 0};
    for (let at = 0; at <= 20000; at += 2000) {
        assert.equal(health.update({at, media: [publisher]}).unstable, false);
    }
    health.update({at: 0, media: [sub(2, 5000)]});
    assert.equal(health.update({at: 2000, media: [sub(3, 10)]}).unstable, false, 'made again: smaller, but new');
});

test('while signaling is reconnecting nothing is unstable (the page says "Reconnecting"), and a reset forgets', () => {
    const health = new LinkHealth();
    health.update({at: 0, signalingSilentMs: SIGNALING_SILENCE_MS});
    assert.deepEqual(health.update({at: 1000, signalingOpen: false, signalingSilentMs: 0}),
        {unstable: false, reasons: [], changed: true});
    health.update({at: 2000, media: [sub(1, 10)]});
    health.reset();
    assert.equal(health.update({at: 3000, media: [sub(1, 10, 'disconnected')]}).unstable, false);
});

test('sampleConnections reads received bytes and the loudest audio from getStats, and survives a closed one',
    async () => {
        const stats = (entries) => ({getStats: async () => new Map(entries.map((e, i) => [String(i), e])),
            connectionState: 'connected'});
        const pc = stats([{type: 'inbound-rtp', kind: 'audio', bytesReceived: 300, audioLevel: 0.2},
            {type: 'inbound-rtp', kind: 'video', bytesReceived: 700}, {type: 'outbound-rtp', bytesSent: 99}]);
        const closed = {getStats: async () => {
            throw new Error('closed');
        }, connectionState: 'closed'};
        const [first, second] = await sampleConnections([{key: 'subscriber:a', pc}, {key: 'subscriber:b',
            pc: closed}]);
        assert.equal(first.bytesReceived, 1000);
        assert.equal(first.audioLevel, 0.2);
        assert.equal(first.state, 'connected');
        assert.equal(second.bytesReceived, 0);
        const [again] = await sampleConnections([{key: 'subscriber:a', pc}]);
        assert.equal(again.id, first.id, 'the same connection keeps its id');
        assert.notEqual(second.id, first.id);
    });
