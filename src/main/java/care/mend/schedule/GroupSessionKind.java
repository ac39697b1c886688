package care.mend.schedule;

/**
 * What a session is. SCHEDULED: an occurrence of the group's weekly pattern. ONE_OFF: an extra session of the whole
 * group (its members are on the roster as on any day). MAKE_UP: an extra session for named patients only, its
 * make-up guests (the group's members are not expected at it).
 */
public enum GroupSessionKind {
    SCHEDULED,
    ONE_OFF,
    MAKE_UP
}
