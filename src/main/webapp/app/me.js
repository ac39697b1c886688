// Shows who is signed in. The page session (cookie) authenticates the API call: no token is handled here.
const who = document.getElementById('who');
try {
    const response = await fetch('../api/me', {headers: {Accept: 'application/json'}, credentials: 'same-origin'});
    if (!response.ok) {
        throw new Error(`HTTP ${response.status}`);
    }
    const me = await response.json();
    const name = me.displayName ?? 'an account with no Mend record yet';
    who.textContent = `Signed in as ${name} (${me.roles.join(', ') || 'no Mend role'}).`;
} catch (error) {
    console.error('mend: /api/me failed', error);
    who.textContent = 'Your account could not be loaded. Please sign in again.';
}
