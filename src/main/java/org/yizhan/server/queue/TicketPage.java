package org.yizhan.server.queue;

import java.util.Map;
import org.yizhan.queue.TicketInfo;
import org.yizhan.queue.TicketState;

/**
 * {@code GET /t/{code}}: the page a ticket's QR opens on a phone. Plain HTML, large number, refreshed every
 * 30 s, no script. Every value is escaped: a queue name or a window comes from a file someone edited.
 */
final class TicketPage {
    /** "即将到号" from this many people ahead, or fewer. */
    static final int SOON = 3;

    private static final Map<TicketState, String> STATES = Map.of(
            TicketState.ISSUED, "正在出票",
            TicketState.PRINTED, "等候中",
            TicketState.VOIDED, "已作废（未能出票），请重新取号或到服务台咨询",
            TicketState.CALLED, "请到窗口办理",
            TicketState.SERVING, "正在办理",
            TicketState.DONE, "已办结",
            TicketState.NO_SHOW, "已过号，请到服务台咨询",
            TicketState.TRANSFERRED, "已转到本队列等候");

    private TicketPage() {
    }

    static String of(String hall, TicketInfo t) {
        StringBuilder body = new StringBuilder();
        body.append("<p class=\"number\">").append(escape(t.number())).append("</p>\n");
        body.append("<p>").append(escape(t.queueName())).append("</p>\n");
        String state = STATES.get(t.state());
        if (t.state() == TicketState.CALLED && t.window() != null) {
            state = "请到 " + escape(t.window()) + " 号窗口办理";
        } else {
            state = escape(state);
        }
        body.append("<p class=\"state\">").append(state).append("</p>\n");
        if (t.state().waiting()) {
            body.append("<p>前面还有 <b>").append(t.ahead()).append("</b> 人</p>\n");
            if (t.ahead() <= SOON) {
                body.append("<p class=\"soon\">即将到号，请留意叫号</p>\n");
            }
            body.append("<p>预计等候 ").append(t.estimatedWaitMinutes() == null ? "—"
                    : t.estimatedWaitMinutes() + " 分钟").append("</p>\n");
            if (!t.location().isEmpty()) {
                body.append("<p>候号地点：").append(escape(t.location())).append("</p>\n");
            }
        }
        body.append("<p class=\"small\">取号时间 ").append(escape(t.issuedAt().substring(11, 16)))
                .append(" · 本页每 30 秒自动刷新</p>\n");
        return page(escape(hall) + " · " + escape(t.number()), body.toString());
    }

    static String notFound() {
        return page("未找到排队票", "<p class=\"state\">未找到这张排队票</p>\n<p>请核对二维码，或到服务台咨询。</p>\n");
    }

    private static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta http-equiv="refresh" content="30">
                <title>%s</title>
                <style>
                body{font-family:sans-serif;margin:0;padding:1em;text-align:center;color:#1a1a1a;background:#fff}
                .number{font-size:4.5em;font-weight:bold;margin:.2em 0}
                .state{font-size:1.5em;font-weight:bold}
                .soon{font-size:1.4em;font-weight:bold;color:#b00020}
                .small{color:#555;font-size:.9em}
                p{font-size:1.2em;margin:.5em 0}
                </style>
                </head>
                <body>
                %s</body>
                </html>
                """.formatted(title, body);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
