package org.yizhan.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.config.ConfigKey;
import org.yizhan.config.KioskConfig;
import org.yizhan.config.SpeechChoice;

class SpeechEnginesTest {

    @TempDir
    Path bin;
    @TempDir
    Path empty;

    private Path program(String name) throws Exception {
        assumeTrue(File.pathSeparatorChar == ':', "a Unix file system, for the executable bit");
        Path p = Files.writeString(bin.resolve(name), "#!/bin/sh\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    private static KioskConfig choosing(SpeechChoice choice) {
        return KioskConfig.defaults().with(ConfigKey.SPEECH_ENGINE, choice);
    }

    private SpeechEngines.Host linux() {
        return new SpeechEngines.Host(empty + File.pathSeparator + bin, false, Optional.empty());
    }

    @Test
    void autoFindsEspeakNgOnThePathAndItsCommandRunsThatFile() throws Exception {
        Path espeak = program("espeak-ng");
        SpeechEngine found = SpeechEngines.find(choosing(SpeechChoice.AUTO), linux()).orElseThrow();
        EspeakEngine engine = assertInstanceOf(EspeakEngine.class, found);
        assertEquals(espeak.toString(), engine.command("好", Locale.CHINA).argv().get(0));
        assertInstanceOf(EspeakEngine.class, SpeechEngines.find(choosing(SpeechChoice.ESPEAK_NG), linux()).orElseThrow());
    }

    @Test
    void noEngineWhenNoneIsThereOrItIsOff() throws Exception {
        assertTrue(SpeechEngines.find(choosing(SpeechChoice.AUTO), linux()).isEmpty(), "nothing on the PATH");
        Path notExecutable = Files.writeString(bin.resolve("espeak-ng"), "");
        assumeTrue(notExecutable.toFile().setExecutable(false));
        assertTrue(SpeechEngines.find(choosing(SpeechChoice.AUTO), linux()).isEmpty(), "a file that cannot run");
        Files.delete(notExecutable);
        program("espeak-ng");
        assertTrue(SpeechEngines.find(choosing(SpeechChoice.OFF), linux()).isEmpty(), "off");
        assertTrue(SpeechEngines.find(choosing(SpeechChoice.WINDOWS), linux()).isEmpty(), "no Windows voice on Linux");
        assertTrue(SpeechEngines.find(choosing(SpeechChoice.AUTO),
                new SpeechEngines.Host("", false, Optional.empty())).isEmpty(), "an empty PATH");
    }

    @Test
    void onWindowsAutoTakesTheSystemVoiceThroughPowerShell() throws Exception {
        Path powershell = program("powershell.exe");
        SpeechEngines.Host windows = new SpeechEngines.Host(bin.toString(), true, Optional.empty());
        SpeechEngine found = SpeechEngines.find(choosing(SpeechChoice.AUTO), windows).orElseThrow();
        WindowsVoiceEngine engine = assertInstanceOf(WindowsVoiceEngine.class, found);
        assertEquals(powershell.toString(), engine.command("好", Locale.CHINA).argv().get(0));
    }

    @Test
    void onWindowsPowerShellIsFoundInTheSystemFolderWhenThePathLacksIt() throws Exception {
        Path folder = Files.createDirectories(bin.resolve("System32/WindowsPowerShell/v1.0"));
        Files.writeString(folder.resolve("powershell.exe"), "");
        SpeechEngines.Host windows = new SpeechEngines.Host(empty.toString(), true, Optional.of(bin));
        assertInstanceOf(WindowsVoiceEngine.class, SpeechEngines.find(choosing(SpeechChoice.WINDOWS), windows).orElseThrow());
        assertTrue(SpeechEngines.find(choosing(SpeechChoice.ESPEAK_NG), windows).isEmpty(), "no espeak-ng.exe there");
    }
}
