package org.yizhan.speech;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.yizhan.config.TraditionalVoice;

/**
 * Windows' own voices, through PowerShell and .NET's System.Speech (on every Windows desktop). The script is passed
 * as {@code -EncodedCommand}, so no quoting of Windows' command line is involved, and holds no text: the text
 * comes on standard input as Base64 of its UTF-8, which survives any console code page.
 */
public final class WindowsVoiceEngine extends ProcessSpeechEngine {

    private final Path powershell;
    private final int rate;

    public WindowsVoiceEngine(Path powershell, int ratePercent, TraditionalVoice traditional) {
        super(traditional);
        this.powershell = powershell;
        this.rate = rate(ratePercent);
    }

    /** SpeechSynthesizer.Rate runs from -10 (a third of normal speed) to 10 (three times), about 3^(rate/10). */
    static int rate(int percent) {
        long r = Math.round(10 * Math.log(percent / 100.0) / Math.log(3));
        return (int) Math.max(-10, Math.min(10, r));
    }

    @Override
    public String name() {
        return "windows";
    }

    /** The voices' cultures to look for, best first; without any, Windows' default voice. */
    static List<String> cultures(SpokenLanguage language) {
        return switch (language) {
            case MANDARIN -> List.of("zh-CN", "zh-TW", "zh-HK");
            case CANTONESE -> List.of("zh-HK", "zh-CN", "zh-TW");
            case ENGLISH -> List.of("en-US", "en-GB");
        };
    }

    static String script(SpokenLanguage language, int rate) {
        String cultures = cultures(language).stream().map(c -> "'" + c + "'").collect(Collectors.joining(","));
        return String.join("\n",
                "$ErrorActionPreference = 'Stop'",
                "Add-Type -AssemblyName System.Speech",
                "$text = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String([Console]::In.ReadToEnd().Trim()))",
                "$s = New-Object System.Speech.Synthesis.SpeechSynthesizer",
                "$s.Rate = " + rate,
                "$voices = $s.GetInstalledVoices() | Where-Object { $_.Enabled }",
                "foreach ($c in @(" + cultures + ")) {",
                "  $v = $voices | Where-Object { $_.VoiceInfo.Culture.Name -eq $c } | Select-Object -First 1",
                "  if ($v) { $s.SelectVoice($v.VoiceInfo.Name); break }",
                "}",
                "$s.SetOutputToDefaultAudioDevice()",
                "$s.Speak($text)");
    }

    @Override
    public SpeechCommand command(String text, SpokenLanguage language) {
        String encoded = Base64.getEncoder().encodeToString(script(language, rate).getBytes(StandardCharsets.UTF_16LE));
        return new SpeechCommand(List.of(powershell.toString(), "-NoProfile", "-NonInteractive",
                "-ExecutionPolicy", "Bypass", "-EncodedCommand", encoded),
                Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
    }
}
