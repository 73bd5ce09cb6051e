package org.yizhan.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Which kiosk.properties a command reads, and why that one: {@code --config FILE}, else the environment
 * variable {@code YIZHAN_CONFIG}, else {@code ./kiosk.properties}. A message about the file names where its
 * path came from, so a technician who set the variable long ago is not left wondering.
 */
public record ConfigPath(Path file, Source source) {

    /** The environment variable that names the file when {@code --config} is not given. */
    public static final String ENVIRONMENT_VARIABLE = "YIZHAN_CONFIG";

    /** Where the path came from. */
    public enum Source {
        OPTION("from --config", "由 --config 指定"),
        ENVIRONMENT("from the environment variable " + ENVIRONMENT_VARIABLE, "由环境变量 " + ENVIRONMENT_VARIABLE + " 指定"),
        DEFAULT("the default: kiosk.properties in the folder the program was started from", "默认：启动目录下的 kiosk.properties");

        private final String en;
        private final String zh;

        Source(String en, String zh) {
            this.en = en;
            this.zh = zh;
        }

        public String en() {
            return en;
        }

        public String zh() {
            return zh;
        }
    }

    public ConfigPath {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(source, "source");
    }

    /**
     * The file to read: {@code option} if given, else {@code YIZHAN_CONFIG} from {@code environment} if it is set
     * and not blank, else {@link KioskConfigLoader#DEFAULT_FILE}.
     */
    public static ConfigPath choose(Path option, Map<String, String> environment) {
        if (option != null) {
            return new ConfigPath(option, Source.OPTION);
        }
        String named = environment.get(ENVIRONMENT_VARIABLE);
        if (named != null && !named.isBlank()) {
            return new ConfigPath(Path.of(named.strip()), Source.ENVIRONMENT);
        }
        return new ConfigPath(KioskConfigLoader.DEFAULT_FILE, Source.DEFAULT);
    }

    /** E.g. {@code /etc/yizhan/kiosk.properties (from the environment variable YIZHAN_CONFIG)}. */
    public String describe() {
        return file.toAbsolutePath() + " (" + source.en() + ")";
    }

    /** As {@link #describe()}, in Chinese, for the technician's page. */
    public String describeZh() {
        return file.toAbsolutePath() + "（" + source.zh() + "）";
    }
}
