// The page's one live region (announcer.js) and the words for who is waiting.
import test from 'node:test';
import assert from 'node:assert/strict';
import {Announcer, waitingWords} from '../../main/webapp/app/js/announcer.js';

test('who is waiting, in one sentence', () => {
    assert.equal(waitingWords([]), '');
    assert.equal(waitingWords(['Ana']), 'Ana is waiting.');
    assert.equal(waitingWords(['Ana', 'Ben']), 'Ana and Ben are waiting.');
    assert.equal(waitingWords(['Ana', 'Ben', 'Cleo']), 'Ana, Ben and Cleo are waiting.');
});

test('a message is set once per call; nothing for an empty one; a repeat is still a change', () => {
    const region = {textContent: ''};
    const announcer = new Announcer(region);
    announcer.say('Ana is waiting.');
    assert.equal(region.textContent, 'Ana is waiting.');
    announcer.say('');
    assert.equal(region.textContent, 'Ana is waiting.');
    announcer.say('Ana is waiting.');
    assert.notEqual(region.textContent, 'Ana is waiting.');
    assert.equal(region.textContent.trim(), 'Ana is waiting.');
});
