package org.yizhan.speech;

/** What an engine is given to read: one line of plain text, short enough to listen to standing. */
public final class SpeechText {

    /** About four minutes at an elder's pace (espeak-ng at 80 % reads some three characters a second); a guide longer than that is read on the screen or printed. */
    public static final int MAX_CHARS = 800;

    private static final String SENTENCE_ENDS = "。！？；.!?;";

    private SpeechText() {
    }

    /** Line breaks and runs of spaces become one space; a text over {@link #MAX_CHARS} ends at its last sentence within it. */
    public static String prepare(String text) {
        String flat = text.replaceAll("[\\s\\u3000]+", " ").strip();
        if (flat.length() <= MAX_CHARS) {
            return flat;
        }
        String head = flat.substring(0, MAX_CHARS);
        int end = -1;
        for (int i = head.length() - 1; i >= MAX_CHARS / 2; i--) {
            if (SENTENCE_ENDS.indexOf(head.charAt(i)) >= 0) {
                end = i;
                break;
            }
        }
        return end < 0 ? head : head.substring(0, end + 1);
    }

    /** Whether the text holds a Chinese character, which an English voice would spell out or skip. */
    public static boolean hasHan(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
