package org.yizhan.language;

import com.github.houbb.opencc4j.util.ZhHkConverterUtil;

/**
 * Simplified Chinese to 繁體 and back, phrase by phrase (OpenCC's dictionaries, through opencc4j): 头发 is 頭髮, not
 * 頭發. Hong Kong's forms, for the visitors from Hong Kong and Macao who read only 繁體 and the Guangdong halls that
 * publish in it. The dictionaries take a second to read: {@link #warmUp} on a thread of its own before a citizen asks.
 */
public final class Traditional {

    private static volatile boolean ready;

    private Traditional() {
    }

    /** Reads the dictionaries now; later calls are quick. Safe to call from any thread, any number of times. */
    public static void warmUp() {
        if (!ready) {
            synchronized (Traditional.class) {
                if (!ready) {
                    ZhHkConverterUtil.toTraditional("发");
                    ZhHkConverterUtil.toSimple("發");
                    ready = true;
                }
            }
        }
    }

    /** The text in 繁體; text without simplified characters comes back as it is. */
    public static String of(String simplified) {
        if (simplified == null || simplified.isEmpty() || isAscii(simplified)) {
            return simplified;
        }
        warmUp();
        return ZhHkConverterUtil.toTraditional(simplified);
    }

    /** The text in simplified characters, e.g. what a citizen typed in 繁體, to search a catalog written in 简体. */
    public static String toSimplified(String text) {
        if (text == null || text.isEmpty() || isAscii(text)) {
            return text;
        }
        warmUp();
        return ZhHkConverterUtil.toSimple(text);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
