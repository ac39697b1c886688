// Shows who is signed in and the pages their roles open. The page session (cookie) authenticates the API call.
const who = document.getElementById('who');
const PAGES = [
    {role: 'patient', href: 'patient.html', text: 'Join your group session'},
    {role: 'facilitator', href: 'facilitator.html', text: 'Run your group sessions'},
    {role: 'supervisor', href: 'supervisor.html', text: 'Attendance dashboard'},
    {role: 'admin', href: 'admin/', text: 'Set up the clinic'},
    {role: 'admin', href: 'supervisor.html', text: 'Attendance dashboard'},
];
try {
    const response = await fetch('../api/me', {headers: {Accept: 'application/json'}, credentials: 'same-origin'});
    if (!response.ok) {
        throw new Error(`HTTP ${response.status}`);
    }
    const me = await response.json();
    const name = me.displayName ?? 'an account with no Mend record yet';
    who.textContent = `Signed in as ${name} (${me.roles.join(', ') || 'no Mend role'}).`;
    const seen = new Set();
    for (const page of PAGES.filter((p) => me.roles.includes(p.role))) {
        if (seen.has(page.href)) {
            continue;
        }
        seen.add(page.href);
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = page.href;
        link.className = 'button';
        link.textContent = page.text;
        item.append(link);
        document.getElementById('pages').append(item);
    }
} catch (error) {
    console.error('mend: /api/me failed', error.message);
    who.textContent = 'Your account could not be loaded. Please sign in again.';
}
