package org.yizhan.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hall's own pages (the counter page, the calling display) and their scripts and styles: plain files in the
 * jar under {@code /org/yizhan/server/web/}, no build step and nothing fetched from elsewhere at run time.
 */
public final class WebPages {
    private static final String FOLDER = "/org/yizhan/server/web/";
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8");
    private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();

    private WebPages() {
    }

    /** A route handler that answers the file {@code name} (e.g. counter.html). */
    public static Routes.Handler file(String name) {
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        if (type == null) {
            throw new IllegalArgumentException("no type for " + name);
        }
        byte[] body = bytes(name);
        return exchange -> Responses.page(exchange, type, body);
    }

    /**
     * The kiosk's bundled font (assets/fonts, a subset of Noto Sans CJK SC with every GB2312 hanzi), so the pages
     * read right on a PC or TV browser without a Chinese font; kept by the browser for a week.
     */
    public static Routes.Handler font(String file) {
        byte[] body = bytes("/assets/fonts/" + file);
        return exchange -> {
            exchange.setHeader("Cache-Control", "public, max-age=604800");
            exchange.setHeader("X-Content-Type-Options", "nosniff");
            exchange.send(200, "font/otf", body);
        };
    }

    static byte[] bytes(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            String resource = n.startsWith("/") ? n : FOLDER + n;
            try (InputStream in = WebPages.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the jar has no " + resource);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
