package org.yizhan.speech;

import java.util.Locale;
import org.yizhan.config.TraditionalVoice;

/** The language a text is spoken in, from the screen's language and what the text holds. */
public enum SpokenLanguage {
    MANDARIN,
    CANTONESE,
    ENGLISH;

    /**
     * 简体 in Mandarin; 繁體 as {@code speech.traditional} says; English in English, unless the text holds Chinese (a
     * catalog without an English translation), which only a Chinese voice can read; it reads the English words too.
     */
    public static SpokenLanguage of(Locale screen, String text, TraditionalVoice traditional) {
        if (screen.getLanguage().equals("en")) {
            return SpeechText.hasHan(text) ? MANDARIN : ENGLISH;
        }
        if (traditional == TraditionalVoice.CANTONESE && traditional(screen)) {
            return CANTONESE;
        }
        return MANDARIN;
    }

    private static boolean traditional(Locale screen) {
        String script = screen.getScript();
        if (!script.isEmpty()) {
            return script.equals("Hant");
        }
        return switch (screen.getCountry()) {
            case "TW", "HK", "MO" -> true;
            default -> false;
        };
    }
}
