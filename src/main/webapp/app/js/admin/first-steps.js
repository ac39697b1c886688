// The admin home's "first steps" for a clinic with nothing in it yet, without the DOM: each step is done when its
// list is not empty (the totals of the list endpoints), and the next step is the first one not done.

export const STEPS = Object.freeze([
    {key: 'sites', text: 'Create a site', href: 'sites.html#new'},
    {key: 'programs', text: 'Create a program', href: 'programs.html#new'},
    {key: 'groups', text: 'Create a group', href: 'groups.html#new'},
]);

/** @param totals {sites, programs, groups}: how many of each exist */
export function firstSteps(totals) {
    const steps = STEPS.map((step, index) => ({...step, number: index + 1, done: (totals[step.key] ?? 0) > 0}));
    const next = steps.find((step) => !step.done);
    return {steps, next: next?.key ?? null, allDone: next === undefined};
}
