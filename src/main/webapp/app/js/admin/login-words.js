// A person's login as the admin pages say it, without the DOM: the state Mend recorded (PatientResponse.loginState),
// why the last attempt failed (loginProblem), and which actions fit it. The server decides; these are its words.

const PROBLEM_WORDS = Object.freeze({
    IDP_UNAVAILABLE: 'Keycloak could not be reached or refused Mend\'s credentials. Retry when it is back.',
    EMAIL_NOT_SENT: 'Keycloak has the account, but could not send the e-mail (no mail server is set up for the realm). '
        + 'Set one up in Keycloak, then invite again.',
    EMAIL_TAKEN: 'That e-mail address belongs to an account already linked to another record.',
    IDP_REFUSED: 'Keycloak refused the account as given (check the e-mail address).',
});

/** The login's state in words, with the problem when there is one. */
export function loginWords(person) {
    const problem = person.loginProblem ? ` ${PROBLEM_WORDS[person.loginProblem] ?? person.loginProblem}` : '';
    switch (person.loginState) {
    case 'NONE': return 'No login yet.';
    case 'INVITED': return 'Invited: the e-mail to set a password was sent.';
    case 'ACTIVE': return 'Active.';
    case 'FAILED': return `Not completed.${problem}`;
    case 'DISABLED': return person.loginProblem
        ? `Disabled in Mend; Keycloak was not told yet.${problem}` : 'Disabled.';
    default: return String(person.loginState ?? 'Unknown').toLowerCase();
    }
}

/**
 * The actions that fit the login: `invite` (make it, retry it or send the e-mail again; needs an address),
 * `disable` (a linked login that is not disabled), `enable` (a disabled one).
 */
export function loginActions(person) {
    const actions = [];
    if (person.loginState === 'DISABLED') {
        actions.push('enable');
        if (person.loginProblem) {
            actions.push('disable'); // tell Keycloak again
        }
        return actions;
    }
    if (person.email && person.loginState !== 'ACTIVE') {
        actions.push('invite');
    }
    if (person.idpSubject) {
        actions.push('disable');
    }
    return actions;
}

/** The button's words for an action, from the state it acts on. */
export function actionLabel(action, person) {
    if (action === 'invite') {
        return person.loginState === 'FAILED' ? 'Retry invite' : person.loginState === 'INVITED'
            ? 'Invite again' : 'Invite';
    }
    return action === 'disable' ? 'Disable login' : 'Enable login';
}

/** What the page announces after an action, from the record the server answered. */
export function outcomeWords(person) {
    return `${person.displayName}: ${loginWords(person)}`;
}
