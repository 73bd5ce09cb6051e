package org.yizhan.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.yizhan.config.TraditionalVoice;

class WindowsVoiceEngineTest {

    private static final Path POWERSHELL = Path.of("C:/Windows/System32/WindowsPowerShell/v1.0/powershell.exe");
    private final WindowsVoiceEngine engine = new WindowsVoiceEngine(POWERSHELL, 80, TraditionalVoice.CANTONESE);

    private static String script(SpeechCommand command) {
        List<String> argv = command.argv();
        String encoded = argv.get(argv.indexOf("-EncodedCommand") + 1);
        return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_16LE);
    }

    @Test
    void theTextComesOnTheInputAndNeitherItNorItsBase64IsOnTheCommandLine() {
        String text = "您的号码：A 0 1 2。\"; Remove-Item C:\\ -Recurse #";
        SpeechCommand command = engine.command(text, Locale.forLanguageTag("zh-Hans"));
        assertEquals(List.of(POWERSHELL.toString(), "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass",
                "-EncodedCommand"), command.argv().subList(0, 6));
        assertEquals(7, command.argv().size());
        String base64 = command.stdin();
        assertFalse(command.argv().stream().anyMatch(a -> a.contains("A 0 1 2") || a.contains("Remove-Item")
                || a.contains(base64)), command.argv().toString());
        assertFalse(script(command).contains("Remove-Item"), "the script holds no text");
        assertEquals(SpeechText.prepare(text), new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8));
    }

    @Test
    void theScriptAsksSystemSpeechForTheLanguagesVoiceAtTheRate() {
        String mandarin = script(engine.command("您的号码", Locale.forLanguageTag("zh-Hans")));
        assertTrue(mandarin.contains("Add-Type -AssemblyName System.Speech"), mandarin);
        assertTrue(mandarin.contains("System.Speech.Synthesis.SpeechSynthesizer"), mandarin);
        assertTrue(mandarin.contains("@('zh-CN','zh-TW','zh-HK')"), mandarin);
        assertTrue(mandarin.contains("$s.Rate = -2"), mandarin);
        assertTrue(mandarin.contains("[Console]::In.ReadToEnd()"), mandarin);
        assertTrue(script(engine.command("您的號碼", Locale.forLanguageTag("zh-Hant"))).contains("@('zh-HK','zh-CN','zh-TW')"));
        assertTrue(script(engine.command("Your number", Locale.ENGLISH)).contains("@('en-US','en-GB')"));
        WindowsVoiceEngine taiwan = new WindowsVoiceEngine(POWERSHELL, 80, TraditionalVoice.MANDARIN);
        assertTrue(script(taiwan.command("您的號碼", Locale.forLanguageTag("zh-Hant"))).contains("@('zh-CN','zh-TW','zh-HK')"));
    }

    @Test
    void thePerCentBecomesSystemSpeechsRate() {
        assertEquals(0, WindowsVoiceEngine.rate(100));
        assertEquals(-2, WindowsVoiceEngine.rate(80));
        assertEquals(-6, WindowsVoiceEngine.rate(50));
        assertEquals(4, WindowsVoiceEngine.rate(150));
    }
}
