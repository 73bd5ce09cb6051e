package org.yizhan.server;

/**
 * What a log line may repeat of a request: its path or an answer's text, cut short and with control characters
 * replaced, so a hostile client can neither forge log lines nor fill the disk. Never a header or a body.
 */
public final class LogText {
    private static final int MAX = 200;

    private LogText() {
    }

    public static String path(String path) {
        return text(path);
    }

    public static String text(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX + 1));
        for (int i = 0; i < text.length() && out.length() < MAX; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR ? '?' : c);
        }
        if (text.length() > MAX) {
            out.append("…(").append(text.length()).append(" chars)");
        }
        return out.toString();
    }
}
