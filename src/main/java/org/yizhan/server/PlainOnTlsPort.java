package org.yizhan.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * On a server with TLS, a request that came in plain HTTP (a kiosk or a browser given http:// for an https port)
 * gets one {@code 400} saying to use https, and the connection is closed: nothing of it is served, so a hall
 * secret sent in clear by mistake is at least never accepted.
 */
final class PlainOnTlsPort extends Handler.Wrapper {
    PlainOnTlsPort(Handler next) {
        super(next);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (request.isSecure()) {
            return super.handle(request, response, callback);
        }
        byte[] body = Responses.errorBody("https_required", "this port speaks https: write https:// before the "
                + "server's address (server.url; docs/deployment.md, TLS)").getBytes(StandardCharsets.UTF_8);
        response.setStatus(400);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Responses.JSON);
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
