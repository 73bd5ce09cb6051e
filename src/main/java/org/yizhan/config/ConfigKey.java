package org.yizhan.config;

import static org.yizhan.config.ConfigValues.optional;
import static org.yizhan.config.ConfigValues.text;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Every key of kiosk.properties, in the order the file lists them: the one list that the loader,
 * the shipped kiosk.properties, docs/configuration.md and their tests all follow.
 *
 * <p>To add a key: add a constant here (name, default, whether it is required, the type it is read into and
 * its parser from {@link ConfigValues}, descriptions and allowed values), an accessor to {@link KioskConfig}
 * if code reads it, and its block to kiosk.properties and its row to docs/configuration.md (tests fail until
 * both have it). A rule between keys (as between {@code server.url} and {@code sync.public-key}) goes in
 * {@link KioskConfigLoader}, after every key is read.
 */
public enum ConfigKey {
    HALL_NAME("hall.name", "云溪县政务服务中心", Need.REQUIRED,
            String.class, text(ConfigValues::hallName),
            "大厅名称，显示在首页顶部和排队小票上。",
            "Name of the service hall, shown at the top of the home screen and on queue tickets.",
            "1 到 40 个字，不能为空",
            "a name of 1 to 40 characters"),
    KIOSK_ID("kiosk.id", "kiosk-01", Need.REQUIRED,
            String.class, text(ConfigValues::id),
            "本机编号，用来区分同一大厅的多台自助终端，会出现在日志、评价和同步记录中。",
            "This kiosk's id, which tells the kiosks of one hall apart in logs, ratings and sync records.",
            "1 到 32 个英文字母、数字、下划线 _ 或连字符 -",
            "1 to 32 letters, digits, _ or -"),
    DATA_DIR("data.dir", "${user.home}/.yizhan", Need.OPTIONAL,
            Path.class, ConfigValues::dataDir,
            "数据目录，存放本地事项库副本、日志等文件。${user.home} 表示当前用户的主目录；"
                    + "相对路径相对于本文件所在的目录。目录不存在时自动创建，必须可写。",
            "Data directory for the local catalog copy, logs and other files. ${user.home} is the user's home "
                    + "folder; a relative path is relative to the folder of this file. It is created if missing "
                    + "and must be writable.",
            "可写的目录；Windows 路径请写成 D:/yizhan（单个反斜杠 \\ 在本文件中是转义符）",
            "a writable directory"),
    IDLE_TIMEOUT("idle.timeout", "60", Need.OPTIONAL,
            Duration.class, text(ConfigValues::seconds),
            "无人操作多少秒后自动回到首页，并清除上一位群众输入的内容。最后 20 秒显示倒计时和“继续使用”按钮。",
            "Seconds without a touch after which the kiosk returns to the home screen and clears what the "
                    + "last person entered. The last 20 seconds show a countdown and a button to stay.",
            "20 到 3600 之间的整数（秒）",
            "a whole number of seconds from 20 to 3600"),
    IDLE_TIMEOUT_ELDER("idle.timeout.elder", "180", Need.OPTIONAL,
            Duration.class, text(ConfigValues::seconds),
            "长者模式开启时，无人操作多少秒后回到首页：老人读得慢、找材料慢，应比 idle.timeout 长；"
                    + "比 idle.timeout 短时按 idle.timeout 计。",
            "Seconds without a touch after which the kiosk returns home while elder mode is on: older people "
                    + "read and look for their papers more slowly, so this should be longer than idle.timeout; "
                    + "if it is shorter, idle.timeout is used.",
            "20 到 3600 之间的整数（秒）",
            "a whole number of seconds from 20 to 3600"),
    DISPLAY_ORIENTATION("display.orientation", "portrait", Need.OPTIONAL,
            Orientation.class, text(ConfigValues::orientation),
            "屏幕方向：portrait 为竖屏，landscape 为横屏。",
            "Screen orientation: portrait (taller than wide) or landscape (wider than tall).",
            "portrait 或 landscape",
            "portrait or landscape"),
    UI_LANGUAGE("ui.language", "zh-Hans", Need.OPTIONAL,
            UiLanguage.class, text(ConfigValues::language),
            "本机的界面语言：zh-Hans 简体中文，zh-Hant 繁體中文，en 英文。市民可在顶栏切换，回到首页（无操作超时）时恢复为此语言。",
            "The kiosk's language: zh-Hans (Simplified Chinese), zh-Hant (Traditional Chinese), en (English). A citizen switches in the top bar; the idle reset returns to this one.",
            "zh-Hans、zh-Hant 或 en",
            "zh-Hans, zh-Hant or en"),
    UI_ELDER_DEFAULT("ui.elder.default", "false", Need.OPTIONAL,
            Boolean.class, text(ConfigValues::bool),
            "回到首页时是否默认开启长者模式（大字、少项、高对比）。",
            "Whether elder mode (larger type, fewer items, higher contrast) is on when the kiosk returns to "
                    + "the home screen.",
            "true 或 false",
            "true or false"),
    SERVER_URL("server.url", "embedded", Need.REQUIRED,
            Optional.class, text(ConfigValues::serverUrl),
            "终端从哪里获取事项库（以后还包括排队小票和状态）。embedded 表示在终端程序内启动大厅服务器，"
                    + "只在本机回环地址上监听，发布随程序附带的演示事项库，首次运行无需其他设置。"
                    + "否则填写大厅服务器或 CDN 所发布目录的完整网址，如 http://10.1.2.3:8080/；"
                    + "终端读取 <网址>catalog/index.json。",
            "Where the kiosk gets its catalog (and, later, queue tickets and status). embedded starts the hall "
                    + "server inside the kiosk's own program, listening only on this machine's loopback address "
                    + "and publishing the bundled demo catalog, so a first run needs nothing else. Otherwise the "
                    + "full address of the hall server, or of the folder a CDN serves, e.g. "
                    + "http://10.1.2.3:8080/; the kiosk reads <address>catalog/index.json.",
            "embedded（须小写），或以 http:// 或 https:// 开头的网址，不能含用户名、密码、空格、? 或 #",
            "embedded (in lower case) or an http:// or https:// URL without user name, password, spaces, ? or #"),
    SYNC_INTERVAL("sync.interval", "15", Need.OPTIONAL,
            Duration.class, text(ConfigValues::minutes),
            "每隔多少分钟检查一次事项库有无更新。终端会把间隔随机增减最多 20%，"
                    + "以免同一大厅的多台终端同时访问服务器。",
            "Minutes between checks for a new catalog. The kiosk adds or takes up to 20 % at random so that "
                    + "the kiosks of one hall do not all ask the server at the same moment.",
            "1 到 1440 之间的整数（分钟）",
            "a whole number of minutes from 1 to 1440"),
    SYNC_PUBLIC_KEY("sync.public-key", "", Need.OPTIONAL,
            Optional.class, optional(ConfigValues::path),
            "公钥文件的路径（由 java -jar target/yizhan.jar keygen 生成）。事项库包必须带有能用此公钥验证的 "
                    + "Ed25519 签名。写法同 data.dir：${user.home} 表示当前用户的主目录，相对路径相对于本文件所在的"
                    + "目录。server.url 为 embedded 时可以留空（内置服务器用终端自己生成的密钥签名），否则必须填写。",
            "Path of the Ed25519 public key file (as written by java -jar target/yizhan.jar keygen); a catalog "
                    + "bundle must carry a signature that this key verifies. Written like data.dir: ${user.home} "
                    + "is the user's home folder; a relative path is relative to the folder of this file. It may "
                    + "be left empty only when server.url is embedded (the embedded server signs with a key the "
                    + "kiosk makes for itself).",
            "可读的文件；仅当 server.url 为 embedded 时可以留空",
            "a readable file; empty only when server.url is embedded"),
    HALL_ID("hall.id", "", Need.OPTIONAL,
            Optional.class, optional(text(ConfigValues::id)),
            "本大厅的编号，与发布事项库时 publish --hall 编号 中写的相同。填写后，终端拒绝为其他大厅发布的"
                    + "事项库包；留空则接受任何事项库包。",
            "This hall's id, as the publisher writes it with publish --hall ID. When it is set, the kiosk "
                    + "refuses catalog bundles published for another hall; when it is empty, the kiosk accepts "
                    + "any bundle.",
            "留空，或 1 到 32 个英文字母、数字、下划线 _ 或连字符 -",
            "empty, or 1 to 32 letters, digits, _ or -"),
    SYNC_REPLACES_KEY("sync.replaces-key", "", Need.OPTIONAL,
            Optional.class, optional(text(ConfigValues::keyId)),
            "更换事项库发布方时由技术人员填写：原发布方公钥的编号（16 位十六进制，终端拒绝同步时会在提示中给出）。"
                    + "终端已有某个发布方签名的事项库时，只接受同一公钥签名的更新，不会因为配置改动而换成演示数据或"
                    + "其他公钥的事项库；只有此处写明被替换的公钥编号，才接受 sync.public-key 所指新公钥签名的事项库。"
                    + "换用完成后可以删除此行。",
            "Set by a technician when the catalog's publisher changes (a new key, another county): the key id "
                    + "(16 hex digits) of the publisher being replaced, as the kiosk's refusal names it. A kiosk that "
                    + "holds a catalog signed by one publisher accepts updates signed by that key only; a change in "
                    + "its configuration never swaps it for the demo or for another key's catalog, unless this key "
                    + "names the key being replaced. It may be removed once the change is done.",
            "留空，或 16 位十六进制数字（0-9、a-f）",
            "empty, or a key id of 16 hex digits (0-9, a-f)"),
    HALL_SECRET("hall.secret", "", Need.OPTIONAL,
            Optional.class, optional(text(ConfigValues::secret)),
            "大厅密钥：终端取号、查询办件进度、发送评价和心跳时用它向大厅服务器证明身份。大厅服务器首次启动时生成，保存在其数据目录的 "
                    + "hall.secret 文件中，由技术人员抄到本项。server.url 为 embedded 时留空（终端读取内置服务器的密钥）；"
                    + "否则留空则本机不能取号和查询进度，评价和心跳也发不出去。密钥不会显示在屏幕和日志中。",
            "The hall secret, with which the kiosk proves to the hall server that it may take tickets, look up cases and send "
                    + "ratings and its heartbeat. The hall "
                    + "server makes it on its first start and keeps it in hall.secret in its data directory; a "
                    + "technician copies it here. Leave it empty with server.url=embedded (the kiosk reads the "
                    + "embedded server's own); otherwise without it the kiosk cannot take tickets or look up cases, and its ratings and "
                    + "heartbeat wait unsent. It is never shown "
                    + "on screen or written to the log.",
            "留空，或 16 到 200 个可见 ASCII 字符（不含空格）",
            "empty, or 16 to 200 visible ASCII characters (no spaces)"),
    SERVER_CA("server.ca", "", Need.OPTIONAL,
            Optional.class, optional(ConfigValues::path),
            "server.url 为 https:// 时，签发大厅服务器证书的 CA 证书文件（PEM），如大厅自建的 CA 或县级 CA。"
                    + "留空则只信任 Java 自带的公共 CA。证书须含 server.url 中的主机名或 IP 地址。写法同 data.dir。"
                    + "与 server.pin 二选一。",
            "With an https:// server.url: the PEM file of the CA that signed the hall server's certificate, such "
                    + "as the hall's own CA or the county's. Empty trusts only the public CAs Java ships with. The "
                    + "certificate must name the host or IP address of server.url. Written like data.dir. Give "
                    + "this or server.pin, not both.",
            "留空，或可读的 PEM 证书文件",
            "empty, or a readable PEM certificate file"),
    SERVER_PIN("server.pin", "", Need.OPTIONAL,
            Optional.class, optional(text(ConfigValues::fingerprint)),
            "server.url 为 https:// 时，只信任 SHA-256 指纹为此值的服务器证书（适合没有 CA 的大厅自签证书），"
                    + "可用 openssl x509 -in cert.pem -noout -fingerprint -sha256 查看。证书不符时终端不同步，"
                    + "继续使用已有的事项库。与 server.ca 二选一。",
            "With an https:// server.url: trust only the server certificate whose SHA-256 fingerprint this is "
                    + "(for a hall's self-made certificate, without a CA), as openssl x509 -in cert.pem -noout "
                    + "-fingerprint -sha256 prints it. With another certificate the kiosk does not sync and keeps "
                    + "its catalog. Give this or server.ca, not both.",
            "留空，或 64 位十六进制数字（可带冒号）",
            "empty, or 64 hex digits (colons allowed)"),
    PRINTER_TYPE("printer.type", "none", Need.OPTIONAL,
            PrinterType.class, text(ConfigValues::printerType),
            "排队小票和材料清单用哪种打印机：escpos-tcp 为网络热敏打印机（ESC/POS，一般是 9100 端口），"
                    + "escpos-device 为接在本机上的热敏打印机（USB 如 /dev/usb/lp0，或串口），system 为操作系统的"
                    + "默认打印机，none 为没有打印机。",
            "Which printer prints queue tickets and checklists: escpos-tcp for a thermal ESC/POS printer on the "
                    + "network (usually port 9100), escpos-device for one attached to this machine (USB such as "
                    + "/dev/usb/lp0, or a serial port), system for the operating system's default printer, none "
                    + "for no printer.",
            "escpos-tcp、escpos-device、system 或 none",
            "escpos-tcp, escpos-device, system or none"),
    PRINTER_ADDRESS("printer.address", "", Need.OPTIONAL,
            Optional.class, optional(text(ConfigValues::printerAddress)),
            "打印机在哪里：escpos-tcp 时写 主机:端口（如 10.1.2.30:9100，不写端口即 9100）；escpos-device 时写设备文件"
                    + "（如 /dev/usb/lp0、/dev/ttyUSB0 或 COM3）。system 和 none 时留空。",
            "Where the printer is: for escpos-tcp, host:port (e.g. 10.1.2.30:9100; without a port, 9100); for "
                    + "escpos-device, the device file (e.g. /dev/usb/lp0, /dev/ttyUSB0 or COM3). Empty for system "
                    + "and none.",
            "escpos-tcp 时为 主机:端口，escpos-device 时为设备文件路径，其他情况留空",
            "host:port for escpos-tcp, a device path for escpos-device, empty otherwise"),
    PRINTER_PAPER("printer.paper", "80", Need.OPTIONAL,
            Integer.class, text(ConfigValues::paper),
            "热敏纸宽度（毫米）：58 或 80。小票按此宽度排版（203 dpi 下 384 或 576 点）。",
            "Width of the thermal paper in millimetres: 58 or 80. Tickets are laid out for it (384 or 576 dots "
                    + "at 203 dpi).",
            "58 或 80",
            "58 or 80"),
    TICKET_ON_SCREEN("ticket.on-screen", "true", Need.OPTIONAL,
            Boolean.class, text(ConfigValues::bool),
            "没有打印机（printer.type=none）时，是否允许只在屏幕上显示号码（群众拍照或记下）。为 false 时，"
                    + "没有打印机的终端不出号，请群众到服务台取号。有打印机时不起作用：号码打印出来才算数。",
            "Whether, with no printer (printer.type=none), the kiosk may show a number on screen only (people "
                    + "photograph or note it). With false, a kiosk without a printer gives no numbers and sends "
                    + "people to the information desk. No effect with a printer: a number counts only once printed.",
            "true 或 false",
            "true or false"),
    TICKET_PUBLIC_URL("ticket.public-url", "", Need.OPTIONAL,
            Optional.class, optional(text(ConfigValues::publicUrl)),
            "手机扫描小票二维码时打开的大厅服务器地址，如 http://dating.example.gov.cn/。手机访问大厅服务器用的名字"
                    + "往往与终端不同。留空则用 server.url（embedded 时二维码只在本机可用）。",
            "The hall server's address as a phone reaches it when it scans a ticket's QR code, e.g. "
                    + "http://dating.example.gov.cn/; a phone often knows the server by another name than the kiosk "
                    + "does. Empty: server.url (with embedded, the QR code works only on this machine).",
            "留空，或以 http:// 或 https:// 开头的网址",
            "empty, or an http:// or https:// URL"),
    OUTBOX_MAX_MESSAGES("outbox.max-messages", "10000", Need.OPTIONAL,
            Integer.class, text(ConfigValues::outboxMessages),
            "发件箱最多存放多少条待发给大厅服务器的消息（如“已出票”确认），断网时在本机排队等候。存满时先丢弃最旧的"
                    + "心跳；出票确认和评价从不丢弃，只由它们存满时本机暂停取号。",
            "How many messages due to the hall server (a ticket's \"printed\", say) the outbox keeps while the "
                    + "server cannot be reached. When full, the oldest heartbeats are dropped first; ticket "
                    + "confirmations and ratings never are, and while they alone fill it the kiosk gives no numbers.",
            "100 到 1000000 之间的整数",
            "a whole number from 100 to 1000000"),
    SEARCH_EVERYDAY_WORDS("search.everyday-words", "", Need.OPTIONAL,
            Optional.class, optional(ConfigValues::path),
            "本大厅自己的群众常用说法词表（UTF-8 文本，格式见 docs/search.md，如“社保 = 社会保险”），在随程序附带的"
                    + "词表之外再用上，改后重启终端生效。写法同 data.dir。留空则只用附带的词表。",
            "The hall's own everyday words (a UTF-8 text file in the format of docs/search.md, e.g. 社保 = 社会保险), "
                    + "used on top of the dictionary that ships with the kiosk; read when the kiosk starts. Written "
                    + "like data.dir. Empty: the shipped dictionary only.",
            "留空，或词表文件的路径",
            "empty, or the path of a words file"),
    TECHNICIAN_PIN("technician.pin", "", Need.OPTIONAL,
            Optional.class, optional(text(ConfigValues::pinHash)),
            "技术人员面板的 PIN 码，只写加盐慢哈希：运行 java -jar target/yizhan.jar hash-pin，输入 4 到 12 位数字，"
                    + "把打印出的一行粘贴在此。在屏幕左上角 3 秒内连点 5 次，输入 PIN 即打开面板。留空则没有面板。"
                    + "不接受明文 PIN。",
            "The PIN of the technician's panel, only as its salted slow hash: run java -jar target/yizhan.jar "
                    + "hash-pin, type 4 to 12 digits and paste the line it prints here. Five taps in the top left "
                    + "corner of the screen within 3 seconds, then the PIN, open the panel. Empty: no panel. A plain "
                    + "PIN is refused.",
            "留空，或 hash-pin 打印的 pbkdf2-sha256$… 一行",
            "empty, or the pbkdf2-sha256$… line that hash-pin prints"),
    SPEECH_ENGINE("speech.engine", "auto", Need.OPTIONAL,
            SpeechChoice.class, text(ConfigValues::speechChoice),
            "长者模式下“朗读”按钮用哪个语音引擎朗读屏幕上的主要内容：auto 为本机有哪个用哪个（Linux 上的 espeak-ng，"
                    + "Windows 上的系统语音），espeak-ng 或 windows 为只用这一个，off 为不朗读。找不到引擎时不显示该按钮；"
                    + "安装方法见 README。",
            "Which speech engine the 朗读 (read aloud) button of elder mode reads a screen's main text with: auto "
                    + "takes whichever this machine has (espeak-ng on Linux, the system voice on Windows), espeak-ng "
                    + "or windows only that one, off none. Without an engine the button is not shown; the README "
                    + "says how to add one.",
            "auto、off、espeak-ng 或 windows",
            "auto, off, espeak-ng or windows"),
    SPEECH_RATE("speech.rate", "80", Need.OPTIONAL,
            Integer.class, text(ConfigValues::speechRate),
            "朗读速度，为语音引擎正常语速的百分之几。默认 80，比正常稍慢，便于老年人听清。",
            "How fast the kiosk reads aloud, in per cent of the engine's normal speed. The default, 80, is a "
                    + "little slower than normal, so that elders follow.",
            "50 到 150 之间的整数（百分比）",
            "a whole number from 50 to 150 (per cent)"),
    SPEECH_TRADITIONAL("speech.traditional", "cantonese", Need.OPTIONAL,
            TraditionalVoice.class, text(ConfigValues::traditionalVoice),
            "界面为繁體中文时用什么话朗读：cantonese 为粤语（广东、香港、澳门的群众），mandarin 为普通话"
                    + "（如台湾同胞）。简体中文总用普通话，英文用英语。",
            "Which spoken language reads aloud while the screens are in Traditional Chinese: cantonese (for "
                    + "citizens from Guangdong, Hong Kong and Macao) or mandarin (for visitors from Taiwan). "
                    + "Simplified Chinese is always read in Mandarin, English in English.",
            "cantonese 或 mandarin",
            "cantonese or mandarin"),
    LOG_MAX_FILE_SIZE("log.max-file-size", "10", Need.OPTIONAL,
            Integer.class, text(ConfigValues::logFileMegabytes),
            "日志文件（数据目录下的 logs/kiosk.log）写到多少兆字节（MB）时换一个新文件。日志最多占用"
                    + " log.max-file-size × log.keep-days 兆字节，超出时先删最旧的。",
            "Megabytes (MB) after which the log file (logs/kiosk.log in the data directory) is set aside and a new "
                    + "one begun. The logs take at most log.max-file-size × log.keep-days MB; beyond that the "
                    + "oldest go first.",
            "1 到 1000 之间的整数（MB）",
            "a whole number of megabytes from 1 to 1000"),
    LOG_KEEP_DAYS("log.keep-days", "14", Need.OPTIONAL,
            Integer.class, text(ConfigValues::logDays),
            "日志保留多少天，更早的日志文件自动删除。",
            "Days the log files are kept; older ones are deleted.",
            "1 到 365 之间的整数（天）",
            "a whole number of days from 1 to 365");

    /** Whether a kiosk.properties must set the key. */
    private enum Need { REQUIRED, OPTIONAL }

    private final String key;
    private final String defaultValue;
    private final boolean required;
    private final Class<?> type;
    private final ConfigValues.Parser parser;
    private final String descriptionZh;
    private final String descriptionEn;
    private final String expectedZh;
    private final String expectedEn;

    ConfigKey(String key, String defaultValue, Need need, Class<?> type, ConfigValues.Parser parser, String descriptionZh, String descriptionEn,
              String expectedZh, String expectedEn) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.required = need == Need.REQUIRED;
        this.type = type;
        this.parser = parser;
        this.descriptionZh = descriptionZh;
        this.descriptionEn = descriptionEn;
        this.expectedZh = expectedZh;
        this.expectedEn = expectedEn;
    }

    /** What {@link KioskConfig} holds for this key, e.g. {@code Duration} ({@code Optional} for a key that may be empty). */
    Class<?> type() {
        return type;
    }

    /** Reads the trimmed value as the file writes it; {@code baseDir} and {@code userHome} resolve paths. */
    Object parse(String value, Path baseDir, Path userHome) throws ConfigValues.InvalidValue {
        return parser.parse(value, baseDir, userHome);
    }

    /** The key as written in kiosk.properties, e.g. {@code idle.timeout}. */
    public String key() {
        return key;
    }

    /**
     * The default, as it would be written in kiosk.properties, e.g. {@code 60}; may be empty. For a
     * {@link #required()} key there is no default: this is the value the shipped kiosk.properties sets.
     */
    public String defaultValue() {
        return defaultValue;
    }

    /**
     * A key every kiosk.properties must set: a file without it is a mistake (empty, cut short, or the wrong
     * file), never a reason to start on the demo's settings.
     */
    public boolean required() {
        return required;
    }

    /** What the key does, in Chinese. */
    public String descriptionZh() {
        return descriptionZh;
    }

    /** What the key does, in English. */
    public String descriptionEn() {
        return descriptionEn;
    }

    /** The allowed values, in Chinese. */
    public String expectedZh() {
        return expectedZh;
    }

    /** The allowed values, in English, e.g. {@code a whole number of seconds from 20 to 3600}. */
    public String expectedEn() {
        return expectedEn;
    }

    /** The allowed values and the default, as an error message states them. */
    public String expectedWithDefault() {
        return expectedEn + (required ? " (required)" : " (default " + (defaultValue.isEmpty() ? "empty" : defaultValue) + ")");
    }

    /** As {@link #expectedWithDefault()}, in Chinese. */
    public String expectedWithDefaultZh() {
        return expectedZh + (required ? "（必填）" : "（默认" + (defaultValue.isEmpty() ? "为空" : " " + defaultValue) + "）");
    }

    /** The known key with exactly this name (case-sensitive, as Properties is). */
    public static Optional<ConfigKey> byKey(String key) {
        for (ConfigKey k : values()) {
            if (k.key.equals(key)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /**
     * The known key that an unknown key was most likely meant to be: the same but for case or separators
     * ({@code Hall.Name}, {@code idle_timeout}), or at most two edits away ({@code idle.timout}).
     * Empty when the unknown key looks unrelated (it may belong to a newer version).
     */
    public static Optional<ConfigKey> suggestionFor(String unknownKey) {
        String wanted = normalized(unknownKey);
        String wantedBare = wanted.replace(".", "");
        ConfigKey best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (ConfigKey k : values()) {
            String candidate = normalized(k.key);
            int distance = candidate.replace(".", "").equals(wantedBare)
                    ? 0
                    : editDistance(wanted, candidate);
            if (distance < bestDistance) {
                best = k;
                bestDistance = distance;
            }
        }
        return bestDistance <= 2 ? Optional.of(best) : Optional.empty();
    }

    private static String normalized(String key) {
        return key.strip().toLowerCase(Locale.ROOT).replaceAll("[_\\-\\s]", ".");
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
