package ru.frmr.portal.web.sessions;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person-readable name of the device behind a session ({@code Chrome 156, Linux}) from its browser's
 * {@code User-Agent}: enough to tell one's own phone from one's work computer, not a device database. What it does
 * not recognise it leaves out; the raw string stays on the page for the curious.
 */
final class DeviceSummary {

    static final String UNKNOWN = "Неизвестное устройство";

    /** Most specific first: Edge, Opera and Yandex name themselves and Chrome; Chrome names itself and Safari. */
    private static final List<Browser> BROWSERS = List.of(
            new Browser("Edge", Pattern.compile("\\b(?:Edg|EdgA|EdgiOS|Edge)/(\\d+)")),
            new Browser("Opera", Pattern.compile("\\b(?:OPR|OPT)/(\\d+)")),
            new Browser("Яндекс Браузер", Pattern.compile("\\bYaBrowser/(\\d+)")),
            new Browser("Samsung Internet", Pattern.compile("\\bSamsungBrowser/(\\d+)")),
            new Browser("Firefox", Pattern.compile("\\b(?:Firefox|FxiOS)/(\\d+)")),
            new Browser("Chrome", Pattern.compile("\\b(?:Chrome|CriOS)/(\\d+)")),
            new Browser("Safari", Pattern.compile("\\bVersion/(\\d+)[.\\d]* (?:Mobile/\\S+ )?Safari/")));

    private static final Pattern ANDROID = Pattern.compile("Android (\\d+)");
    private static final Pattern IOS = Pattern.compile("(iPhone|iPad|iPod)[^)]*? OS (\\d+)");

    private record Browser(String name, Pattern version) {
    }

    private DeviceSummary() {
    }

    static String of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return UNKNOWN;
        }
        String browser = browser(userAgent);
        String system = system(userAgent);
        if (browser == null && system == null) {
            return UNKNOWN;
        }
        return browser == null ? system : system == null ? browser : browser + ", " + system;
    }

    private static String browser(String userAgent) {
        for (Browser browser : BROWSERS) {
            Matcher version = browser.version().matcher(userAgent);
            if (version.find()) {
                return browser.name() + " " + version.group(1);
            }
        }
        return null;
    }

    private static String system(String userAgent) {
        Matcher ios = IOS.matcher(userAgent);
        if (ios.find()) {
            return ("iPad".equals(ios.group(1)) ? "iPadOS " : "iOS ") + ios.group(2);
        }
        Matcher android = ANDROID.matcher(userAgent);
        if (android.find()) {
            return "Android " + android.group(1);
        }
        if (userAgent.contains("Windows")) {
            // Windows 11 still says "Windows NT 10.0": the version would be a guess.
            return "Windows";
        }
        if (userAgent.contains("Mac OS X") || userAgent.contains("Macintosh")) {
            return "macOS";
        }
        if (userAgent.contains("CrOS")) {
            return "ChromeOS";
        }
        if (userAgent.contains("Linux") || userAgent.contains("X11")) {
            return "Linux";
        }
        return null;
    }
}
