package ru.frmr.auth.secondfactor;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

import ru.frmr.auth.api.CodePurpose;
import ru.frmr.auth.error.AuthException;

/** Delivers one-time codes by e-mail over SMTP. Neither the code nor the address is logged. */
public class CodeMailer {

    private static final Logger log = LoggerFactory.getLogger(CodeMailer.class);

    private final JavaMailSender mail;
    private final String from;
    private final Duration ttl;

    public CodeMailer(JavaMailSender mail, String from, Duration ttl) {
        this.mail = mail;
        this.from = from;
        this.ttl = ttl;
    }

    public void send(String accountId, String to, String code, CodePurpose purpose) {
        deliver(accountId, to, purpose == CodePurpose.STEP_UP
                ? "ФРМР: код подтверждения действия" : "ФРМР: код для входа",
                "Ваш одноразовый код: " + code + "\n\nКод действует " + ttl.toMinutes()
                + " минут. Никому его не сообщайте: сотрудники ФРМР его не спрашивают.\n"
                + "Если вы не входили в личный кабинет ФРМР, просто проигнорируйте это письмо.\n", purpose);
    }

    /**
     * Tells the holder of the account's e-mail that the identity provider reported new contacts, with the code that
     * confirms them. The new values are not in the mail: whoever changed them knows them.
     */
    public void sendContactChangeNotice(String accountId, String to, String code) {
        deliver(accountId, to, "ФРМР: в ЕСИА указаны новые контактные данные",
                "При входе в личный кабинет ФРМР Госуслуги (ЕСИА) сообщили новый адрес электронной почты или номер "
                + "телефона для вашей учётной записи.\n\nПока изменение не подтверждено, коды для входа приходят "
                + "на этот адрес. Если это сделали вы, подтвердите изменение в личном кабинете кодом: " + code
                + "\nКод действует " + ttl.toMinutes() + " минут; при следующем входе придёт новый. Никому его не "
                + "сообщайте.\n\nЕсли вы ничего не меняли, не вводите код, смените пароль на Госуслугах и "
                + "обратитесь к администратору реестра.\n", CodePurpose.CONTACT_CHANGE);
    }

    private void deliver(String accountId, String to, String subject, String text, CodePurpose purpose) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        try {
            mail.send(message);
        } catch (MailException e) {
            log.warn("One-time code for account {} could not be mailed: {}", accountId, e.getClass().getSimpleName());
            throw new AuthException(HttpStatus.SERVICE_UNAVAILABLE, "second-factor-unavailable",
                    "The one-time code could not be sent; try again in a moment.");
        }
        log.info("One-time code ({}) mailed for account {}", purpose, accountId);
    }

    /** {@code i***@frmr.test}: enough for the person to recognise the mailbox. */
    public static String masked(String email) {
        int at = email == null ? -1 : email.indexOf('@');
        return at < 1 ? null : email.charAt(0) + "***" + email.substring(at);
    }
}
