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
    // Plain words for the person: role names and record ids are for the staff pages and the API, not a greeting.
    who.textContent = me.displayName
        ? `Signed in as ${me.chosenName || me.displayName}.`
        : 'You are signed in, but your clinic has not set up your Mend account yet.';
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
