package dev.spawning.factory.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code Forwarded} field of RFC 7239: comma-separated elements of {@code ;}-separated
 * {@code name=value} pairs, a value a token or a quoted string; and the nodes of its {@code for}
 * parameter (also of {@code X-Forwarded-For}): an IPv4 address, an IPv6 address in brackets
 * (bare in {@code X-Forwarded-For}), either with a port, {@code unknown} or an obfuscated
 * identifier. Stateless.
 */
final class ForwardedElements {

    private ForwardedElements() {
    }

    /**
     * The hop naming the client: walking from the right, the first element whose {@code for} is not
     * a trusted address, or the left-most; null when a field does not parse.
     */
    static ForwardedHeaders.Hop client(List<String> fields, AddressSet trusted) {
        List<Map<String, String>> elements = new ArrayList<>();
        for (String field : fields) {
            if (!parse(field, elements)) {
                return null;
            }
        }
        for (int i = elements.size() - 1; i >= 0; i--) {
            Map<String, String> element = elements.get(i);
            InetSocketAddress node = element.containsKey("for") ? node(element.get("for")) : null;
            if (node == null || i == 0 || !trusted.contains(node.getAddress())) {
                return new ForwardedHeaders.Hop(node, element.get("proto"), element.get("host"));
            }
        }
        return null;
    }

    /**
     * A node as an address with its port (0 when none or obfuscated); null for {@code unknown}, an
     * obfuscated identifier, or anything else that is not an IP address.
     */
    static InetSocketAddress node(String text) {
        String address = text;
        String port = "";
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0 || close + 1 < text.length() && text.charAt(close + 1) != ':') {
                return null;
            }
            address = text.substring(0, close + 1);
            port = close + 1 < text.length() ? text.substring(close + 2) : "";
        } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
            address = text.substring(0, text.indexOf(':'));
            port = text.substring(text.indexOf(':') + 1);
        }
        InetAddress literal = AddressSet.literal(address);
        if (literal == null) {
            return null;
        }
        boolean digits = !port.isEmpty() && port.length() <= 5 && port.chars().allMatch(c -> c >= '0' && c <= '9');
        int number = digits ? Integer.parseInt(port) : 0;
        return new InetSocketAddress(literal, number <= 65535 ? number : 0);
    }

    /** Adds the elements of one field; false when it does not parse. */
    private static boolean parse(String field, List<Map<String, String>> elements) {
        Map<String, String> element = new HashMap<>();
        int i = 0;
        int length = field.length();
        while (i <= length) {
            i = skipSpaces(field, i);
            int equals = field.indexOf('=', i);
            if (i < length && field.charAt(i) != ',' && field.charAt(i) != ';') {
                if (equals < 0) {
                    return false;
                }
                String name = field.substring(i, equals).strip().toLowerCase(Locale.ROOT);
                StringBuilder value = new StringBuilder();
                i = value(field, skipSpaces(field, equals + 1), value);
                if (i < 0 || !token(name) || element.putIfAbsent(name, value.toString()) != null) {
                    return false;
                }
                i = skipSpaces(field, i);
            }
            if (i >= length || field.charAt(i) == ',') {
                if (!element.isEmpty()) {
                    elements.add(element);
                }
                element = new HashMap<>();
            } else if (field.charAt(i) != ';') {
                return false;
            }
            i++;
        }
        return true;
    }

    /** Reads a token or a quoted string at {@code i} into {@code value}; the index after it, or -1. */
    private static int value(String field, int i, StringBuilder value) {
        if (i < field.length() && field.charAt(i) == '"') {
            for (int j = i + 1; j < field.length(); j++) {
                char c = field.charAt(j);
                if (c == '"') {
                    return j + 1;
                }
                if (c == '\\' && j + 1 < field.length()) {
                    c = field.charAt(++j);
                }
                value.append(c);
            }
            return -1;
        }
        int end = i;
        while (end < field.length() && ",; \t".indexOf(field.charAt(end)) < 0) {
            end++;
        }
        value.append(field, i, end);
        return end == i ? -1 : end;
    }

    private static boolean token(String name) {
        return !name.isEmpty() && name.chars().allMatch(c -> c < 256 && Syntax.tchar(c));
    }

    private static int skipSpaces(String field, int i) {
        while (i < field.length() && (field.charAt(i) == ' ' || field.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
