package org.yizhan.server.queue;

/** {@code /report}: the day's report as one plain page (every name escaped; no script). */
final class ReportPage {
    private ReportPage() {
    }

    static String of(DayReport report) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>每日统计</title><style>
                body{font:18px/1.5 sans-serif;margin:24px;color:#1a1a1a}table{border-collapse:collapse;margin:12px 0 28px}
                th,td{border:1px solid #c8ced6;padding:6px 12px;text-align:right}th:first-child,td:first-child{text-align:left}
                th{background:#eef2f7}tr.total td{font-weight:700}p{color:#5c6470}</style></head><body>
                """);
        html.append("<h1>").append(TicketPage.escape(report.hall())).append(" · ").append(report.date()).append(" 每日统计</h1>");
        html.append("<form method=\"get\" action=\"/report\"><label>日期 <input type=\"date\" name=\"date\" value=\"")
                .append(report.date()).append("\"></label> <button>查看</button></form>");
        html.append("<h2>按业务</h2>");
        table(html, report.queues(), report.total());
        html.append("<h2>按窗口</h2>");
        table(html, report.windows(), null);
        html.append("<p>等候：取号到（最后一次）叫号；办理：开始办理到办结；分:秒。P90：九成号码不超过此时间。</p></body></html>");
        return html.toString();
    }

    private static void table(StringBuilder html, java.util.List<DayReport.Line> lines, DayReport.Line total) {
        html.append("<table><tr><th></th><th>取号</th><th>办结</th><th>过号</th><th>作废</th><th>平均等候</th>"
                + "<th>P90 等候</th><th>平均办理</th><th>P90 办理</th></tr>");
        for (DayReport.Line l : lines) {
            row(html, l, "");
        }
        if (total != null) {
            row(html, total, " class=\"total\"");
        }
        html.append("</table>");
    }

    private static void row(StringBuilder html, DayReport.Line l, String attributes) {
        html.append("<tr").append(attributes).append("><td>").append(TicketPage.escape(l.name())).append("</td><td>")
                .append(l.issued()).append("</td><td>").append(l.served()).append("</td><td>").append(l.noShows())
                .append("</td><td>").append(l.voided()).append("</td><td>").append(DayReport.minutes(l.waitAverage()))
                .append("</td><td>").append(DayReport.minutes(l.waitP90())).append("</td><td>")
                .append(DayReport.minutes(l.servingAverage())).append("</td><td>").append(DayReport.minutes(l.servingP90()))
                .append("</td></tr>");
    }
}
