package org.yizhan.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.config.KioskConfig;
import org.yizhan.config.TraditionalVoice;

class EspeakEngineTest {

    private static final Path BINARY = Path.of("/usr/bin/espeak-ng");
    private static final Locale HANS = Locale.forLanguageTag("zh-Hans");
    private static final Locale HANT = Locale.forLanguageTag("zh-Hant");

    @TempDir
    Path dir;

    private final EspeakEngine engine = new EspeakEngine(BINARY, 80, TraditionalVoice.CANTONESE);

    @Test
    void theCommandLineNamesTheVoiceTheSpeedAndUtf8AndTakesTheTextOnItsInput() {
        SpeechCommand command = engine.command("居民身份证申领。受理条件：本市户籍居民。", HANS);
        assertEquals(List.of("/usr/bin/espeak-ng", "-v", "cmn-latn-pinyin", "-s", "140", "-b", "1", "--stdin"),
                command.argv());
        assertEquals("居民身份证申领。受理条件：本市户籍居民。", command.stdin());
    }

    @Test
    void eachLanguageHasItsVoice() {
        assertEquals("cmn-latn-pinyin", voice(engine, "您的号码：A 0 1 2", HANS));
        assertEquals("yue", voice(engine, "您的號碼：A 0 1 2", HANT));
        assertEquals("yue", voice(engine, "號碼", Locale.forLanguageTag("zh-HK")));
        assertEquals("en", voice(engine, "Your number: A 0 1 2", Locale.ENGLISH));
        // English screens with a catalog in Chinese: only a Chinese voice can read it (and it reads the English words).
        assertEquals("cmn-latn-pinyin", voice(engine, "Conditions: 本市户籍居民", Locale.ENGLISH));
        EspeakEngine mandarinForTraditional = new EspeakEngine(BINARY, 80, TraditionalVoice.MANDARIN);
        assertEquals("cmn-latn-pinyin", voice(mandarinForTraditional, "您的號碼", HANT));
        assertEquals("cmn-latn-pinyin", voice(mandarinForTraditional, "您的號碼", Locale.forLanguageTag("zh-TW")));
    }

    private static String voice(EspeakEngine engine, String text, Locale screen) {
        List<String> argv = engine.command(text, screen).argv();
        return argv.get(argv.indexOf("-v") + 1);
    }

    @Test
    void theRateIsAPerCentOfEspeaksOwnSpeed() {
        List<String> argv = new EspeakEngine(BINARY, 50, TraditionalVoice.CANTONESE).command("好", HANS).argv();
        assertEquals("88", argv.get(argv.indexOf("-s") + 1));
        argv = new EspeakEngine(BINARY, 150, TraditionalVoice.CANTONESE).command("好", HANS).argv();
        assertEquals("263", argv.get(argv.indexOf("-s") + 1));
    }

    @Test
    void noTextEverReachesTheArgumentsNotEvenOneThatLooksLikeAnOption() {
        String hostile = "--version; rm -rf / $(reboot) `id` -w /etc/passwd";
        SpeechCommand command = engine.command(hostile, HANS);
        assertFalse(command.argv().stream().anyMatch(a -> a.contains("rm") || a.contains("passwd") || a.contains("reboot")),
                command.argv().toString());
        assertEquals(hostile, command.stdin());
        assertFalse(command.argv().get(0).endsWith("sh"), "no shell in between");
    }

    @Test
    void aLongTextIsCutAtASentenceAndLinesBecomeSpaces() {
        String sentence = "申请人应当携带本人居民户口簿。";
        String text = "第一行\n第二行\t\u3000" + sentence.repeat(100);
        String read = engine.command(text, HANS).stdin();
        assertTrue(read.startsWith("第一行 第二行 申请人"), read.substring(0, 20));
        assertTrue(read.length() <= SpeechText.MAX_CHARS, "length " + read.length());
        assertTrue(read.endsWith("。"), "ends at a sentence");
        assertEquals("短句", SpeechText.prepare("  短句\n"));
    }

    @Test
    void espeakNgReadsMandarinCantoneseAndEnglishIntoAudio() throws Exception {
        Optional<Path> espeak = SpeechEngines.onPath(SpeechEngines.Host.current(), "espeak-ng");
        assumeTrue(espeak.isPresent(), "espeak-ng is not installed here (apt-get install espeak-ng); .ci/run installs it");
        EspeakEngine real = new EspeakEngine(espeak.get(), 80, TraditionalVoice.CANTONESE);
        record Sample(String text, SpokenLanguage language) {
        }
        for (Sample sample : List.of(new Sample("您的号码：A 0 1 2。请到三号窗口等候。", SpokenLanguage.MANDARIN),
                new Sample("您的號碼：A 0 1 2。請到三號窗口等候。", SpokenLanguage.CANTONESE),
                new Sample("Your number is A 0 1 2. Please wait at window 3.", SpokenLanguage.ENGLISH))) {
            Path wav = dir.resolve(sample.language() + ".wav");
            SpeechCommand command = real.recording(sample.text(), sample.language(), wav);
            Process p = new ProcessBuilder(command.argv()).redirectErrorStream(true).start();
            p.getOutputStream().write(command.stdin().getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "espeak-ng finishes");
            assertEquals(0, p.exitValue(), output);
            assertAudio(wav, sample.language());
        }
    }

    @Test
    void speakingThroughTheEngineItselfHandsTheTextToEspeakNg() throws Exception {
        Optional<Path> espeak = SpeechEngines.onPath(SpeechEngines.Host.current(), "espeak-ng");
        assumeTrue(espeak.isPresent(), "espeak-ng is not installed here (apt-get install espeak-ng); .ci/run installs it");
        EspeakEngine real = new EspeakEngine(espeak.get(), 80, TraditionalVoice.CANTONESE);
        Path wav = dir.resolve("through-the-engine.wav");
        // The engine's own process handling, with the loudspeaker swapped for a file.
        ProcessSpeechEngine intoAFile = new ProcessSpeechEngine(TraditionalVoice.CANTONESE) {
            @Override
            public String name() {
                return "espeak-ng into a file";
            }

            @Override
            public SpeechCommand command(String text, SpokenLanguage language) {
                return real.recording(text, language, wav);
            }
        };
        java.util.concurrent.CountDownLatch read = new java.util.concurrent.CountDownLatch(1);
        intoAFile.speak("居民身份证换领。受理条件：本县户籍居民。", HANS, read::countDown);
        assertTrue(read.await(30, TimeUnit.SECONDS), "read to its end");
        assertAudio(wav, SpokenLanguage.MANDARIN);
    }

    /** A RIFF/WAVE file whose data chunk holds at least half a second of sound that is not silence. */
    private static void assertAudio(Path wav, SpokenLanguage language) throws IOException {
        byte[] bytes = Files.readAllBytes(wav);
        assertEquals("RIFF", new String(bytes, 0, 4, StandardCharsets.US_ASCII), language + ": a RIFF header");
        assertEquals("WAVE", new String(bytes, 8, 4, StandardCharsets.US_ASCII), language + ": a WAVE file");
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int sampleRate = b.getInt(24);
        int bytesPerSecond = b.getInt(28);
        int pos = 12;
        while (!new String(bytes, pos, 4, StandardCharsets.US_ASCII).equals("data")) {
            pos += 8 + b.getInt(pos + 4);
        }
        // espeak-ng writes to a file it cannot rewind as well, so the header may say 0x7fffffff: count what is there.
        int dataLength = Math.min(b.getInt(pos + 4), bytes.length - pos - 8);
        double seconds = dataLength / (double) bytesPerSecond;
        assertTrue(sampleRate > 8000, language + ": sample rate " + sampleRate);
        assertTrue(seconds > 0.5, language + ": " + seconds + " s of audio");
        short[] samples = new short[dataLength / 2];
        ByteBuffer.wrap(bytes, pos + 8, dataLength).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        int loudest = Arrays.stream(toInts(samples)).map(Math::abs).max().orElse(0);
        assertTrue(loudest > 1000, language + ": the loudest sample is " + loudest + ", not silence");
    }

    private static int[] toInts(short[] samples) {
        int[] ints = new int[samples.length];
        for (int i = 0; i < samples.length; i++) {
            ints[i] = samples[i];
        }
        return ints;
    }

    @Test
    void theDefaultsReadAt140WordsAMinuteWithCantoneseForTraditional() {
        KioskConfig config = KioskConfig.defaults();
        EspeakEngine fromConfig = new EspeakEngine(BINARY, config.speechRatePercent(), config.speechTraditional());
        assertEquals(List.of("/usr/bin/espeak-ng", "-v", "yue", "-s", "140", "-b", "1", "--stdin"),
                fromConfig.command("號碼", HANT).argv());
    }
}
