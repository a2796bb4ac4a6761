package ru.frmr.auth.session;

import org.springframework.stereotype.Component;

import ua_parser.Parser;

/**
 * Names the device a login came from as a person would recognise it: the browser and the system,
 * {@code "Chrome, Windows"}. No versions (an update is no new device), nothing that identifies the person or the
 * machine. The account compares these labels to tell a login from a device it has not seen before.
 *
 * <p>uap-java's plain {@link Parser} is safe to share between threads (its {@code CachingParser} is not); it reads
 * its rules once, so one instance serves the service.
 */
@Component
public class DeviceLabels {

    /** What a browser uap-java does not recognise, or a login that sent no User-Agent, is called. */
    public static final String UNKNOWN = "Неизвестный браузер";
    private static final String OTHER = "Other";
    /** Two of them and the separator stay within the 120 characters {@code LoginSucceeded.device} allows. */
    private static final int MAX_FAMILY = 50;

    private final Parser parser = new Parser();

    /** @param userAgent the {@code User-Agent} header as received, or null */
    public String label(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return UNKNOWN;
        }
        String browser = known(parser.parseUserAgent(userAgent).family);
        String system = known(parser.parseOS(userAgent).family);
        if (browser == null) {
            return system == null ? UNKNOWN : UNKNOWN + ", " + system;
        }
        return system == null ? browser : browser + ", " + system;
    }

    /** Some rules copy a part of the header into the family: a crafted header gets no more than its share. */
    private static String known(String family) {
        if (family == null || family.isBlank() || OTHER.equals(family)) {
            return null;
        }
        String name = family.strip();
        return name.length() > MAX_FAMILY ? name.substring(0, MAX_FAMILY) : name;
    }
}
