// A membership's state in words, without the DOM: voided (entered in error, never counted), called off (ended the
// day before it began), ended, starting later, or active.

/** @param today yyyy-mm-dd in the group's zone (or the browser's, for words only) */
export function membershipState(membership, today) {
    if (membership.voidedAt) {
        return {key: 'voided', text: `Voided — ${membership.voidReason}`};
    }
    const reason = membership.endReason ? ` — ${membership.endReason}` : '';
    if (membership.toDate && membership.toDate < membership.fromDate) {
        return {key: 'called-off', text: `Called off before it began${reason}`};
    }
    if (membership.toDate && membership.toDate < today) {
        return {key: 'ended', text: `Ended${reason}`};
    }
    if (membership.fromDate > today) {
        return {key: 'future', text: membership.toDate ? `Starts later, ends as planned${reason}` : 'Starts later'};
    }
    return {key: 'active', text: membership.toDate ? `Active, ending as planned${reason}` : 'Active'};
}

/** Which changes a membership still takes: a voided one none, an ended one only a void. */
export function membershipActions(membership) {
    if (membership.voidedAt) {
        return [];
    }
    return membership.toDate ? ['void'] : ['end', 'void'];
}
