package ru.frmr.observability;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The little of PromQL the query check needs to read itself: the metric names an expression selects. A lexer, not a
 * parser: it skips strings, label matchers, ranges and the label lists of {@code by}/{@code without}/{@code on}/
 * {@code ignoring}/{@code group_left}/{@code group_right}, and takes every other identifier that no {@code (} follows
 * and that is no keyword as a metric name. Prometheus itself judges whether the expression is valid; this only has
 * to find the names in expressions Prometheus accepts.
 */
public final class Promql {

    /** Keywords and literals that look like identifiers; compared lower-case, as PromQL does. */
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "atan2", "inf", "nan");
    /** Followed by a parenthesised list of label names, never by an expression. */
    private static final Set<String> GROUPING = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");
    /** Aggregations may put their grouping before the parenthesis: {@code sum by (a) (x)}. */
    private static final Set<String> AGGREGATIONS = Set.of("sum", "avg", "count", "min", "max", "group", "stddev",
            "stdvar", "topk", "bottomk", "quantile", "count_values");
    private static final Pattern NAME_MATCHER = Pattern.compile("__name__\\s*=\\s*([\"'`])([^\"'`]*)\\1");

    private Promql() {
    }

    /**
     * The metric names the expression selects, in order of appearance, each once: {@code foo} of {@code foo{a="b"}},
     * {@code rate(foo[5m])} and {@code {__name__="foo"}}; recording rules' names ({@code job:foo:rate5m}) too.
     */
    public static Set<String> metricNames(String expression) {
        Set<String> names = new LinkedHashSet<>();
        String e = expression;
        int i = 0;
        while (i < e.length()) {
            char c = e.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(e, i);
            } else if (c == '#') {
                i = skipComment(e, i);
            } else if (c == '{') {
                int end = skipBalanced(e, i, '{', '}');
                // A selector without a name ({__name__="x"}); after a name the matchers are that name's.
                Matcher m = NAME_MATCHER.matcher(e.substring(i, end));
                if (m.find()) {
                    names.add(m.group(2));
                }
                i = end;
            } else if (c == '[') {
                i = skipBalanced(e, i, '[', ']');
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < e.length() && Character.isDigit(e.charAt(i + 1)))) {
                // A number (1, 0.5, 1e3, 0x1f) or a duration (5m, 1h30m).
                i = skipWhile(e, i, ch -> Character.isLetterOrDigit(ch) || ch == '.' || ch == '_');
            } else if (isIdentifierStart(c)) {
                int end = skipWhile(e, i, Promql::isIdentifierPart);
                String word = e.substring(i, end);
                String lower = word.toLowerCase(Locale.ROOT);
                int next = skipSpace(e, end);
                if (GROUPING.contains(lower)) {
                    i = next < e.length() && e.charAt(next) == '(' ? skipBalanced(e, next, '(', ')') : next;
                } else if (KEYWORDS.contains(lower) || (next < e.length() && e.charAt(next) == '(')
                        || (AGGREGATIONS.contains(lower) && startsGrouping(e, next))) {
                    // A keyword, or a function or aggregation: what follows is read on.
                    i = end;
                } else {
                    names.add(word);
                    i = end;
                }
            } else {
                i++;
            }
        }
        return names;
    }

    private static boolean startsGrouping(String e, int at) {
        int end = skipWhile(e, at, Promql::isIdentifierPart);
        String word = e.substring(at, end).toLowerCase(Locale.ROOT);
        return word.equals("by") || word.equals("without");
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || (c >= '0' && c <= '9');
    }

    private static int skipString(String e, int start) {
        char quote = e.charAt(start);
        int i = start + 1;
        while (i < e.length() && e.charAt(i) != quote) {
            // Backquoted strings are raw; the others have escapes.
            i += quote != '`' && e.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, e.length());
    }

    private static int skipComment(String e, int start) {
        int newline = e.indexOf('\n', start);
        return newline < 0 ? e.length() : newline + 1;
    }

    /** Past the bracket that closes the one at {@code start}, minding strings inside. */
    private static int skipBalanced(String e, int start, char open, char close) {
        int depth = 0;
        int i = start;
        while (i < e.length()) {
            char c = e.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(e, i);
                continue;
            }
            if (c == open) {
                depth++;
            } else if (c == close && --depth == 0) {
                return i + 1;
            }
            i++;
        }
        return e.length();
    }

    private static int skipSpace(String e, int start) {
        return skipWhile(e, start, Character::isWhitespace);
    }

    private interface CharTest {
        boolean test(char c);
    }

    private static int skipWhile(String e, int start, CharTest test) {
        int i = start;
        while (i < e.length() && test.test(e.charAt(i))) {
            i++;
        }
        return i;
    }
}
