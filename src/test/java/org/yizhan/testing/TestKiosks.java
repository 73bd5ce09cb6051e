package org.yizhan.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.yizhan.config.KioskConfig;
import org.yizhan.config.Orientation;
import org.yizhan.config.UiLanguage;

/** Kiosk settings for tests: a temporary data directory and any timeout. */
public final class TestKiosks {

    private TestKiosks() {
    }

    public static KioskConfig config(Path dataDir, Orientation orientation, Duration idleTimeout) {
        return new KioskConfig("云溪县政务服务中心", "kiosk-test", dataDir, idleTimeout, orientation,
                UiLanguage.ZH_HANS, false, Optional.empty(), Duration.ofMinutes(15), Optional.empty(),
                Optional.empty(), Optional.empty());
    }
}
