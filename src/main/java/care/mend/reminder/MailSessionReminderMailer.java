package care.mend.reminder;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;

/**
 * Sends reminders through the server's mail session {@code java:jboss/mail/mend} ({@code wildfly-config/mail.cli}:
 * the SMTP server from {@code mend.smtp.host} and {@code mend.smtp.port}, the sender from {@code mend.smtp.from}).
 * Plain text in UTF-8, one recipient, nothing else.
 */
@ApplicationScoped
public class MailSessionReminderMailer implements ReminderMailer {

    /** The mail session's JNDI name, as {@code wildfly-config/mail.cli} binds it. */
    public static final String MAIL_SESSION = "java:jboss/mail/mend";

    @Resource(lookup = MAIL_SESSION)
    Session mail;

    @Override
    public void send(String address, ReminderMessage message) {
        try {
            MimeMessage mime = new MimeMessage(mail);
            mime.setFrom();
            mime.setRecipients(Message.RecipientType.TO, InternetAddress.parse(address, true));
            mime.setSubject(message.subject(), "UTF-8");
            mime.setText(message.body(), "UTF-8");
            mime.setSentDate(new Date());
            Transport.send(mime);
        } catch (MessagingException e) {
            throw new ReminderNotSent(e.getClass().getSimpleName(), e);
        }
    }
}
