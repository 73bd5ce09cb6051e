package org.yizhan.speech;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yizhan.config.TraditionalVoice;

/**
 * espeak-ng, the free engine of most Linux distributions, which speaks Mandarin, Cantonese and English. The text goes
 * on its standard input as UTF-8 ({@code --stdin -b 1}).
 */
public final class EspeakEngine extends ProcessSpeechEngine {

    /** espeak-ng's own speed, in words a minute, which {@code speech.rate} is a per cent of. */
    static final int NORMAL_WORDS_PER_MINUTE = 175;

    private final Path binary;
    private final int wordsPerMinute;

    public EspeakEngine(Path binary, int ratePercent, TraditionalVoice traditional) {
        super(traditional);
        this.binary = binary;
        this.wordsPerMinute = Math.round(NORMAL_WORDS_PER_MINUTE * ratePercent / 100f);
    }

    @Override
    public String name() {
        return "espeak-ng";
    }

    /**
     * The voice for each language. Mandarin is {@code cmn-latn-pinyin}: espeak-ng 1.51's plain {@code cmn} reads the
     * tone digits of its own pinyin as English numbers ("ni three").
     */
    static String voice(SpokenLanguage language) {
        return switch (language) {
            case MANDARIN -> "cmn-latn-pinyin";
            case CANTONESE -> "yue";
            case ENGLISH -> "en";
        };
    }

    @Override
    public SpeechCommand command(String text, SpokenLanguage language) {
        return new SpeechCommand(arguments(language, List.of()), text);
    }

    /** As {@link #command}, into a WAV file instead of the loudspeaker: for the technician's check and the tests. */
    public SpeechCommand recording(String text, SpokenLanguage language, Path wav) {
        return new SpeechCommand(arguments(language, List.of("-w", wav.toString())), text);
    }

    private List<String> arguments(SpokenLanguage language, List<String> extra) {
        List<String> argv = new ArrayList<>(List.of(binary.toString(), "-v", voice(language),
                "-s", String.valueOf(wordsPerMinute), "-b", "1"));
        argv.addAll(extra);
        argv.add("--stdin");
        return argv;
    }
}
