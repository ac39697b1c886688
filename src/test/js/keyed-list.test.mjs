// The keyed-list reconciler (keyed-list.js) against a minimal fake DOM: rows are kept across snapshots, only what
// changed is touched, the focus stays on a row's button, and after the focused row goes it moves to the next one.
import test from 'node:test';
import assert from 'node:assert/strict';
import {installDocument} from './fake-dom.mjs';
import {diffKeys, focusIndexAfterRemoval, morph, onAction, reconcile} from '../../main/webapp/app/js/keyed-list.js';
import {el} from '../../main/webapp/app/js/api.js';

const doc = installDocument();

function waitingRow(p) {
    return el('li', {'data-participant-id': p.id},
        el('span', {class: 'name', text: `${p.name} is waiting`}),
        el('span', {class: 'actions'},
            el('button', {type: 'button', 'data-action': 'admit', 'aria-label': `Admit ${p.name}`, text: 'Admit'}),
            el('button', {type: 'button', 'data-action': 'decline', 'aria-label': `Decline ${p.name}`,
                text: 'Decline'})));
}

function list() {
    const ul = doc.createElement('ul');
    doc.body.append(ul);
    return ul;
}

const options = {key: (p) => p.id, render: waitingRow};
const ana = {id: 'p-ana', name: 'Ana'};
const ben = {id: 'p-ben', name: 'Ben'};
const cleo = {id: 'p-cleo', name: 'Cleo'};

test('diffKeys says what was added, removed and kept, in list order', () => {
    assert.deepEqual(diffKeys(['a', 'b', 'c'], ['b', 'd', 'a']), {added: ['d'], removed: ['c'], kept: ['b', 'a']});
    assert.deepEqual(diffKeys([], ['a']), {added: ['a'], removed: [], kept: []});
});

test('the focus goes to the row now in the removed one\'s place, else the last, else nowhere', () => {
    assert.equal(focusIndexAfterRemoval(0, 1), 0);
    assert.equal(focusIndexAfterRemoval(2, 2), 1);
    assert.equal(focusIndexAfterRemoval(0, 0), -1);
});

test('an unchanged snapshot touches nothing; a new row is the only insertion and is reported as added', () => {
    const ul = list();
    assert.deepEqual(reconcile(ul, [ana], options), {added: ['p-ana'], removed: [], changed: []});
    const anaRow = ul.children[0];
    const before = {inserts: doc.inserts, writes: doc.attributeWrites};
    assert.deepEqual(reconcile(ul, [{...ana}], options), {added: [], removed: [], changed: []});
    assert.equal(doc.inserts, before.inserts);
    assert.equal(doc.attributeWrites, before.writes);

    const result = reconcile(ul, [ana, ben], options);
    assert.deepEqual(result, {added: ['p-ben'], removed: [], changed: []});
    assert.equal(ul.children[0], anaRow, 'the existing row is the same element');
    assert.equal(ul.children[1].dataset.key, 'p-ben');
    assert.equal(ul.textContent, 'Ana is waitingAdmitDeclineBen is waitingAdmitDecline');
});

test('a changed row is patched in place: the same element and the same focused button, with the new words', () => {
    const ul = list();
    reconcile(ul, [ana, ben], options);
    const admitBen = ul.children[1].querySelector('[data-action="admit"]');
    admitBen.focus();
    const result = reconcile(ul, [ana, {...ben, name: 'Benny'}], options);
    assert.deepEqual(result.changed, ['p-ben']);
    assert.equal(ul.children[1].querySelector('[data-action="admit"]'), admitBen);
    assert.equal(admitBen.getAttribute('aria-label'), 'Admit Benny');
    assert.equal(doc.activeElement, admitBen);
    assert.equal(ul.children[1].textContent, 'Benny is waitingAdmitDecline');
});

test('after admitting the first of two waiting patients the focus is on the next one\'s Admit button', () => {
    const ul = list();
    reconcile(ul, [ana, ben], options);
    const admitBen = ul.children[1].querySelector('[data-action="admit"]');
    ul.children[0].querySelector('[data-action="admit"]').focus();
    const result = reconcile(ul, [ben], options);
    assert.deepEqual(result.removed, ['p-ana']);
    assert.equal(doc.activeElement, admitBen);
});

test('declining the last waiting patient moves the focus to the previous row\'s same button, then the fallback', () => {
    const ul = list();
    reconcile(ul, [ana, ben], options);
    ul.children[1].querySelector('[data-action="decline"]').focus();
    reconcile(ul, [ana], options);
    assert.equal(doc.activeElement, ul.children[0].querySelector('[data-action="decline"]'));
    const heading = doc.createElement('h3');
    doc.body.append(heading);
    reconcile(ul, [], {...options, focusFallback: () => heading});
    assert.equal(doc.activeElement, heading);
});

test('a focused row that stays keeps the focus when another arrives before it or one before it leaves', () => {
    const ul = list();
    reconcile(ul, [ana, ben], options);
    const declineBen = ul.children[1].querySelector('[data-action="decline"]');
    declineBen.focus();
    reconcile(ul, [cleo, ana, ben], options);
    assert.equal(doc.activeElement, declineBen);
    reconcile(ul, [ben], options);
    assert.equal(doc.activeElement, declineBen);
    assert.equal(ul.children.length, 1);
});

test('rows follow a new order with the fewest moves, and stray children are dropped', () => {
    const ul = list();
    ul.append(doc.createElement('li')); // not a keyed row
    reconcile(ul, [ana, ben, cleo], options);
    const rows = ul.children;
    assert.deepEqual(rows.map((r) => r.dataset.key), ['p-ana', 'p-ben', 'p-cleo']);
    const [a, b, c] = rows;
    reconcile(ul, [cleo, ana, ben], options);
    assert.deepEqual(ul.children, [c, a, b]);
});

test('morph keeps matching children, replaces media elements and leaves properties alone', () => {
    const old = el('li', {class: 'tile'}, el('video', {}), el('p', {class: 'name', text: 'Ana'}),
        el('input', {type: 'checkbox', id: 'x'}));
    const box = old.children[2];
    box.checked = true;
    const name = old.children[1];
    const video = el('video', {});
    morph(old, el('li', {class: 'tile hand'}, video, el('p', {class: 'name', text: 'Ana (hand raised)'}),
        el('input', {type: 'checkbox', id: 'x'})));
    assert.equal(old.getAttribute('class'), 'tile hand');
    assert.equal(old.children[0], video, 'a new stream\'s element is used as it is');
    assert.equal(old.children[1], name);
    assert.equal(name.textContent, 'Ana (hand raised)');
    assert.equal(old.children[2], box);
    assert.equal(box.checked, true);
    assert.equal(old.children.length, 3);
});

test('onAction hands the row\'s key and the button\'s action to one listener on the list', () => {
    const ul = list();
    const calls = [];
    onAction(ul, (action, key) => calls.push([action, key]));
    reconcile(ul, [ana, ben], options);
    ul.children[1].querySelector('[data-action="admit"]').click();
    const decline = ul.children[0].querySelector('[data-action="decline"]');
    decline.disabled = true;
    decline.click();
    assert.deepEqual(calls, [['admit', 'p-ben']]);
});
