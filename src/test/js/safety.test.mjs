// Licensure and the safety panel in the browser: the jurisdiction lists shaped for a select, the override reason as
// the server checks it, the staff page's licensed states, and what the safety panel says
// (src/main/webapp/app/js/jurisdictions.js, safety-panel.js, admin/licensed-states.js).
import test from 'node:test';
import assert from 'node:assert/strict';
import {isJurisdiction, jurisdictionGroups, jurisdictionName, overrideReasonProblem, usStates}
    from '../../main/webapp/app/js/jurisdictions.js';
import {panelLines} from '../../main/webapp/app/js/safety-panel.js';
import {parseStates} from '../../main/webapp/app/js/admin/licensed-states.js';

const LIST = {us: [{code: 'US-IL', usps: 'IL', name: 'Illinois'}, {code: 'US-PR', usps: 'PR', name: 'Puerto Rico'}],
    countries: [{code: 'CA', name: 'Canada'}, {code: 'FR', name: 'France'}]};

test('the US comes first, then the countries, each option with the code the server takes', () => {
    const groups = jurisdictionGroups(LIST);
    assert.deepEqual(groups.map((g) => g.label), ['United States', 'Outside the US']);
    assert.deepEqual(groups[0].options, [{value: 'US-IL', label: 'Illinois'}, {value: 'US-PR', label: 'Puerto Rico'}]);
    assert.deepEqual(groups[1].options[0], {value: 'CA', label: 'Outside the US: Canada'});
    assert.deepEqual(jurisdictionGroups(null).map((g) => g.options.length), [0, 0]);
});

test('a code is known or not, and named', () => {
    assert.equal(isJurisdiction(LIST, 'US-IL'), true);
    assert.equal(isJurisdiction(LIST, 'CA'), true, 'Canada, not California');
    assert.equal(isJurisdiction(LIST, 'IL'), false);
    assert.equal(isJurisdiction(LIST, ''), false);
    assert.equal(jurisdictionName(LIST, 'FR'), 'Outside the US: France');
    assert.equal(jurisdictionName(LIST, 'US-IL'), 'Illinois');
    assert.equal(jurisdictionName(LIST, 'XX'), 'XX');
    assert.equal(jurisdictionName(LIST, null), '');
    assert.deepEqual(usStates(LIST), [{usps: 'IL', name: 'Illinois'}, {usps: 'PR', name: 'Puerto Rico'}]);
});

test('an override reason is one line of 1 to 500 characters', () => {
    assert.equal(overrideReasonProblem('Visiting family; continuity of care'), '');
    assert.match(overrideReasonProblem('   '), /why/);
    assert.match(overrideReasonProblem(undefined), /why/);
    assert.match(overrideReasonProblem('x'.repeat(501)), /500/);
    assert.equal(overrideReasonProblem(` ${'x'.repeat(500)} `), '');
    assert.match(overrideReasonProblem('two\nlines'), /one line/);
});

test('licensed states are read as USPS codes, upper-cased, once each', () => {
    assert.deepEqual(parseStates('il, in;wi  IL'), {states: ['IL', 'IN', 'WI'], problem: ''});
    assert.deepEqual(parseStates(''), {states: [], problem: ''});
    assert.match(parseStates('Illinois').problem, /USPS/);
    assert.match(parseStates('IL, 12').problem, /USPS/);
});

test('the safety panel says where, whom to call and what to do, in that order', () => {
    const lines = panelLines({statedLocation: "my sister's in Mattoon", jurisdiction: 'US-IL',
        jurisdictionName: 'Illinois', outsideLicensure: false,
        emergencyContact: {name: 'Sam Example', phone: '+1 217 555 0100'},
        crisisInstructions: 'Call or text 988 (Suicide & Crisis Lifeline); in immediate danger call 911'});
    assert.deepEqual(lines, [['Stated location', "my sister's in Mattoon"], ['State or country', 'Illinois'],
        ['Emergency contact', 'Sam Example, +1 217 555 0100'],
        ['In a crisis', 'Call or text 988 (Suicide & Crisis Lifeline); in immediate danger call 911']]);
    const abroad = panelLines({statedLocation: null, jurisdiction: 'FR', jurisdictionName: 'France',
        outsideLicensure: true, emergencyContact: {name: 'A', phone: '555'}, crisisInstructions: 'Call the site'});
    assert.deepEqual(abroad[0], ['Stated location', 'Not stated']);
    assert.deepEqual(abroad[1], ['State or country', 'Outside the US: France (outside licensed states)']);
    assert.deepEqual(panelLines({emergencyContact: {name: 'A', phone: '5'}, crisisInstructions: 'x'})[1],
        ['State or country', 'Not stated']);
});
