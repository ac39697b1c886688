// The login's words and actions on the admin pages (src/main/webapp/app/js/admin/login-words.js), without a DOM.
import test from 'node:test';
import assert from 'node:assert/strict';
import {actionLabel, loginActions, loginWords, outcomeWords}
    from '../../main/webapp/app/js/admin/login-words.js';

const linked = {idpSubject: '8d7a1c2e-0000-4000-8000-000000000001', email: 'acct@example.org'};

test('each state is said in words, with why an attempt failed', () => {
    assert.equal(loginWords({loginState: 'NONE'}), 'No login yet.');
    assert.match(loginWords({loginState: 'INVITED'}), /e-mail to set a password was sent/);
    assert.equal(loginWords({loginState: 'ACTIVE'}), 'Active.');
    assert.match(loginWords({loginState: 'FAILED', loginProblem: 'EMAIL_NOT_SENT'}), /no mail server/);
    assert.match(loginWords({loginState: 'FAILED', loginProblem: 'IDP_UNAVAILABLE'}), /could not be reached/);
    assert.equal(loginWords({loginState: 'DISABLED'}), 'Disabled.');
    assert.match(loginWords({loginState: 'DISABLED', loginProblem: 'IDP_UNAVAILABLE'}), /Keycloak was not told/);
    assert.equal(loginWords({loginState: 'SOMETHING_NEW'}), 'something_new');
});

test('the actions fit the state: invite needs an address, disable a linked login, enable a disabled one', () => {
    assert.deepEqual(loginActions({loginState: 'NONE', email: 'a@example.org'}), ['invite']);
    assert.deepEqual(loginActions({loginState: 'NONE'}), []);
    assert.deepEqual(loginActions({loginState: 'FAILED', email: 'a@example.org'}), ['invite']);
    assert.deepEqual(loginActions({...linked, loginState: 'FAILED', loginProblem: 'EMAIL_NOT_SENT'}),
        ['invite', 'disable']);
    assert.deepEqual(loginActions({...linked, loginState: 'INVITED'}), ['invite', 'disable']);
    assert.deepEqual(loginActions({...linked, loginState: 'ACTIVE'}), ['disable']);
    assert.deepEqual(loginActions({...linked, loginState: 'DISABLED'}), ['enable']);
    assert.deepEqual(loginActions({...linked, loginState: 'DISABLED', loginProblem: 'IDP_UNAVAILABLE'}),
        ['enable', 'disable']);
});

test('buttons say what they do to this login, and the outcome names the record', () => {
    assert.equal(actionLabel('invite', {loginState: 'FAILED'}), 'Retry invite');
    assert.equal(actionLabel('invite', {loginState: 'INVITED'}), 'Invite again');
    assert.equal(actionLabel('invite', {loginState: 'NONE'}), 'Invite');
    assert.equal(actionLabel('disable', {}), 'Disable login');
    assert.equal(actionLabel('enable', {}), 'Enable login');
    assert.equal(outcomeWords({displayName: 'Pat (test)', loginState: 'ACTIVE'}), 'Pat (test): Active.');
});
