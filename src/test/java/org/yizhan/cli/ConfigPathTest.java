package org.yizhan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.config.ConfigPath;

/** The kiosk and sync read --config, else the file YIZHAN_CONFIG names, else ./kiosk.properties, and say which. */
class ConfigPathTest {

    @TempDir
    Path dir;

    private Path kioskFile(String name, String dataDir) throws Exception {
        return Files.writeString(dir.resolve(name), "hall.name=龙潭镇便民服务中心\nkiosk.id=lt-01\nserver.url=embedded\n"
                + "data.dir=" + dataDir + "\n", StandardCharsets.UTF_8);
    }

    @Test
    void theOptionComesFirstThenTheEnvironmentThenTheDefault() {
        Path option = Path.of("/etc/yizhan/kiosk.properties");
        Map<String, String> environment = Map.of("YIZHAN_CONFIG", "/srv/yizhan/kiosk.properties");
        assertEquals(new ConfigPath(option, ConfigPath.Source.OPTION), ConfigPath.choose(option, environment));
        assertEquals(new ConfigPath(Path.of("/srv/yizhan/kiosk.properties"), ConfigPath.Source.ENVIRONMENT),
                ConfigPath.choose(null, environment));
        assertEquals(new ConfigPath(Path.of("kiosk.properties"), ConfigPath.Source.DEFAULT), ConfigPath.choose(null, Map.of()));
        assertEquals(ConfigPath.Source.DEFAULT, ConfigPath.choose(null, Map.of("YIZHAN_CONFIG", "  ")).source(),
                "a blank variable is no file");
    }

    @Test
    void theKioskCommandReadsTheSameWay() {
        YizhanCommand kiosk = new YizhanCommand();
        kiosk.environment = Map.of("YIZHAN_CONFIG", "/srv/yizhan/kiosk.properties");
        assertEquals("/srv/yizhan/kiosk.properties (from the environment variable YIZHAN_CONFIG)", kiosk.configPath().describe());
        kiosk.config = Path.of("/etc/yizhan/kiosk.properties");
        assertEquals("/etc/yizhan/kiosk.properties (from --config)", kiosk.configPath().describe());
        assertEquals("/etc/yizhan/kiosk.properties（由 --config 指定）", kiosk.configPath().describeZh());
    }

    @Test
    void syncNeedsNoOptionWhenTheEnvironmentNamesTheFile() throws Exception {
        Path file = kioskFile("hall-kiosk.properties", "kiosk-data");
        CommandRun sync = CommandRun.withEnvironment(Map.of("YIZHAN_CONFIG", file.toString()), "sync");
        assertEquals(List.of("applied version 1"), sync.out(), sync.err());
        assertTrue(Files.isDirectory(dir.resolve("kiosk-data/catalog")));
    }

    @Test
    void aProblemNamesWhereThePathCameFrom() throws Exception {
        Path missing = dir.resolve("nowhere/kiosk.properties");
        CommandRun fromEnvironment = CommandRun.withEnvironment(Map.of("YIZHAN_CONFIG", missing.toString()), "sync");
        assertEquals(2, fromEnvironment.code());
        assertTrue(fromEnvironment.err().startsWith(missing + " (from the environment variable YIZHAN_CONFIG) has problems:"),
                fromEnvironment.err());

        Path other = kioskFile("other.properties", "other-data");
        CommandRun fromOption = CommandRun.withEnvironment(Map.of("YIZHAN_CONFIG", missing.toString()), "sync", "--config",
                other.toString());
        assertEquals(List.of("applied version 1"), fromOption.out(), "--config wins over the variable: " + fromOption.err());
    }

    @Test
    void aDataDirThatIsAFileStopsSyncWithOneLineAndNoStackTrace() throws Exception {
        Files.writeString(dir.resolve("data-file"), "not a folder");
        Path file = kioskFile("kiosk.properties", "data-file");
        CommandRun sync = CommandRun.withEnvironment(Map.of(), "sync", "--config", file.toString());
        assertEquals(2, sync.code());
        assertEquals(List.of(), sync.out());
        List<String> lines = sync.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(List.of(file + " (from --config) has problems:",
                "kiosk.properties: data.dir = \"data-file\" — expected a writable directory (default ${user.home}/.yizhan), "
                        + "but " + dir.resolve("data-file") + " is a file, not a directory; move the file away or give "
                        + "another data.dir"), lines);
        assertFalse(sync.err().contains("\tat "));
    }
}
