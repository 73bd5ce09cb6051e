import com.github.houbb.opencc4j.util.ZhHkConverterUtil;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * For subset.sh: writes to args[0] the 繁體 the kiosk makes of every other file (org.yizhan.language.Traditional uses
 * the same converter), so the subset draws every character that conversion can put on screen.
 * Run: java -cp OPENCC4J_CLASSPATH Traditional.java OUT FILE...
 */
public class Traditional {
    public static void main(String[] args) throws Exception {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < args.length; i++) {
            out.append(ZhHkConverterUtil.toTraditional(Files.readString(Path.of(args[i]), StandardCharsets.UTF_8))).append('\n');
        }
        Files.writeString(Path.of(args[0]), out, StandardCharsets.UTF_8);
    }
}
