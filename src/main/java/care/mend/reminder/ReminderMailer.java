package care.mend.reminder;

/**
 * Hands one reminder to the mail server. A port: the server sends through its mail session
 * ({@link MailSessionReminderMailer}); the unit tests record what would be sent.
 */
public interface ReminderMailer {

    /**
     * Sends {@code message} to {@code address}, or throws {@link ReminderNotSent} (the caller's transaction then
     * rolls back, and a later run tries again while the session has not started).
     */
    void send(String address, ReminderMessage message);

    /** The mail server did not take the message. Its text names the failure's kind, never the address. */
    final class ReminderNotSent extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public ReminderNotSent(String kind, Throwable cause) {
            super("the mail server did not take a reminder: " + kind, cause);
        }
    }
}
