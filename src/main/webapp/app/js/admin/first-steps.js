// The admin home's "first steps" for a clinic with nothing in it yet (a site, a program, its consent texts, a group), without the DOM: each step is done when its
// list is not empty (the totals of the list endpoints), and the next step is the first one not done.

export const STEPS = Object.freeze([
    {key: 'sites', text: 'Create a site', href: 'sites.html#new'},
    {key: 'programs', text: 'Create a program', href: 'programs.html#new'},
    // Until a program has published both consent texts, none of its patients can join a session.
    {key: 'consents', text: 'Publish the program\'s consent texts', href: 'consents.html'},
    {key: 'groups', text: 'Create a group', href: 'groups.html#new'},
]);

/** @param totals {sites, programs, consents, groups}: how many of each exist (consents: programs with both texts) */
export function firstSteps(totals) {
    const steps = STEPS.map((step, index) => ({...step, number: index + 1, done: (totals[step.key] ?? 0) > 0}));
    const next = steps.find((step) => !step.done);
    return {steps, next: next?.key ?? null, allDone: next === undefined};
}
