package ru.frmr.notification.notice;

/**
 * A notice's text for one channel.
 *
 * @param subject  the e-mail subject or the inbox title; null for SMS
 * @param segments the SMS parts it takes (UCS-2 for Cyrillic: 70 characters, 67 per part when split); 0 otherwise
 */
public record RenderedNotice(String subject, String body, int templateVersion, int segments) {

    @Override
    public String toString() {
        return "RenderedNotice[v" + templateVersion + ", " + segments + " segment(s)]";
    }
}
