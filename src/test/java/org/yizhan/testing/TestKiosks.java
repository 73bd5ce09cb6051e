package org.yizhan.testing;

import java.nio.file.Path;
import java.time.Duration;
import org.yizhan.config.ConfigKey;
import org.yizhan.config.KioskConfig;
import org.yizhan.config.Orientation;
import org.yizhan.config.SpeechChoice;

/** Kiosk settings for tests: a temporary data directory and any timeout. */
public final class TestKiosks {

    private TestKiosks() {
    }

    public static KioskConfig config(Path dataDir, Orientation orientation, Duration idleTimeout) {
        return KioskConfig.defaults(dataDir)
                .with(ConfigKey.KIOSK_ID, "kiosk-test")
                .with(ConfigKey.DATA_DIR, dataDir)
                .with(ConfigKey.DISPLAY_ORIENTATION, orientation)
                .with(ConfigKey.IDLE_TIMEOUT, idleTimeout)
                // The same screens whether or not this machine has espeak-ng, and no sound from a test.
                .with(ConfigKey.SPEECH_ENGINE, SpeechChoice.OFF);
    }
}
