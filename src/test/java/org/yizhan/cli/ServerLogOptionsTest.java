package org.yizhan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code server --log-max-file-size MB --log-keep-days DAYS} take the kiosk's ranges, and say so in one line. */
class ServerLogOptionsTest {

    @TempDir
    Path dir;

    @Test
    void aLogSizeOrAgeOutOfRangeIsOneLine() {
        for (String[] options : List.of(new String[] {"--log-max-file-size", "0"}, new String[] {"--log-keep-days", "366"})) {
            CommandRun run = CommandRun.of("server", "--data", dir.toString(), options[0], options[1]);
            assertEquals(2, run.code(), run.err());
            assertEquals("server: --log-max-file-size must be from 1 to 1000 (MB) and --log-keep-days from 1 to 365",
                    run.err().strip());
        }
    }
}
