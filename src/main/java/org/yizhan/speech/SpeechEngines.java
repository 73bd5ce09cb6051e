package org.yizhan.speech;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.config.KioskConfig;
import org.yizhan.config.SpeechChoice;

/**
 * Finds the speech engine {@code speech.engine} asks for: a program on the PATH, looked for in its folders without
 * starting anything (it touches the disk: call it off the FX thread). Empty when there is none, and the kiosk then
 * shows no 朗读 button.
 */
public final class SpeechEngines {

    private static final Logger LOG = LoggerFactory.getLogger(SpeechEngines.class);

    /** Where this machine's programs are: its PATH, whether it is Windows, and its Windows folder. */
    public record Host(String path, boolean windows, Optional<Path> systemRoot) {

        public static Host current() {
            return new Host(Optional.ofNullable(System.getenv("PATH")).orElse(""),
                    System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows"),
                    Optional.ofNullable(System.getenv("SystemRoot")).flatMap(SpeechEngines::path));
        }
    }

    private SpeechEngines() {
    }

    public static Optional<SpeechEngine> find(KioskConfig config) {
        Optional<SpeechEngine> found = find(config, Host.current());
        if (found.isEmpty() && config.speechEngine() != SpeechChoice.OFF) {
            LOG.info("no speech engine found for speech.engine={}: elder mode has no read-aloud button",
                    config.speechEngine().value());
        }
        found.ifPresent(engine -> LOG.info("read-aloud through {}", engine.name()));
        return found;
    }

    static Optional<SpeechEngine> find(KioskConfig config, Host host) {
        return switch (config.speechEngine()) {
            case OFF -> Optional.empty();
            case ESPEAK_NG -> espeak(config, host);
            case WINDOWS -> windows(config, host);
            case AUTO -> host.windows() ? windows(config, host) : espeak(config, host);
        };
    }

    private static Optional<SpeechEngine> espeak(KioskConfig config, Host host) {
        return onPath(host, host.windows() ? "espeak-ng.exe" : "espeak-ng")
                .map(binary -> new EspeakEngine(binary, config.speechRatePercent(), config.speechTraditional()));
    }

    private static Optional<SpeechEngine> windows(KioskConfig config, Host host) {
        if (!host.windows()) {
            return Optional.empty();
        }
        Optional<Path> powershell = onPath(host, "powershell.exe").or(() -> host.systemRoot()
                .map(root -> root.resolve("System32/WindowsPowerShell/v1.0/powershell.exe"))
                .filter(Files::isRegularFile));
        return powershell.map(ps -> new WindowsVoiceEngine(ps, config.speechRatePercent(), config.speechTraditional()));
    }

    /** The first executable file of that name in the PATH's folders. */
    static Optional<Path> onPath(Host host, String program) {
        for (String folder : List.of(host.path().split(File.pathSeparator))) {
            Optional<Path> candidate = path(folder.strip()).filter(p -> !folder.isBlank()).map(p -> p.resolve(program));
            if (candidate.filter(Files::isRegularFile).filter(Files::isExecutable).isPresent()) {
                return candidate;
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> path(String text) {
        try {
            return Optional.of(Path.of(text));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
